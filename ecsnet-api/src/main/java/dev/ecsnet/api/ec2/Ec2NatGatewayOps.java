package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.Gateways;
import dev.ecsnet.domain.net.NatGateway;
import dev.ecsnet.domain.net.Network;

import java.util.List;

/** NAT gateways: create (pending → available on the clock), describe, delete (deleting → deleted). */
final class Ec2NatGatewayOps {
    private Ec2NatGatewayOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateNatGateway", Ec2NatGatewayOps::create);
        t.register("DescribeNatGateways", Ec2NatGatewayOps::describe);
        t.register("DeleteNatGateway", c -> Ec2Shapes.object().put("natGatewayId", gateways(c).deleteNatGateway(c.params().required("NatGatewayId")).id()));
    }

    private static final Ec2Filters<NatGateway> FILTERS = Ec2Filters.<NatGateway>taggable()
            .field("nat-gateway-id", NatGateway::id)
            .field("state", NatGateway::state)
            .field("subnet-id", NatGateway::subnetId)
            .field("vpc-id", NatGateway::vpcId);

    private static Gateways gateways(Call c) {
        return c.state().network().gateways();
    }

    static ObjectNode render(Network net, NatGateway n) {
        ObjectNode o = Ec2Shapes.object()
                .put("createTime", Ec2Shapes.time(n.createTime()));
        if (n.deleteTime() != null) {
            o.put("deleteTime", Ec2Shapes.time(n.deleteTime()));
        }
        ObjectNode address = o.putArray("natGatewayAddressSet").addObject()
                .put("allocationId", n.allocationId())
                .put("networkInterfaceId", n.networkInterfaceId())
                .put("privateIp", n.privateIp())
                .put("publicIp", n.publicIp())
                .put("associationId", n.associationId())
                .put("isPrimary", true)
                .put("status", n.state().equals("available") ? "succeeded" : n.isGone() ? "disassociating" : "associating");
        if (n.state().equals("deleted")) {
            address.put("status", "succeeded");
        }
        o.put("natGatewayId", n.id())
                .put("state", n.state())
                .put("subnetId", n.subnetId())
                .put("vpcId", n.vpcId())
                .put("connectivityType", "public");
        o.set("tagSet", Ec2Shapes.tagSet(n.tags()));
        return o;
    }

    static ObjectNode create(Call call) {
        var p = call.params();
        NatGateway n = gateways(call).createNatGateway(p.required("SubnetId"), p.string("AllocationId").orElse(null),
                p.string("ConnectivityType").orElse(null), Ec2Shapes.tagsFor(p, "natgateway"));
        ObjectNode out = Ec2Shapes.object();
        p.string("ClientToken").ifPresent(t -> out.put("clientToken", t));
        out.set("natGateway", render(call.state().network(), n));
        return out;
    }

    static ObjectNode describe(Call call) {
        List<String> ids = call.params().strings("NatGatewayId");
        List<NatGateway> all = ids.isEmpty() ? List.copyOf(gateways(call).natGateways())
                : ids.stream().distinct().map(gateways(call)::natGateway).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(n -> set.add(render(call.state().network(), n)));
        ObjectNode out = Ec2Shapes.object();
        out.set("natGatewaySet", set);
        page.putToken(out);
        return out;
    }
}
