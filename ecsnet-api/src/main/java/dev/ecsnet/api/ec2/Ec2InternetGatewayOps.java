package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.Gateways;
import dev.ecsnet.domain.net.InternetGateway;

import java.util.List;

/** Internet gateways: create, attach, detach, delete, describe. */
final class Ec2InternetGatewayOps {
    private Ec2InternetGatewayOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateInternetGateway", Ec2InternetGatewayOps::create);
        t.register("AttachInternetGateway", c -> {
            gateways(c).attachInternetGateway(c.params().required("InternetGatewayId"), c.params().required("VpcId"));
            return Ec2Shapes.object().put("return", true);
        });
        t.register("DetachInternetGateway", c -> {
            gateways(c).detachInternetGateway(c.params().required("InternetGatewayId"), c.params().required("VpcId"));
            return Ec2Shapes.object().put("return", true);
        });
        t.register("DeleteInternetGateway", c -> {
            gateways(c).deleteInternetGateway(c.params().required("InternetGatewayId"));
            return Ec2Shapes.object().put("return", true);
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

    static ObjectNode render(InternetGateway g) {
        ObjectNode o = Ec2Shapes.object().put("internetGatewayId", g.id()).put("ownerId", g.ownerId());
        ArrayNode attachments = o.putArray("attachmentSet");
        if (g.attachedVpcId() != null) {
            attachments.addObject().put("vpcId", g.attachedVpcId()).put("state", "available");
        }
        o.set("tagSet", Ec2Shapes.tagSet(g.tags()));
        return o;
    }

    static ObjectNode create(Call call) {
        InternetGateway g = gateways(call).createInternetGateway(Ec2Shapes.tagsFor(call.params(), "internet-gateway"));
        ObjectNode out = Ec2Shapes.object();
        out.set("internetGateway", render(g));
        return out;
    }

    static ObjectNode describe(Call call) {
        List<String> ids = call.params().strings("InternetGatewayId");
        List<InternetGateway> all = ids.isEmpty() ? List.copyOf(gateways(call).internetGateways())
                : ids.stream().distinct().map(gateways(call)::internetGateway).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(g -> set.add(render(g)));
        ObjectNode out = Ec2Shapes.object();
        out.set("internetGatewaySet", set);
        page.putToken(out);
        return out;
    }
}
