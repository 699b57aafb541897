package dev.ecsnet.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One fuzzed request: a valid request of the corpus, up to one structural, one byte-level and one header mutation,
 * sent to the server that trusts the routing or (signed as test/test after the body is mutated) to the one that
 * verifies signatures. Its {@code toString} is the request exactly as it was sent, which is what jqwik shows for
 * the shrunk sample when a property fails.
 */
final class FuzzCase {
    private static final int SHOWN_BODY = 3_000;

    final FuzzBench.Captured entry;
    final Optional<FuzzMutation> structural;
    final Optional<FuzzMutation> bytes;
    final Optional<FuzzMutation> header;
    final boolean verifying;

    FuzzCase(FuzzBench.Captured entry, Optional<FuzzMutation> structural, Optional<FuzzMutation> bytes, Optional<FuzzMutation> header,
             boolean verifying) {
        this.entry = entry;
        this.structural = structural;
        this.bytes = bytes;
        this.header = header;
        this.verifying = verifying;
    }

    boolean json() {
        return entry.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("x-amz-target"));
    }

    /** The request to send: the body mutated, then (for the verifying server) signed on its clock, then the headers. */
    FuzzMutation.Request build(FuzzBench.Target target) {
        FuzzMutation.Request r = new FuzzMutation.Request(entry.method(), entry.path(), entry.query(), new LinkedHashMap<>(entry.headers()),
                entry.body().clone(), json());
        structural.ifPresent(m -> m.apply(r));
        bytes.ifPresent(m -> m.apply(r));
        if (verifying) {
            sign(r, target);
        }
        header.ifPresent(m -> m.apply(r));
        return r;
    }

    private void sign(FuzzMutation.Request r, FuzzBench.Target target) {
        r.removeHeader("authorization");
        r.removeHeader("x-amz-date");
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(r.method))
                .uri(URI.create("http://127.0.0.1:" + target.server().port() + (r.path.isEmpty() ? "/" : r.path) + (r.query.isEmpty() ? "" : "?" + r.query)));
        r.headers.forEach(unsigned::putHeader);
        byte[] body = r.body;
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(s -> s.identity(AwsCredentialsIdentity.create("test", "test"))
                .request(unsigned.build()).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, entry.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(target.clock().now(), ZoneOffset.UTC))).request();
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                r.setHeader(name, String.join(",", values));
            }
        });
    }

    private String describe(FuzzBench.Target target, FuzzMutation.Request r) {
        String path = r.path.isEmpty() ? "/" : r.path;
        StringBuilder out = new StringBuilder("\n  to the ").append(target.name()).append(" server, ").append(entry.service()).append(':')
                .append(entry.operation()).append(" with ").append(mutations()).append('\n')
                .append("  ").append(r.method).append(' ').append(path).append(r.query.isEmpty() ? "" : "?" + r.query).append('\n');
        r.headers.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        String body = new String(r.body, StandardCharsets.UTF_8);
        out.append("  (").append(r.body.length).append(" bytes) ")
                .append(body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "... [" + (body.length() - SHOWN_BODY) + " more chars]" : body);
        return out.toString();
    }

    private String mutations() {
        List<String> all = new java.util.ArrayList<>();
        structural.ifPresent(m -> all.add(m.toString()));
        bytes.ifPresent(m -> all.add(m.toString()));
        header.ifPresent(m -> all.add(m.toString()));
        return String.join(", ", all);
    }

    /** The request as it is sent (built again: jqwik shows a copy of the sample, not the one that ran). */
    @Override
    public String toString() {
        FuzzBench.Target target = verifying ? FuzzCheck.bench().verifying() : FuzzCheck.bench().plain();
        return describe(target, build(target));
    }

    /** Cases over {@code corpus}: at least one mutation each; one in five goes to the verifying server. */
    static Arbitrary<FuzzCase> arbitrary(List<FuzzBench.Captured> corpus, boolean json) {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 1_000).withoutEdgeCases();
        Arbitrary<FuzzMutation> structural = Arbitraries.oneOf(
                which.map(FuzzMutation.DropParam::new),
                Combinators.combine(which, which).as(FuzzMutation.DuplicateParam::new),
                Combinators.combine(which, Arbitraries.integers().between(0, 20)).as(FuzzMutation.WrongType::new),
                Combinators.combine(which, Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 20_000)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(100_000, 1_048_000, 1_048_577))), Arbitraries.of(true, false))
                        .as(FuzzMutation.HugeValue::new),
                Combinators.combine(which, unicode(), Arbitraries.of(false, false, true)).as(FuzzMutation.UnicodeValue::new),
                Combinators.combine(which, Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 2_000)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(10_000))), Arbitraries.of(false, true)).as(FuzzMutation.DeepNesting::new));
        Arbitrary<FuzzMutation> bytes = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 999).map(FuzzMutation.Truncate::new),
                Combinators.combine(Arbitraries.integers().between(0, 999).withoutEdgeCases().list().ofMinSize(1).ofMaxSize(8),
                        Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(8)).as(FuzzMutation.FlipBytes::new));
        Arbitrary<FuzzMutation> header = Arbitraries.oneOf(
                Arbitraries.of("Authorization", "X-Amz-Target", "Content-Type", "X-Amz-Date").map(FuzzMutation.RemoveHeader::new),
                oddAuthorization().map(v -> new FuzzMutation.SetHeader("Authorization", v)),
                Arbitraries.of("application/json", "text/plain", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                        "multipart/form-data; boundary=x", "", "application/x-amz-json-1.0", "application/xml", "*/*; q=0.1")
                        .map(v -> new FuzzMutation.SetHeader("Content-Type", v)),
                oddTarget(json).map(v -> new FuzzMutation.SetHeader("X-Amz-Target", v)),
                Arbitraries.of("20260101T000000Z", "garbage", "", "2026-01-01T00:00:00Z", "99999999T999999Z")
                        .map(v -> new FuzzMutation.SetHeader("X-Amz-Date", v)));
        return Combinators.combine(Arbitraries.of(corpus), structural.optional(0.7), bytes.optional(0.4), header.optional(0.4),
                        Arbitraries.integers().between(0, 4).map(i -> i == 0))
                .as(FuzzCase::new)
                .filter(c -> c.structural.isPresent() || c.bytes.isPresent() || c.header.isPresent());
    }

    private static Arbitrary<String> unicode() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("\u0000", "\uD83D\uDE00", "\u202Eevil", "\uD800", "\u03A9\u2248\u00E7", "'\"<>&", "%00", "../../etc/passwd",
                        "${jndi:ldap://127.0.0.1/x}", "\uFEFFbom", "a\u0301", "\u0000\u0000\u0000"));
    }

    private static Arbitrary<String> oddAuthorization() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMaxLength(12), Arbitraries.of("", " ", "/", ",", "=",
                "us-east-1", "mars-north-7", "ec2", "ecs", "sts", "iam", "logs", "aws4_request", "20260101", "test"), unicode());
        Arbitrary<String> templated = Combinators.combine(part, part, part, part, part, part, part)
                .as((key, date, region, service, term, headers, signature) -> "AWS4-HMAC-SHA256 Credential=" + key + "/" + date + "/" + region
                        + "/" + service + "/" + term + ", SignedHeaders=" + headers + ", Signature=" + signature);
        return Arbitraries.oneOf(templated, Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of("", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "Bearer x", "AWS AKIDEXAMPLE:c2ln",
                        "AWS4-ECDSA-P256-SHA256 Credential=test/20260101/ecs/aws4_request, SignedHeaders=host, Signature=00",
                        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ecs/aws4_request/extra/extra, SignedHeaders=host, Signature=0",
                        "AWS4-HMAC-SHA256 Credential=, SignedHeaders=, Signature=", "AWS4-HMAC-SHA256 ,,,,,",
                        "AWS4-HMAC-SHA256 Credential=" + "a/".repeat(2_000)),
                Arbitraries.strings().withChars('A', 'W', 'S', '4', '-', 'H', 'M', 'A', 'C', '=', ',', '/', ' ').ofMaxLength(7_000));
    }

    private static Arbitrary<String> oddTarget(boolean json) {
        String prefix = json ? "AmazonEC2ContainerServiceV20141113" : "Unknown_20990101";
        return Arbitraries.oneOf(Arbitraries.of("", ".", prefix, prefix + ".", "Logs_20140328.", "Route53AutoNaming_v20170314.RunTask"),
                Arbitraries.strings().alpha().ofMaxLength(40).map(op -> prefix + "." + op), Arbitraries.strings().all().ofMaxLength(80));
    }
}
