package dev.ecsnet.it;

import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.api.Services;
import dev.ecsnet.api.SignatureCheck;
import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.SigningKeys;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the fuzz properties run against: two servers (one that trusts the routing, one that verifies signatures),
 * each holding a fixture stack in an account no fuzzed request is signed for, and a corpus of valid requests the
 * SDK for Java v2 marshalled while building a playground stack in account 000000000000, which fuzzed requests may
 * change freely. {@link #fingerprint} renders the fixture account's describe outputs in-process; it must never change.
 */
final class FuzzBench implements AutoCloseable {
    static final String FIXTURE_ACCOUNT = "999999999999";
    static final SigningKeys.AccessKey FIXTURE_KEY = new SigningKeys.AccessKey("AKIAFIXTURE000000001", "fixture-secret", "111111111111");

    /** A request as the SDK sent it: signing name, method, raw path and query, headers (no Host/Content-Length), body. */
    record Captured(String service, String operation, String method, String path, String query, Map<String, String> headers, byte[] body) {
    }

    /** One of the two servers, its clock and its fixture's fingerprint at the start. */
    record Target(String name, EcsnetServer server, ManualClock clock, Dispatcher inProcess, String fixtureAccount, List<String> fixtureTasks,
                  String baseline) {
        boolean verifies() {
            return name.equals("verifying");
        }
    }

    private final Target plain;
    private final Target verifying;
    private final List<Captured> corpus;

    private FuzzBench(Target plain, Target verifying, List<Captured> corpus) {
        this.plain = plain;
        this.verifying = verifying;
        this.corpus = List.copyOf(corpus);
    }

    Target plain() {
        return plain;
    }

    Target verifying() {
        return verifying;
    }

    /** The valid requests of these signing names, in the order the SDK sent them. */
    List<Captured> corpus(Set<String> services) {
        return corpus.stream().filter(c -> services.contains(c.service())).toList();
    }

    static FuzzBench start() {
        Target plainServer = target("plain", List.of(), FIXTURE_ACCOUNT, FIXTURE_ACCOUNT, "x");
        Target verifyingServer = target("verifying", List.of(SignatureCheck.DEFAULT_KEY, FIXTURE_KEY), FIXTURE_KEY.accountId(),
                FIXTURE_KEY.accessKeyId(), FIXTURE_KEY.secretAccessKey());
        List<Captured> captured = new ArrayList<>();
        FuzzStack.playground(clients(plainServer.server(), "test", "test", captured::add));
        FuzzStack.playground(clients(verifyingServer.server(), "test", "test", c -> { }));
        return new FuzzBench(plainServer, verifyingServer, captured);
    }

    private static Target target(String name, List<SigningKeys.AccessKey> keys, String fixtureAccount, String keyId, String secret) {
        ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        EcsnetServer.Settings settings = EcsnetServer.Settings.of("127.0.0.1", 0);
        EcsnetServer server = new EcsnetServer(new Engine(clock, 42, TimingProfile.FAST, EgressPolicy.IGNORE),
                keys.isEmpty() ? settings : settings.verifyingSignatures(keys)).start();
        FuzzStack fixture = FuzzStack.fixture(clients(server, keyId, secret, c -> { }));
        for (int i = 0; i < 600 && server.engine().pendingTimers() > 0; i++) {
            server.engine().advance(Duration.ofSeconds(1));
        }
        Dispatcher inProcess = new Dispatcher(server.engine(), Services.all());
        Target unmeasured = new Target(name, server, clock, inProcess, fixtureAccount, fixture.taskArns(), "");
        return new Target(name, server, clock, inProcess, fixtureAccount, fixture.taskArns(), fingerprint(unmeasured));
    }

    /** The fixture account's describe outputs, rendered in-process (request ids removed): equal while nothing changed. */
    static String fingerprint(Target target) {
        StringBuilder out = new StringBuilder();
        for (String action : List.of("DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeNetworkInterfaces",
                "DescribeRouteTables", "DescribeInternetGateways", "DescribeTags")) {
            out.append(query(target, "ec2", "Action=" + action + "&Version=2016-11-15"));
        }
        out.append(query(target, "iam", "Action=ListRoles&Version=2010-05-08")).append(query(target, "iam", "Action=ListUsers&Version=2010-05-08"))
                .append(query(target, "elasticloadbalancing", "Action=DescribeTargetGroups&Version=2015-12-01"));
        String tasks = String.join("\",\"", target.fixtureTasks());
        out.append(json(target, "ecs", "AmazonEC2ContainerServiceV20141113.ListClusters", "{}"))
                .append(json(target, "ecs", "AmazonEC2ContainerServiceV20141113.DescribeClusters", "{\"clusters\":[\"fixture\"]}"))
                .append(json(target, "ecs", "AmazonEC2ContainerServiceV20141113.ListTaskDefinitions", "{}"))
                .append(json(target, "ecs", "AmazonEC2ContainerServiceV20141113.DescribeTasks", "{\"cluster\":\"fixture\",\"tasks\":[\"" + tasks + "\"]}"))
                .append(json(target, "ecs", "AmazonEC2ContainerServiceV20141113.ListTasks", "{\"cluster\":\"fixture\"}"))
                .append(json(target, "logs", "Logs_20140328.DescribeLogGroups", "{}"))
                .append(json(target, "servicediscovery", "Route53AutoNaming_v20170314.ListNamespaces", "{}"));
        return out.toString();
    }

    private static String query(Target target, String service, String body) {
        String answer = inProcess(target, service, Map.of("content-type", "application/x-www-form-urlencoded"), body);
        return answer.replaceAll("<(requestId|RequestId)>[^<]*</(requestId|RequestId)>", "");
    }

    private static String json(Target target, String service, String operation, String body) {
        return inProcess(target, service, Map.of("x-amz-target", operation, "content-type", "application/x-amz-json-1.1"), body);
    }

    /** An unsigned in-process call in the fixture account (the 12-digit key routes there; nothing is verified in-process). */
    private static String inProcess(Target target, String service, Map<String, String> headers, String body) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("authorization", "AWS4-HMAC-SHA256 Credential=" + target.fixtureAccount() + "/20260101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host, Signature=0");
        var answer = target.inProcess().dispatch(new HttpExchange("POST", "/", "", h, body.getBytes(StandardCharsets.UTF_8)));
        return answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8) + "\n";
    }

    /** SDK clients for one server and key; {@code capture} sees each request as marshalled and signed. */
    static FuzzStack.Clients clients(EcsnetServer server, String keyId, String secret, Consumer<Captured> capture) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                var request = context.httpRequest();
                // query protocols carry the form in the marshalled request itself, JSON ones in the request body
                var stream = context.requestBody().map(b -> b.contentStreamProvider())
                        .or(() -> request instanceof SdkHttpFullRequest full ? full.contentStreamProvider() : java.util.Optional.empty());
                byte[] body = stream.map(p -> {
                    try (InputStream in = p.newStream()) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).orElse(new byte[0]);
                Map<String, String> headers = new LinkedHashMap<>();
                request.headers().forEach((k, v) -> {
                    String name = k.toLowerCase(Locale.ROOT);
                    if (!name.equals("host") && !name.equals("content-length")) {
                        headers.put(k, String.join(",", v));
                    }
                });
                String auth = headers.getOrDefault("Authorization", "");
                String[] scope = auth.replaceFirst(".*Credential=([^,]*).*", "$1").split("/");
                String operation = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME);
                capture.accept(new Captured(scope.length > 3 ? scope[3] : "?", operation, request.method().name(), request.encodedPath(),
                        request.encodedQueryParameters().orElse(""), headers, body));
            }
        };
        return new FuzzStack.Clients() {
            @Override
            public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
                return builder.endpointOverride(URI.create("http://127.0.0.1:" + server.port())).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()).addExecutionInterceptor(recorder))
                        .build();
            }
        };
    }

    @Override
    public void close() {
        plain.server().close();
        verifying.server().close();
    }
}
