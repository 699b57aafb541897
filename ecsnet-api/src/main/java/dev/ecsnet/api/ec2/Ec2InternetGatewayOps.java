package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.Gateways;
import dev.ecsnet.domain.net.InternetGateway;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;

/** Internet gateways: create, attach, detach, delete, describe. */
final class Ec2InternetGatewayOps {
    private Ec2InternetGatewayOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateInternetGateway", Ec2InternetGatewayOps::create);
        t.register("AttachInternetGateway", c -> {
            gateways(c).attachInternetGateway(c.params().required("InternetGatewayId"), c.params().required("VpcId"));
            return ShapeWriter.ec2Xml().value("return", true).answer();
        });
        t.register("DetachInternetGateway", c -> {
            gateways(c).detachInternetGateway(c.params().required("InternetGatewayId"), c.params().required("VpcId"));
            return ShapeWriter.ec2Xml().value("return", true).answer();
        });
        t.register("DeleteInternetGateway", c -> {
            gateways(c).deleteInternetGateway(c.params().required("InternetGatewayId"));
            return ShapeWriter.ec2Xml().value("return", true).answer();
        });
        t.register("DescribeInternetGateways", Ec2InternetGatewayOps::describe);
    }

    private static final Ec2Filters<InternetGateway> FILTERS = Ec2Filters.<InternetGateway>taggable()
            .field("internet-gateway-id", InternetGateway::id)
            .field("owner-id", InternetGateway::ownerId)
            .field("attachment.vpc-id", InternetGateway::attachedVpcId)
            .field("attachment.state", g -> g.attachedVpcId() == null ? null : "available");

    private static Gateways gateways(Call c) {
        return c.state().network().gateways();
    }

    static ShapeWriter render(ShapeWriter o, InternetGateway g) {
        o.value("internetGatewayId", g.id()).value("ownerId", g.ownerId());
        o.list("attachmentSet");
        if (g.attachedVpcId() != null) {
            o.item().value("vpcId", g.attachedVpcId()).value("state", "available").end();
        }
        o.end();
        Ec2Shapes.tagSet(o, g.tags());
        return o;
    }

    static RenderedAnswer create(Call call) {
        InternetGateway g = gateways(call).createInternetGateway(Ec2Shapes.tagsFor(call.params(), "internet-gateway"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("internetGateway"), g).end();
        return out.answer();
    }

    static RenderedAnswer describe(Call call) {
        List<String> ids = call.params().strings("InternetGatewayId");
        List<InternetGateway> all = ids.isEmpty() ? List.copyOf(gateways(call).internetGateways())
                : ids.stream().distinct().map(gateways(call)::internetGateway).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("internetGatewaySet", (o, g) -> render(o, g));
    }
}
