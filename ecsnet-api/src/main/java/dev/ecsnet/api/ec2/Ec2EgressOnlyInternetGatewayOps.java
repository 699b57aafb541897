package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.EgressOnlyInternetGateway;
import dev.ecsnet.domain.net.EgressOnlyInternetGateways;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

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
            return ShapeWriter.ec2Xml().value("returnCode", true).answer();
        });
    }

    /** The filters EC2 documents for DescribeEgressOnlyInternetGateways: tags only. */
    private static final Ec2Filters<EgressOnlyInternetGateway> FILTERS = Ec2Filters.taggable();

    private static EgressOnlyInternetGateways gateways(Call c) {
        return c.state().network().egressOnlyInternetGateways();
    }

    static ShapeWriter render(ShapeWriter o, EgressOnlyInternetGateway g) {
        o.list("attachmentSet").item().value("state", g.attachmentState()).value("vpcId", g.vpcId()).end().end();
        o.value("egressOnlyInternetGatewayId", g.id());
        Ec2Shapes.tagSet(o, g.tags());
        return o;
    }

    static RenderedAnswer create(Call call) {
        Optional<String> token = call.params().string("ClientToken");
        EgressOnlyInternetGateway g = gateways(call).create(call.params().required("VpcId"), token.orElse(null),
                Ec2Shapes.tagsFor(call.params(), "egress-only-internet-gateway"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        token.ifPresent(t -> out.value("clientToken", t));
        render(out.object("egressOnlyInternetGateway"), g).end();
        return out.answer();
    }

    /** Ids that do not exist are left out of the answer rather than refused, as EC2 answers this call. */
    static RenderedAnswer describe(Call call) {
        List<String> ids = call.params().strings("EgressOnlyInternetGatewayId");
        List<EgressOnlyInternetGateway> all = gateways(call).all().stream().filter(g -> ids.isEmpty() || ids.contains(g.id())).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 255);
        return page.answer("egressOnlyInternetGatewaySet", (o, g) -> render(o, g));
    }
}
