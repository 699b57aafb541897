package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door through raw HTTP: envelopes of routing errors, and no 5xx for any garbage. */
class ProtocolIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/%s/aws4_request, SignedHeaders=host, Signature=0";

    private HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ecsnet.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        return post(headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownEc2ActionIsInvalidActionInTheEc2Envelope() throws Exception {
        HttpResponse<String> r = post(Map.of("Content-Type", FORM, "Authorization", SIGV4.formatted("ec2")),
                "Action=DescribeTransitGatewayAttachments&Version=2016-11-15");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("text/xml"));
        assertThat(r.body()).matches("(?s)<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>\n<Response><Errors><Error><Code>InvalidAction</Code>"
                + "<Message>ecsnet does not emulate ec2:DescribeTransitGatewayAttachments</Message></Error></Errors>"
                + "<RequestID>[0-9a-f-]{36}</RequestID></Response>");
    }

    @Test
    void unknownEc2ActionWithoutAuthorizationRoutesByVersion() throws Exception {
        HttpResponse<String> r = post(Map.of("Content-Type", FORM), "Action=Nope&Version=2016-11-15");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Response><Errors><Error><Code>InvalidAction</Code>").contains("<RequestID>");
    }

    @Test
    void ec2SuccessOverRawHttp() throws Exception {
        HttpResponse<String> r = post(Map.of("Content-Type", FORM, "Authorization", SIGV4.formatted("ec2")),
                "Action=DescribeAvailabilityZones&Version=2016-11-15&ZoneName.1=us-east-1a");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeAvailabilityZonesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>")
                .contains("<availabilityZoneInfo><item><zoneName>us-east-1a</zoneName>");
    }

    @Test
    void missingActionIsA400() throws Exception {
        HttpResponse<String> r = post(Map.of("Content-Type", FORM, "Authorization", SIGV4.formatted("ec2")), "Version=2016-11-15");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>MissingAction</Code>").contains("<RequestID>");
        HttpResponse<String> empty = post(Map.of(), new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownJsonTargetIsUnknownOperationException() throws Exception {
        for (String target : new String[] {"AmazonEC2ContainerServiceV20141113.FlyToTheMoon", "NoSuchService_20200101.Do", "garbage"}) {
            HttpResponse<String> r = post(Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", target), "{}");
            assertThat(r.statusCode()).as(target).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
            assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
            assertThat(r.body()).as(target).contains("\"__type\":\"UnknownOperationException\"").doesNotContain("null")
                    .contains("\"message\":\"ecsnet does not emulate ");
        }
    }

    @Test
    void badJsonForAKnownTargetIsA400() throws Exception {
        HttpResponse<String> r = post(Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters"), "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("SerializationException");
    }

    @Test
    void garbageNeverYieldsA5xx() throws Exception {
        Random random = new Random(42);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("binary", randomBytes(random, 2048));
        bodies.put("percent", "%%%%=%zz&&==&Action=%".getBytes(StandardCharsets.UTF_8));
        bodies.put("deep", ("Action=DescribeVpcs&Version=2016-11-15&" + "a" + ".b".repeat(50_000) + "=1").getBytes(StandardCharsets.UTF_8));
        bodies.put("wrong types", "Action=DescribeSubnets&Version=2016-11-15&MaxResults=abc&Filter.1=x".getBytes(StandardCharsets.UTF_8));
        bodies.put("huge index", "Action=DescribeSubnets&Version=2016-11-15&SubnetId.99999999999=x&Filter.1.Name.1=a".getBytes(StandardCharsets.UTF_8));
        bodies.put("max results overflow", "Action=DescribeVpcs&Version=2016-11-15&MaxResults=99999999999999".getBytes(StandardCharsets.UTF_8));
        bodies.put("struct for scalar", "Action=CreateVpc&Version=2016-11-15&CidrBlock.1=10.0.0.0/16".getBytes(StandardCharsets.UTF_8));
        bodies.put("json to query", "{\"Action\":\"DescribeVpcs\"}".getBytes(StandardCharsets.UTF_8));
        bodies.put("tag without key", "Action=CreateTags&Version=2016-11-15&ResourceId.1=vpc-1&Tag.1.Value=x".getBytes(StandardCharsets.UTF_8));
        bodies.put("empty ids", "Action=DeleteSecurityGroup&Version=2016-11-15&GroupId=".getBytes(StandardCharsets.UTF_8));
        bodies.put("token", "Action=DescribeTags&Version=2016-11-15&NextToken=ZWNzbmV0Oi0x&MaxResults=5".getBytes(StandardCharsets.UTF_8));
        bodies.put("bad ip", "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupName=default&IpPermissions.1.IpProtocol=tcp"
                .getBytes(StandardCharsets.UTF_8));
        String[] auths = {"", "garbage", "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=////", "Credential=a/b/c/ec2/e,",
                SIGV4.formatted("ec2"), SIGV4.formatted("nosuch"), "AWS4-HMAC-SHA256 Credential=111122223333/x/zz-top-9/ec2/aws4_request"};
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            for (String auth : auths) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", FORM);
                if (!auth.isEmpty()) {
                    headers.put("Authorization", auth);
                }
                HttpResponse<String> r = post(headers, body.getValue());
                assertThat(r.statusCode()).as(body.getKey() + " / " + auth + ": " + r.body()).isBetween(200, 499);
                if (r.statusCode() >= 400) {
                    assertThat(r.body()).as(body.getKey() + " / " + auth).containsAnyOf("<Code>", "__type");
                }
            }
        }
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = post(Map.of("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters"), randomBytes(random, 300));
            assertThat(r.statusCode()).isBetween(200, 499);
        }
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
