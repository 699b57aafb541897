package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.Gateways;
import dev.ecsnet.domain.net.NatGateway;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;

/** NAT gateways: create (pending → available on the clock), describe, delete (deleting → deleted). */
final class Ec2NatGatewayOps {
    private Ec2NatGatewayOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateNatGateway", Ec2NatGatewayOps::create);
        t.register("DescribeNatGateways", Ec2NatGatewayOps::describe);
        t.register("DeleteNatGateway", c -> ShapeWriter.ec2Xml()
                .value("natGatewayId", gateways(c).deleteNatGateway(c.params().required("NatGatewayId")).id()).answer());
    }

    private static final Ec2Filters<NatGateway> FILTERS = Ec2Filters.<NatGateway>taggable()
            .field("nat-gateway-id", NatGateway::id)
            .field("state", NatGateway::state)
            .field("subnet-id", NatGateway::subnetId)
            .field("vpc-id", NatGateway::vpcId);

    private static Gateways gateways(Call c) {
        return c.state().network().gateways();
    }

    static ShapeWriter render(ShapeWriter o, NatGateway n) {
        o.value("createTime", Ec2Shapes.time(n.createTime()));
        if (n.deleteTime() != null) {
            o.value("deleteTime", Ec2Shapes.time(n.deleteTime()));
        }
        String status = n.state().equals("available") || n.state().equals("deleted") ? "succeeded"
                : n.isGone() ? "disassociating" : "associating";
        o.list("natGatewayAddressSet").item()
                .value("allocationId", n.allocationId())
                .value("networkInterfaceId", n.networkInterfaceId())
                .value("privateIp", n.privateIp())
                .value("publicIp", n.publicIp())
                .value("associationId", n.associationId())
                .value("isPrimary", true)
                .value("status", status)
                .end().end();
        o.value("natGatewayId", n.id())
                .value("state", n.state())
                .value("subnetId", n.subnetId())
                .value("vpcId", n.vpcId())
                .value("connectivityType", "public");
        Ec2Shapes.tagSet(o, n.tags());
        return o;
    }

    static RenderedAnswer create(Call call) {
        var p = call.params();
        NatGateway n = gateways(call).createNatGateway(p.required("SubnetId"), p.string("AllocationId").orElse(null),
                p.string("ConnectivityType").orElse(null), Ec2Shapes.tagsFor(p, "natgateway"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        p.string("ClientToken").ifPresent(t -> out.value("clientToken", t));
        render(out.object("natGateway"), n).end();
        return out.answer();
    }

    static RenderedAnswer describe(Call call) {
        List<String> ids = call.params().strings("NatGatewayId");
        List<NatGateway> all = ids.isEmpty() ? List.copyOf(gateways(call).natGateways())
                : ids.stream().distinct().map(gateways(call)::natGateway).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("natGatewaySet", (o, n) -> render(o, n));
    }
}
