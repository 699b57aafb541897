package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact bytes out of each codec, for answers and for errors. */
class CodecGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServiceSpec EC2 = ServiceSpec.ec2Query("ec2", "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/");
    private static final ServiceSpec STS = ServiceSpec.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");
    private static final ServiceSpec ECS = ServiceSpec.json("ecs", "2014-11-13", "AmazonEC2ContainerServiceV20141113");
    private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static AwsRequest request(ServiceSpec spec, String op) {
        return new AwsRequest(spec, op, "000000000000", "us-east-1", "req-1", JSON.createObjectNode());
    }

    @Test
    void ec2SuccessUsesItemListsAndLowerCaseRequestId() throws Exception {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("vpcSet").item().value("vpcId", "vpc-1").value("isDefault", true).list("tagSet").end().end()
                .item().value("vpcId", "vpc-2").value("isDefault", false).list("tagSet").item().value("key", "k").value("value", "v").end().end().end()
                .end().value("nextToken", (String) null).value("count", 251);
        WireResponse r = Ec2QueryCodec.INSTANCE.success(request(EC2, "DescribeVpcs"), out.answer());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/xml;charset=UTF-8");
        assertThat(r.bodyText()).isEqualTo(DECL + "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>req-1</requestId>"
                + "<vpcSet><item><vpcId>vpc-1</vpcId><isDefault>true</isDefault><tagSet></tagSet></item>"
                + "<item><vpcId>vpc-2</vpcId><isDefault>false</isDefault><tagSet><item><key>k</key><value>v</value></item></tagSet></item></vpcSet>"
                + "<count>251</count>"
                + "</DescribeVpcsResponse>");
    }

    @Test
    void ec2ListsWithTheirOwnElementNameRepeatThatElement() throws Exception {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("networkInterfaceSet").item().list("groupSet", "groupId").item("sg-1").item("sg-2").end().value("deviceIndex", 0).end().end();
        WireResponse r = Ec2QueryCodec.INSTANCE.success(request(EC2, "DescribeLaunchTemplateVersions"), out.answer());
        assertThat(r.bodyText()).contains("<networkInterfaceSet><item><groupSet><groupId>sg-1</groupId><groupId>sg-2</groupId></groupSet>"
                + "<deviceIndex>0</deviceIndex></item></networkInterfaceSet>");
    }

    @Test
    void ec2ErrorIsResponseErrorsWithCapitalRequestID() {
        WireResponse r = Ec2QueryCodec.INSTANCE.error(EC2, "req-2", AwsError.badRequest("InvalidVpcID.NotFound", "The vpc ID 'vpc-x' does not exist"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).isEqualTo(DECL + "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>"
                + "<Message>The vpc ID &apos;vpc-x&apos; does not exist</Message></Error></Errors><RequestID>req-2</RequestID></Response>");
        assertThat(r.bodyText()).doesNotContain("<Type>");
    }

    @Test
    void ec2ErrorKeepsTheStatusOfTheError() {
        WireResponse r = Ec2QueryCodec.INSTANCE.error(EC2, "r", new AwsError("InternalError", "boom", 500));
        assertThat(r.status()).isEqualTo(500);
    }

    @Test
    void ec2ErrorWithoutMessageHasAnEmptyMessage() {
        WireResponse r = Ec2QueryCodec.INSTANCE.error(EC2, "r", AwsError.badRequest("X", null));
        assertThat(r.bodyText()).contains("<Code>X</Code><Message></Message>");
    }

    @Test
    void querySuccessWrapsResultAndUsesMemberLists() throws Exception {
        WireResponse r = QueryCodec.INSTANCE.success(request(STS, "GetCallerIdentity"),
                tree("{\"Account\":\"000000000000\",\"Names\":[\"a\",\"b\"]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers()).containsEntry("x-amzn-RequestId", "req-1");
        assertThat(r.bodyText()).isEqualTo(DECL + "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Account>000000000000</Account><Names><member>a</member><member>b</member></Names></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
    }

    @Test
    void queryMapsAreEntryElementsWithKeyAndValue() throws Exception {
        WireResponse r = QueryCodec.INSTANCE.success(request(STS, "GetCallerIdentity"),
                tree("{\"Params\":{\"entry\":[{\"key\":\"display\",\"value\":\"page\"},{\"key\":\"prompt\",\"value\":\"login\"}]}}"));
        assertThat(r.bodyText()).contains("<Params><entry><key>display</key><value>page</value></entry>"
                + "<entry><key>prompt</key><value>login</value></entry></Params>");
    }

    @Test
    void queryErrorIsErrorResponseWithTypeSenderOrReceiver() {
        WireResponse r = QueryCodec.INSTANCE.error(STS, "req-3", AwsError.badRequest("InvalidAction", "Could not find operation Foo for version 2011-06-15"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).isEqualTo(DECL + "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>InvalidAction</Code><Message>Could not find operation Foo for version 2011-06-15</Message></Error>"
                + "<RequestId>req-3</RequestId></ErrorResponse>");
        assertThat(QueryCodec.INSTANCE.error(STS, "r", new AwsError("InternalFailure", "x", 500)).bodyText()).contains("<Type>Receiver</Type>");
    }

    @Test
    void jsonSuccessIsTheResultAsIs() throws Exception {
        WireResponse r = Json11Codec.INSTANCE.success(request(ECS, "ListClusters"), tree("{\"clusterArns\":[\"a\"],\"n\":1}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.headers()).containsEntry("x-amzn-RequestId", "req-1");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"clusterArns\":[\"a\"],\"n\":1}");
    }

    @Test
    void jsonErrorSetsTypeMessageAndHeaders() {
        WireResponse r = Json11Codec.INSTANCE.error(ECS, "req-4", AwsError.badRequest("ClusterNotFoundException", "Cluster not found."));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers()).containsEntry("x-amzn-ErrorType", "ClusterNotFoundException").containsEntry("x-amzn-RequestId", "req-4");
        assertThat(r.bodyText()).isEqualTo("{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}");
    }

    @Test
    void jsonErrorWithoutMessageHasNoMessageField() {
        WireResponse r = Json11Codec.INSTANCE.error(ECS, "r", AwsError.badRequest("UnknownOperationException", null));
        assertThat(r.bodyText()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void jsonBodyParsing() {
        assertThat(Json11Codec.parseBody(new byte[0])).isEmpty();
        assertThat(Json11Codec.parseBody(null)).isEmpty();
        assertThat(Json11Codec.parseBody("  ".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Json11Codec.parseBody("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).get("a").asInt()).isEqualTo(1);
        for (String bad : new String[] {"{", "[1]", "null", "\"x\"", "{\"a\":}", "\u0000\u0001"}) {
            assertThatThrownBy(() -> Json11Codec.parseBody(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOfSatisfying(AwsError.class, e -> {
                        assertThat(e.code()).isEqualTo("SerializationException");
                        assertThat(e.httpStatus()).isEqualTo(400);
                    });
        }
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> Json11Codec.parseBody(("{\"a\":" + deep + "}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AwsError.class);
    }

    @Test
    void xmlEscapesMarkupAndQuotes() {
        assertThat(XmlWriter.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;");
        assertThat(XmlWriter.escape("plain text")).isSameAs("plain text").isEqualTo("plain text");
        assertThat(XmlWriter.escape("tab\tnl\n")).isEqualTo("tab\tnl\n");
        assertThat(XmlWriter.escape("é ü 日本 \uD83D\uDE00")).isEqualTo("é ü 日本 \uD83D\uDE00");
    }

    @Test
    void xmlCarriesCarriageReturnAsAReference() {
        assertThat(XmlWriter.escape("a\r\nb")).isEqualTo("a&#xD;\nb");
    }

    @Test
    void xmlNeverEmitsCharactersXml10CannotCarry() {
        // "&#x1;" is not well-formed XML 1.0; a client's parser would fail on the whole answer
        assertThat(XmlWriter.escape("a\u0001b\u001fc\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(XmlWriter.escape("\uFFFF<\u007f\u00a0x")).isEqualTo("\uFFFD&lt;\u007f\u00a0x");
    }

    @Test
    void xmlEscapingAppliesToValuesInAnswers() throws Exception {
        WireResponse r = Ec2QueryCodec.INSTANCE.success(request(EC2, "DescribeTags"),
                ShapeWriter.ec2Xml().list("tagSet").item().value("key", "<k>").value("value", "a&b").end().end().answer());
        assertThat(r.bodyText()).contains("<key>&lt;k&gt;</key><value>a&amp;b</value>");
        assertThat(r.body()).isEqualTo(r.bodyText().getBytes(StandardCharsets.UTF_8));
    }
}
