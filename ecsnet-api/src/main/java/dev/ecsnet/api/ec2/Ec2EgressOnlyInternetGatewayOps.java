package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.EgressOnlyInternetGateway;
import dev.ecsnet.domain.net.EgressOnlyInternetGateways;

import java.util.List;
import java.util.Optional;

/** Egress-only internet gateways: create, describe, delete. */
final class Ec2EgressOnlyInternetGatewayOps {
    private Ec2EgressOnlyInternetGatewayOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateEgressOnlyInternetGateway", Ec2EgressOnlyInternetGatewayOps::create);
        t.register("DescribeEgressOnlyInternetGateways", Ec2EgressOnlyInternetGatewayOps::describe);
        t.register("DeleteEgressOnlyInternetGateway", c -> {
            gateways(c).delete(c.params().required("EgressOnlyInternetGatewayId"));
            return Ec2Shapes.object().put("returnCode", true);
        });
    }

    /** The filters EC2 documents for DescribeEgressOnlyInternetGateways: tags only. */
    private static final Ec2Filters<EgressOnlyInternetGateway> FILTERS = Ec2Filters.taggable();

    private static EgressOnlyInternetGateways gateways(Call c) {
        return c.state().network().egressOnlyInternetGateways();
    }

    static ObjectNode render(EgressOnlyInternetGateway g) {
        ObjectNode o = Ec2Shapes.object();
        o.putArray("attachmentSet").addObject().put("state", g.attachmentState()).put("vpcId", g.vpcId());
        o.put("egressOnlyInternetGatewayId", g.id());
        o.set("tagSet", Ec2Shapes.tagSet(g.tags()));
        return o;
    }

    static ObjectNode create(Call call) {
        Optional<String> token = call.params().string("ClientToken");
        EgressOnlyInternetGateway g = gateways(call).create(call.params().required("VpcId"), token.orElse(null),
                Ec2Shapes.tagsFor(call.params(), "egress-only-internet-gateway"));
        ObjectNode out = Ec2Shapes.object();
        token.ifPresent(t -> out.put("clientToken", t));
        out.set("egressOnlyInternetGateway", render(g));
        return out;
    }

    /** Ids that do not exist are left out of the answer rather than refused, as EC2 answers this call. */
    static ObjectNode describe(Call call) {
        List<String> ids = call.params().strings("EgressOnlyInternetGatewayId");
        List<EgressOnlyInternetGateway> all = gateways(call).all().stream().filter(g -> ids.isEmpty() || ids.contains(g.id())).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 255);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(g -> set.add(render(g)));
        ObjectNode out = Ec2Shapes.object();
        out.set("egressOnlyInternetGatewaySet", set);
        page.putToken(out);
        return out;
    }
}
