package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A render written once against {@link ShapeWriter} gives the same XML from the tree ({@link XmlWriter}) as straight
 * from the domain ({@link Ec2XmlShapeWriter}, which the EC2 codec sends): member order, {@code <item>} lists, empty
 * lists, absent members, escaping, numbers; and the same JSON.
 */
class ShapeWriterTest {
    private static final ServiceSpec EC2 = ServiceSpec.ec2Query("ec2", "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/");
    private static final AwsRequest REQUEST = new AwsRequest(EC2, "DescribeSubnets", "000000000000", "us-east-1", "req-1",
            new ObjectMapper().createObjectNode());

    private static final Consumer<ShapeWriter> SHAPE = o -> {
        o.list("subnetSet");
        for (int i = 0; i < 3; i++) {
            o.item().value("subnetId", "subnet-" + i).value("count", 251 + i).value("big", 5_000_000_000L)
                    .value("defaultForAz", i == 1).value("absent", (String) null)
                    .value("description", "a <b> & \"c\" 'd'\r\u0001\uFFFE é ✓");
            o.list("ipv6CidrBlockAssociationSet");
            if (i == 2) {
                o.item().value("associationId", "a-1").object("ipv6CidrBlockState").value("state", "associated").end().end();
            }
            o.end();
            o.object("blockPublicAccessStates").value("internetGatewayBlockMode", "off").end();
            o.list("tagSet").item().value("key", "Name").value("value", (String) null).end().end();
            o.list("groupSet", "groupId").item("sg-" + i).item(null).item("sg-<" + i + ">").end();
            o.list("securityGroupIdSet").item("sg-1").end();
            o.list("privateDnsNameOptions", "option").item().value("hostnameType", "ip-name").end().end();
            o.end();
        }
        o.end();
        o.value("nextToken", "tok");
    };

    @Test
    void theXmlWrittenStraightIsTheXmlOfTheTree() {
        TreeShapeWriter tree = ShapeWriter.tree();
        SHAPE.accept(tree);
        Ec2XmlShapeWriter xml = ShapeWriter.ec2Xml();
        SHAPE.accept(xml);
        RenderedAnswer answer = xml.answer();
        assertThat(answer.xmlMembers().toString()).isEqualTo(new XmlWriter().fields(tree.root(), "item").toString());
        String straight = Ec2QueryCodec.INSTANCE.success(REQUEST, answer).bodyText();
        assertThat(straight)
                .contains("<ipv6CidrBlockAssociationSet></ipv6CidrBlockAssociationSet>")
                .contains("<groupSet><groupId>sg-1</groupId><groupId>sg-&lt;1&gt;</groupId></groupSet>")
                .contains("<securityGroupIdSet><item>sg-1</item></securityGroupIdSet>")
                .contains("<privateDnsNameOptions><option><hostnameType>ip-name</hostnameType></option></privateDnsNameOptions>")
                .contains("<count>252</count><big>5000000000</big><defaultForAz>true</defaultForAz>")
                .contains("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#xD;\uFFFD\uFFFD é ✓")
                .doesNotContain("absent")
                .endsWith("<nextToken>tok</nextToken></DescribeSubnetsResponse>");
    }

    private static final Consumer<ShapeWriter> JSON_SHAPE = o -> {
        o.list("tasks");
        for (int i = 0; i < 2; i++) {
            o.item().value("taskArn", "arn:aws:ecs:us-east-1:000000000000:task/c/" + i).value("absent", (String) null)
                    .value("cpu", 256).value("big", 5_000_000_000L).value("createdAt", 1.7672256001234E9 + i)
                    .value("at", 1767225600.0).value("enableExecuteCommand", i == 0)
                    .value("text", "a <b> & \"c\" \\ 'd'\r\n\t\u0001 é ✓ \uD83D\uDE00");
            o.list("attachments").item().value("id", "a-" + i).list("details").end().end().end();
            o.list("compatibilities").item("EC2").item(null).item("FARGATE").end();
            o.document("overrides", java.util.Map.of("containerOverrides", java.util.List.of(java.util.Map.of("name", "app",
                    "cpu", 128, "environment", java.util.List.of()))));
            o.object("ephemeralStorage").value("sizeInGiB", 20).end();
            o.end();
        }
        o.end();
        o.list("failures").end();
        o.value("nextToken", "tok");
    };

    @Test
    void theJsonWrittenStraightIsTheJsonOfTheTree() {
        TreeShapeWriter tree = ShapeWriter.tree();
        JSON_SHAPE.accept(tree);
        JsonShapeWriter json = ShapeWriter.json();
        JSON_SHAPE.accept(json);
        String fromTree = new String(Json11Codec.INSTANCE.success(REQUEST, tree.root()).body(), java.nio.charset.StandardCharsets.UTF_8);
        String straight = new String(Json11Codec.INSTANCE.success(REQUEST, json.answer()).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(straight).isEqualTo(fromTree)
                .contains("\"cpu\":256,\"big\":5000000000,\"createdAt\":1.7672256001234E9")
                .contains("\"compatibilities\":[\"EC2\",\"FARGATE\"]")
                .contains("\"failures\":[]")
                .doesNotContain("absent")
                .endsWith("\"nextToken\":\"tok\"}");
    }

    @Test
    void aRenderedAnswerIsForTheEc2CodecOnlyAndTakesNoTreeMembers() {
        Ec2XmlShapeWriter xml = ShapeWriter.ec2Xml();
        xml.value("return", true);
        RenderedAnswer answer = xml.answer();
        assertThatThrownBy(() -> Json11Codec.INSTANCE.success(REQUEST, answer)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QueryCodec.INSTANCE.success(REQUEST, answer)).isInstanceOf(IllegalStateException.class);
        answer.put("nextToken", "t");
        assertThatThrownBy(() -> Ec2QueryCodec.INSTANCE.success(REQUEST, answer)).isInstanceOf(IllegalStateException.class);
        RenderedAnswer json = ShapeWriter.json().value("nextToken", "t").answer();
        assertThatThrownBy(() -> Ec2QueryCodec.INSTANCE.success(REQUEST, json)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEc2CodecRefusesAnAnswerBuiltAsATree() {
        TreeShapeWriter tree = ShapeWriter.tree();
        SHAPE.accept(tree);
        assertThatThrownBy(() -> Ec2QueryCodec.INSTANCE.success(REQUEST, tree.root())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DescribeSubnets");
    }

    @Test
    void anItemOutsideAListIsRefused() {
        assertThatThrownBy(() -> ShapeWriter.ec2Xml().object("o").item("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ShapeWriter.tree().object("o").item("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnclosedMemberIsRefused() {
        Ec2XmlShapeWriter xml = ShapeWriter.ec2Xml();
        xml.list("subnetSet").item();
        assertThatThrownBy(xml::answer).isInstanceOf(IllegalStateException.class).hasMessageContaining("item");
    }
}
