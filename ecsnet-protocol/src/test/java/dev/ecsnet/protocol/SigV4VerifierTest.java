package dev.ecsnet.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier against signatures computed by botocore's own signer ({@code botocore.auth.SigV4Auth} and
 * {@code SigV4QueryAuth}, run for 2015-08-30T12:36:00Z with AWS's documented example key), and each refusal's code
 * in each protocol. The SDK for Java v2 signs against the server in {@code SignatureVerificationIT}.
 */
class SigV4VerifierTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED = Instant.parse("2015-08-30T12:36:00Z");
    private static final ServiceSpec SERVICE = ServiceSpec.json("service", "", "Prefix");
    private static final ServiceSpec IAM = ServiceSpec.query("iam", "2010-05-08", "");
    private static final ServiceSpec EC2 = ServiceSpec.ec2Query("ec2", "2016-11-15", "");
    private static final ServiceSpec STS = ServiceSpec.query("sts", "2011-06-15", "");
    private static final String VANILLA = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    private final SigV4Verifier verifier = new SigV4Verifier(id -> id.equals("AKIDEXAMPLE")
            ? Optional.of(new SigningKeys.AccessKey(id, SECRET, "111122223333")) : Optional.empty());

    private static HttpExchange get(String path, String query, Map<String, String> headers) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("host", "example.amazonaws.com");
        return new HttpExchange("GET", path, query, h, new byte[0]);
    }

    private static HttpExchange vanilla(String authorization) {
        return get("/", "", Map.of("x-amz-date", "20150830T123600Z", "authorization", authorization));
    }

    @Test
    void acceptsBotocoresHeaderSignatureAndNamesTheKeysAccount() {
        SigV4Verifier.VerifiedCaller caller = verifier.verify(vanilla(VANILLA), SERVICE, SIGNED);
        assertThat(caller).isEqualTo(new SigV4Verifier.VerifiedCaller("AKIDEXAMPLE", "111122223333"));
    }

    @Test
    void signsTheBodyHashAndContentType() {
        HttpExchange post = new HttpExchange("POST", "/", "", Map.of("host", "iam.amazonaws.com", "x-amz-date", "20150830T123600Z",
                "content-type", "application/x-www-form-urlencoded; charset=utf-8",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, Signature=5d76d0de3e0ffe5a7a23cfce21b99d6f4e5060aad86bd9dc7c617f224e5b492a"),
                "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(post, IAM, SIGNED).accountId()).isEqualTo("111122223333");

        HttpExchange tampered = new HttpExchange(post.method(), post.path(), post.query(), post.headers(),
                "Action=ListUsers&Version=2010-05-09".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier.verify(tampered, IAM, SIGNED)).isInstanceOfSatisfying(AwsError.class, e -> {
            assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.getMessage()).startsWith(SigV4Failure.MISMATCH_MESSAGE).contains("The Canonical String for this request should have been");
        });
    }

    @Test
    void normalizesPathQueryAndHeaderSpacesAsBotocoreSigns() {
        HttpExchange x = get("/a%20b/./c/../d", "Param2=value2&Param1=value%2B1&a=", Map.of("x-amz-date", "20150830T123600Z",
                "my-header1", "  a   b   c ", "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;my-header1;x-amz-date, Signature=2baad4067772dfc7cfebd5f460980d81d93dbe402b99a413a6aa1fdabf709461"));
        assertThat(verifier.verify(x, SERVICE, SIGNED).accessKeyId()).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void acceptsAPresignedQueryUntilItExpires() {
        String query = "Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20150830T123600Z"
                + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=e8d7e61248a0d11a99b5981a6802d73250938b6d2c6f32f9a6b8a331d25ef4b1";
        HttpExchange x = new HttpExchange("GET", "/", query, Map.of("host", "sts.amazonaws.com"), new byte[0]);
        assertThat(verifier.verify(x, STS, SIGNED.plusSeconds(900)).accountId()).isEqualTo("111122223333");
        assertThatThrownBy(() -> verifier.verify(x, STS, SIGNED.plusSeconds(901))).isInstanceOfSatisfying(AwsError.class, e -> {
            assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.getMessage()).isEqualTo("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 900 sec.)");
        });
    }

    @Test
    void refusesSignaturesMoreThanFifteenMinutesAwayEitherWay() {
        assertThat(verifier.verify(vanilla(VANILLA), SERVICE, SIGNED.plusSeconds(900)).accountId()).isEqualTo("111122223333");
        assertThatThrownBy(() -> verifier.verify(vanilla(VANILLA), SERVICE, SIGNED.plusSeconds(901)))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidSignatureException");
                    assertThat(e.getMessage()).isEqualTo("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)");
                });
        assertThatThrownBy(() -> verifier.verify(vanilla(VANILLA), SERVICE, SIGNED.minusSeconds(901)))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T122059Z + 15 min.)"));
    }

    @Test
    void eachRefusalHasItsProtocolsCode() {
        HttpExchange unsigned = get("/", "", Map.of());
        HttpExchange unknownKey = vanilla(VANILLA.replace("AKIDEXAMPLE", "AKIDOTHER"));
        HttpExchange wrongSignature = vanilla(VANILLA.replace("5fa00f", "5fa00e"));
        HttpExchange incomplete = vanilla("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request");
        assertThat(codes(unsigned)).containsExactly("MissingAuthenticationToken 401", "MissingAuthenticationToken 403", "MissingAuthenticationTokenException 400");
        assertThat(codes(unknownKey)).containsExactly("AuthFailure 401", "InvalidClientTokenId 403", "UnrecognizedClientException 400");
        assertThat(codes(wrongSignature)).containsExactly("SignatureDoesNotMatch 403", "SignatureDoesNotMatch 403", "InvalidSignatureException 400");
        assertThat(codes(incomplete)).containsExactly("IncompleteSignature 400", "IncompleteSignature 400", "IncompleteSignatureException 400");
    }

    @Test
    void explainsAnIncompleteHeaderInAwsWords() {
        assertThat(message(vanilla("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request")))
                .isEqualTo("Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request");
        assertThat(message(vanilla("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=x")))
                .isEqualTo("'/20150830/us-east-1/service/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: "
                        + "'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=x'.");
        assertThat(message(vanilla("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service, SignedHeaders=host, Signature=x")))
                .isEqualTo("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20150830/us-east-1/service'");
        assertThat(message(vanilla("AWS4-HMAC-SHA256 Credential=a/b/c/d/e, Oops, Signature=x")))
                .isEqualTo("'Oops' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=a/b/c/d/e, Oops, Signature=x'.");
        assertThat(message(get("/", "", Map.of("authorization", VANILLA))))
                .endsWith("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + VANILLA);
        assertThat(message(vanilla("Bearer abc"))).isEqualTo("Unsupported AWS 'algorithm': 'Bearer' (ecsnet verifies AWS4-HMAC-SHA256 signatures)");
        assertThat(message(get("/", "", Map.of("x-amz-date", "2015-08-30T12:36:00Z", "authorization", VANILLA))))
                .startsWith("Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'.");
    }

    @Test
    void checksTheCredentialScope() {
        assertThat(message(vanilla(VANILLA.replace("aws4_request", "aws5_request"))))
                .isEqualTo("Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.");
        assertThat(message(vanilla(VANILLA.replace("/20150830/", "/20150831/"))))
                .isEqualTo("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.");
        assertThatThrownBy(() -> verifier.verify(vanilla(VANILLA), IAM, SIGNED)).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.getMessage()).isEqualTo("Credential should be scoped to correct service: 'iam'. "));
    }

    @Test
    void aDeclaredPayloadHashMustMatchTheBody() {
        Map<String, String> headers = new HashMap<>(Map.of("x-amz-date", "20150830T123600Z", "authorization", VANILLA,
                "x-amz-content-sha256", "0".repeat(64)));
        assertThat(message(get("/", "", headers))).isEqualTo("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    private String message(HttpExchange x) {
        try {
            verifier.verify(x, SERVICE, SIGNED);
        } catch (AwsError e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    private java.util.List<String> codes(HttpExchange x) {
        return java.util.stream.Stream.of(EC2, IAM, SERVICE).map(spec -> {
            ServiceSpec routed = spec.protocol() == AwsProtocol.JSON_1_1 ? spec : new ServiceSpec("service", spec.protocol(), "", "", "");
            try {
                verifier.verify(x, routed, SIGNED);
                return "accepted";
            } catch (AwsError e) {
                return e.code() + " " + e.httpStatus();
            }
        }).toList();
    }
}
