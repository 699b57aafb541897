package dev.ecsnet.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestDecoderTest {
    private static final ServiceSpec EC2 = ServiceSpec.ec2Query("ec2", "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/");
    private static final ServiceSpec ECS = ServiceSpec.json("ecs", "2014-11-13", "AmazonEC2ContainerServiceV20141113");
    private static final ServiceSpec STS = ServiceSpec.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");
    /** ELBv2 shares action names with EC2 (DescribeTags): only the scope or the version can tell them apart. */
    private static final ServiceSpec ELB = ServiceSpec.query("elasticloadbalancing", "2015-12-01", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");
    private final RequestDecoder decoder = new RequestDecoder(List.of(EC2, ECS, STS, ELB));

    private static String auth(String accessKey, String region, String service) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20260101/" + region + "/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";
    }

    private static HttpExchange post(Map<String, String> headers, String body) {
        Map<String, String> h = new HashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(), v));
        return new HttpExchange("POST", "/", "", h, body.getBytes(StandardCharsets.UTF_8));
    }

    private AwsRequest decode(HttpExchange http) {
        return decoder.decode(http, "rid");
    }

    private RequestDecoder.Failure failure(HttpExchange http) {
        try {
            decode(http);
        } catch (RequestDecoder.Failure f) {
            return f;
        }
        throw new AssertionError("expected a routing failure");
    }

    @Test
    void credentialScopePicksTheServiceAccountAndRegion() {
        AwsRequest r = decode(post(Map.of("Authorization", auth("111122223333", "eu-west-1", "ec2")),
                "Action=DescribeTags&Version=2016-11-15&Filter.1.Name=key&Filter.1.Value.1=Name"));
        assertThat(r.service()).isEqualTo(EC2);
        assertThat(r.operation()).isEqualTo("DescribeTags");
        assertThat(r.accountId()).isEqualTo("111122223333");
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(r.requestId()).isEqualTo("rid");
        assertThat(r.params().toString()).isEqualTo("{\"Filter\":[{\"Name\":\"key\",\"Value\":[\"Name\"]}]}");
    }

    @Test
    void sameActionNameGoesToTheServiceOfTheScope() {
        AwsRequest r = decode(post(Map.of("Authorization", auth("test", "us-east-1", "elasticloadbalancing")),
                "Action=DescribeTags&Version=2015-12-01&ResourceArns.member.1=arn"));
        assertThat(r.service()).isEqualTo(ELB);
        assertThat(r.params().toString()).isEqualTo("{\"ResourceArns\":[\"arn\"]}");
    }

    @Test
    void withoutAScopeTheVersionPicksTheService() {
        assertThat(decode(post(Map.of(), "Action=DescribeTags&Version=2015-12-01")).service()).isEqualTo(ELB);
        assertThat(decode(post(Map.of(), "Action=DescribeTags&Version=2016-11-15")).service()).isEqualTo(EC2);
        assertThat(decode(post(Map.of(), "Action=GetCallerIdentity&Version=2011-06-15")).service()).isEqualTo(STS);
    }

    @Test
    void aScopeWithAnotherVersionFallsBackToTheVersion() {
        AwsRequest r = decode(post(Map.of("Authorization", auth("test", "us-east-1", "ec2")), "Action=GetCallerIdentity&Version=2011-06-15"));
        assertThat(r.service()).isEqualTo(STS);
    }

    @Test
    void nonNumericOrShortAccessKeysMeanTheDefaultAccount() {
        for (String key : new String[] {"test", "AKIAIOSFODNN7EXAMPLE", "12345678901", "1234567890123", ""}) {
            AwsRequest r = decode(post(Map.of("Authorization", auth(key, "us-west-2", "ec2")), "Action=DescribeVpcs&Version=2016-11-15"));
            assertThat(r.accountId()).as(key).isEqualTo(RequestDecoder.DEFAULT_ACCOUNT);
        }
    }

    @Test
    void noCredentialScopeMeansTheDefaultRegionAndRealRegionsOfEveryPartitionAreKept() {
        assertThat(decode(post(Map.of(), "Action=DescribeVpcs&Version=2016-11-15")).region()).isEqualTo("us-east-1");
        for (String region : new String[] {"us-gov-west-1", "cn-northwest-1", "eu-isoe-west-1", "ap-southeast-7"}) {
            assertThat(decode(post(Map.of("Authorization", auth("test", region, "ec2")), "Action=DescribeVpcs&Version=2016-11-15")).region())
                    .isEqualTo(region);
        }
    }

    @Test
    void aRegionThatIsNotRealIsRefusedInTheCallersProtocolNamingIt() {
        for (String region : new String[] {"Mars", "mars-north-7", "useast1", "us-esat-1"}) {
            RequestDecoder.Failure ec2 = failure(post(Map.of("Authorization", auth("test", region, "ec2")), "Action=DescribeVpcs&Version=2016-11-15"));
            assertThat(ec2.service()).contains(EC2);
            assertThat(ec2.error().code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(ec2.error().httpStatus()).isEqualTo(403);
            assertThat(ec2.error().getMessage()).isEqualTo("Credential should be scoped to a valid region, not '" + region + "'.");
            assertThat(ec2.region()).isEqualTo(region);
            assertThat(ec2.operation()).isEqualTo("DescribeVpcs");
        }
        RequestDecoder.Failure json = failure(post(Map.of("Authorization", auth("test", "us-esat-1", "ecs"),
                "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters"), "{}"));
        assertThat(json.service()).contains(ECS);
        assertThat(json.error().code()).isEqualTo("InvalidSignatureException");
        assertThat(json.error().httpStatus()).isEqualTo(400);
    }

    @Test
    void presignedCredentialInTheQueryString() {
        HttpExchange http = new HttpExchange("GET", "/", "Action=DescribeVpcs&Version=2016-11-15&X-Amz-Credential=111122223333%2F20260101%2Fap-southeast-2%2Fec2%2Faws4_request",
                Map.of(), new byte[0]);
        AwsRequest r = decode(http);
        assertThat(r.service()).isEqualTo(EC2);
        assertThat(r.accountId()).isEqualTo("111122223333");
        assertThat(r.region()).isEqualTo("ap-southeast-2");
        assertThat(r.params().has("X-Amz-Credential")).isTrue();
    }

    @Test
    void bodyParametersWinOverTheQueryString() {
        HttpExchange http = new HttpExchange("POST", "/", "Action=DescribeSubnets&Version=2016-11-15&MaxResults=5", Map.of(),
                "MaxResults=6".getBytes(StandardCharsets.UTF_8));
        AwsRequest r = decode(http);
        assertThat(r.operation()).isEqualTo("DescribeSubnets");
        assertThat(r.params().get("MaxResults").asText()).isEqualTo("6");
        assertThat(r.params().has("Action")).isFalse();
        assertThat(r.params().has("Version")).isFalse();
    }

    @Test
    void xAmzTargetRoutesJson() {
        AwsRequest r = decode(post(Map.of("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters",
                "Authorization", auth("111122223333", "eu-central-1", "ecs")), "{\"maxResults\":5}"));
        assertThat(r.service()).isEqualTo(ECS);
        assertThat(r.operation()).isEqualTo("ListClusters");
        assertThat(r.accountId()).isEqualTo("111122223333");
        assertThat(r.region()).isEqualTo("eu-central-1");
        assertThat(r.params().get("maxResults").asInt()).isEqualTo(5);
    }

    @Test
    void unknownTargetIsAJsonUnknownOperation() {
        for (String target : new String[] {"Nope_20200101.DoIt", "AmazonEC2ContainerServiceV20141113", "AmazonEC2ContainerServiceV20141113.", "", "."}) {
            RequestDecoder.Failure f = failure(post(Map.of("X-Amz-Target", target), "{}"));
            assertThat(f.error().code()).as(target).isEqualTo("UnknownOperationException");
            assertThat(f.error().getMessage()).as(target).startsWith("ecsnet does not emulate ");
            assertThat(f.error().httpStatus()).isEqualTo(400);
            assertThat(f.service()).get().extracting(ServiceSpec::protocol).isEqualTo(AwsProtocol.JSON_1_1);
        }
    }

    @Test
    void badJsonForAKnownTargetIsASerializationError() {
        RequestDecoder.Failure f = failure(post(Map.of("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters"), "{not json"));
        assertThat(f.error().code()).isEqualTo("SerializationException");
        assertThat(f.service()).contains(ECS);
    }

    @Test
    void missingActionForARoutedServiceIsMissingAction() {
        RequestDecoder.Failure f = failure(post(Map.of("Authorization", auth("test", "us-east-1", "ec2")), "Version=2016-11-15"));
        assertThat(f.error().code()).isEqualTo("MissingAction");
        assertThat(f.error().httpStatus()).isEqualTo(400);
        assertThat(f.service()).contains(EC2);
    }

    @Test
    void unroutableQueryIsInvalidAction() {
        RequestDecoder.Failure f = failure(post(Map.of("Authorization", auth("test", "us-east-1", "s3")), "Action=ListBuckets"));
        assertThat(f.error().code()).isEqualTo("InvalidAction");
        assertThat(f.error().getMessage()).isEqualTo("ecsnet does not emulate s3:ListBuckets (no emulated service answers signing name 's3' with API version '')");
        assertThat(f.error().httpStatus()).isEqualTo(400);
    }

    @Test
    void anEc2CallWithAnotherVersionIsRefusedInTheEc2Envelope() {
        // found by Ec2QueryFuzzIT: a duplicated Version parameter sent EC2 clients the Query envelope
        RequestDecoder.Failure f = failure(post(Map.of("Authorization", auth("test", "us-east-1", "ec2")), "Action=CreateVpc&Version=CreateVpc"));
        assertThat(f.error().code()).isEqualTo("InvalidAction");
        assertThat(f.service()).contains(EC2);
    }

    @Test
    void oddAuthorizationHeadersAreTolerated() {
        for (String a : new String[] {"", "Bearer x", "Credential=", "Credential=,", "AWS4-HMAC-SHA256 Credential=/////",
                "AWS4-HMAC-SHA256 Credential=a", "AWS4-HMAC-SHA256 Credential=111122223333/x", "AWS AKID:sig"}) {
            AwsRequest r = decode(post(Map.of("Authorization", a), "Action=DescribeVpcs&Version=2016-11-15"));
            assertThat(r.service()).as(a).isEqualTo(EC2);
            assertThat(r.region()).as(a).isEqualTo("us-east-1");
        }
    }

    @Test
    void garbageBodiesNeverThrowAnythingButAFailure() {
        byte[][] bodies = {new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}, "%%%%=%%&&==".getBytes(StandardCharsets.UTF_8),
                "{\"Action\":\"DescribeVpcs\"}".getBytes(StandardCharsets.UTF_8), ("a" + ".b".repeat(100_000) + "=1").getBytes(StandardCharsets.UTF_8)};
        for (byte[] body : bodies) {
            try {
                decoder.decode(new HttpExchange("POST", "/", null, Map.of(), body), "rid");
            } catch (RequestDecoder.Failure expected) {
                assertThat(expected.error().httpStatus()).isEqualTo(400);
            }
        }
    }
}
