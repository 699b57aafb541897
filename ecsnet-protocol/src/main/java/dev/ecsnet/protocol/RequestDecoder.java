package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an HTTP request into an {@link AwsRequest}: finds the service (SigV4 credential scope, then
 * {@code X-Amz-Target} prefix, then {@code Action}+{@code Version}), the operation, the caller's account and region.
 * Signatures are not verified. Any header shape is tolerated; what cannot be routed becomes a {@link Failure}.
 */
public final class RequestDecoder {
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    private final List<ServiceSpec> services;

    public RequestDecoder(List<ServiceSpec> services) {
        this.services = List.copyOf(services);
    }

    /**
     * A request that cannot be routed; {@code service} is the best guess for the error envelope, if any, and the
     * operation, account and region are as far as they could be read (for the request log).
     */
    public static final class Failure extends RuntimeException {
        private final transient Optional<ServiceSpec> service;
        private final AwsError error;
        private final String operation;
        private final String accountId;
        private final String region;

        Failure(ServiceSpec service, AwsError error, String operation, String accountId, String region) {
            super(error.getMessage(), null, false, false);
            this.service = Optional.ofNullable(service);
            this.error = error;
            this.operation = operation == null || operation.isBlank() ? "-" : operation;
            this.accountId = accountId;
            this.region = region;
        }

        public String operation() {
            return operation;
        }

        public String accountId() {
            return accountId;
        }

        public String region() {
            return region;
        }

        public Optional<ServiceSpec> service() {
            return service;
        }

        public AwsError error() {
            return error;
        }
    }

    record Credential(String accessKey, String region, String service) {
    }

    public AwsRequest decode(HttpExchange http, String requestId) {
        Credential cred = credential(http);
        String account = isAccountId(cred.accessKey()) ? cred.accessKey() : DEFAULT_ACCOUNT;
        String region = cred.region() == null ? DEFAULT_REGION : AwsRegions.signingRegion(cred.region());

        Optional<String> target = http.header("x-amz-target");
        if (target.isPresent()) {
            String t = target.get().trim();
            int dot = t.lastIndexOf('.');
            String prefix = dot < 0 ? t : t.substring(0, dot);
            String op = dot < 0 ? "" : t.substring(dot + 1);
            ServiceSpec spec = services.stream()
                    .filter(s -> s.protocol() == AwsProtocol.JSON_1_1 && s.targetPrefix().equals(prefix))
                    .findFirst().orElse(null);
            if (spec == null) {
                String signingName = cred.service() != null ? cred.service() : "unknown";
                throw new Failure(ServiceSpec.json(signingName, "", prefix), AwsError.badRequest("UnknownOperationException",
                        notServed(signingName, op.isEmpty() ? t : op, "target prefix '" + prefix + "'")), op, account, region);
            }
            if (op.isEmpty()) {
                throw new Failure(spec, AwsError.notEmulated(spec, t), t, account, region);
            }
            requireKnownRegion(spec, op, account, region);
            ObjectNode params;
            try {
                params = Json11Codec.parseBody(http.body());
            } catch (AwsError e) {
                throw new Failure(spec, e, op, account, region);
            }
            return new AwsRequest(spec, op, account, region, requestId, params);
        }

        Map<String, String> flat = new LinkedHashMap<>(FormParams.parse(http.query()));
        if (http.body() != null && http.body().length > 0) {
            flat.putAll(FormParams.parse(new String(http.body(), StandardCharsets.UTF_8)));
        }
        String action = flat.remove("Action");
        String version = flat.remove("Version");
        ServiceSpec spec = services.stream()
                .filter(s -> s.protocol() != AwsProtocol.JSON_1_1)
                .filter(s -> cred.service() == null || s.signingName().equals(cred.service()))
                .filter(s -> version == null || s.apiVersion().equals(version))
                .findFirst()
                .or(() -> services.stream().filter(s -> s.protocol() != AwsProtocol.JSON_1_1)
                        .filter(s -> version != null && s.apiVersion().equals(version)).findFirst())
                .orElse(null);
        if (spec == null) {
            String signingName = cred.service() == null ? "unknown" : cred.service();
            ServiceSpec envelope = queryEnvelope(cred.service());
            throw new Failure(envelope, AwsError.badRequest("InvalidAction", notServed(signingName, action == null ? "" : action,
                    "API version '" + (version == null ? "" : version) + "'")), action, account, region);
        }
        requireKnownRegion(spec, action, account, region);
        if (action == null || action.isBlank()) {
            throw new Failure(spec, AwsError.badRequest("MissingAction", "The request must contain the parameter Action"), action, account, region);
        }
        return new AwsRequest(spec, action, account, region, requestId, FormParams.fold(flat));
    }

    /** Twelve ASCII digits (without a regular expression: this runs for every request). */
    static boolean isAccountId(String s) {
        if (s == null || s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A request without a credential scope keeps {@link #DEFAULT_REGION}; one that names a region must name a real one. */
    private static void requireKnownRegion(ServiceSpec spec, String operation, String account, String region) {
        if (!AwsRegions.isKnown(region)) {
            String shown = region.length() > 64 ? region.substring(0, 64) + "..." : region;
            throw new Failure(spec, AwsError.invalidRegion(spec, shown), operation, account, shown);
        }
    }

    /**
     * The envelope for an error raised before the request could be decoded (by the HTTP layer: a body too large, a
     * bad header): JSON 1.1 when an {@code X-Amz-Target} is present, EC2's for the {@code ec2} signing name, else Query.
     */
    public ServiceSpec envelopeFor(Map<String, String> lowerCaseHeaders) {
        HttpExchange headersOnly = new HttpExchange("POST", "/", "", lowerCaseHeaders, new byte[0]);
        if (headersOnly.header("x-amz-target").isPresent()) {
            return ServiceSpec.json("unknown", "", "");
        }
        return queryEnvelope(credential(headersOnly).service());
    }

    /** The envelope of the query-protocol service with this signing name (EC2's for {@code ec2}, whatever the version), else Query. */
    private ServiceSpec queryEnvelope(String signingName) {
        return services.stream().filter(s -> s.protocol() != AwsProtocol.JSON_1_1 && s.signingName().equals(signingName)).findFirst()
                .orElseGet(() -> ServiceSpec.query(signingName == null ? "unknown" : signingName, "", ""));
    }

    /** Names what came in, so that a user sees which signing name (or target, or version) ecsnet did not recognise. */
    private static String notServed(String signingName, String operation, String how) {
        String op = operation == null || operation.isBlank() ? "this operation" : operation;
        return "ecsnet does not emulate " + signingName + ":" + op + " (no emulated service answers signing name '"
                + signingName + "' with " + how + ")";
    }

    static Credential credential(HttpExchange http) {
        String scope = http.header("authorization")
                .map(RequestDecoder::credentialFromAuthorization)
                .orElseGet(() -> FormParams.parse(http.query()).get("X-Amz-Credential"));
        if (scope == null) {
            return new Credential(null, null, null);
        }
        String[] parts = scope.trim().split("/");
        String accessKey = parts.length > 0 && !parts[0].isBlank() ? parts[0] : null;
        String region = parts.length > 2 ? parts[2] : null;
        String service = parts.length > 3 ? parts[3] : null;
        return new Credential(accessKey, region, service);
    }

    private static String credentialFromAuthorization(String authorization) {
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int end = authorization.indexOf(',', at);
        String value = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end);
        return value.trim();
    }
}
