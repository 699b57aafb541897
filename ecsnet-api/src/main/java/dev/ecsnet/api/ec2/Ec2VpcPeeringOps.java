package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.VpcPeeringConnection;
import dev.ecsnet.domain.net.VpcPeerings;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** VPC peering connections within one account and region: request, accept, reject, delete, options, describe. */
final class Ec2VpcPeeringOps {
    private Ec2VpcPeeringOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateVpcPeeringConnection", Ec2VpcPeeringOps::create);
        t.register("AcceptVpcPeeringConnection", c -> connection(c, peerings(c).accept(c.params().required("VpcPeeringConnectionId"))));
        t.register("RejectVpcPeeringConnection", c -> {
            peerings(c).reject(c.params().required("VpcPeeringConnectionId"));
            return ShapeWriter.ec2Xml().value("return", true).answer();
        });
        t.register("DeleteVpcPeeringConnection", c -> {
            peerings(c).delete(c.params().required("VpcPeeringConnectionId"));
            return ShapeWriter.ec2Xml().value("return", true).answer();
        });
        t.register("ModifyVpcPeeringConnectionOptions", Ec2VpcPeeringOps::modifyOptions);
        t.register("DescribeVpcPeeringConnections", Ec2VpcPeeringOps::describe);
    }

    private static VpcPeerings peerings(Call c) {
        return c.state().network().peerings();
    }

    private static Optional<String> cidrOf(Network net, String vpcId) {
        return net.vpcs().stream().filter(v -> v.id().equals(vpcId)).findFirst().map(v -> v.cidr().toString());
    }

    private static Ec2Filters<VpcPeeringConnection> filters(Network net) {
        return Ec2Filters.<VpcPeeringConnection>taggable()
                .field("vpc-peering-connection-id", VpcPeeringConnection::id)
                .field("status-code", c -> c.status().wireName())
                .field("status-message", VpcPeeringConnection::statusMessage)
                .field("expiration-time", c -> c.expirationTime().map(Ec2Shapes::time).orElse(null))
                .field("requester-vpc-info.vpc-id", VpcPeeringConnection::requesterVpcId)
                .field("requester-vpc-info.owner-id", VpcPeeringConnection::ownerId)
                .field("requester-vpc-info.cidr-block", c -> cidrOf(net, c.requesterVpcId()).orElse(null))
                .field("accepter-vpc-info.vpc-id", VpcPeeringConnection::accepterVpcId)
                .field("accepter-vpc-info.owner-id", VpcPeeringConnection::ownerId)
                .field("accepter-vpc-info.cidr-block", c -> cidrOf(net, c.accepterVpcId()).orElse(null));
    }

    private static void vpcInfo(ShapeWriter o, Network net, VpcPeeringConnection c, String vpcId, VpcPeeringConnection.Options options) {
        cidrOf(net, vpcId).ifPresent(cidr -> o.value("cidrBlock", cidr).list("cidrBlockSet").item().value("cidrBlock", cidr).end().end());
        o.value("ownerId", c.ownerId());
        if (c.isActive()) {
            renderOptions(o.object("peeringOptions"), options).end();
        }
        o.value("vpcId", vpcId).value("region", c.region());
    }

    static ShapeWriter render(ShapeWriter o, Network net, VpcPeeringConnection c) {
        vpcInfo(o.object("accepterVpcInfo"), net, c, c.accepterVpcId(), c.accepterOptions());
        o.end();
        c.expirationTime().ifPresent(t -> o.value("expirationTime", Ec2Shapes.time(t)));
        vpcInfo(o.object("requesterVpcInfo"), net, c, c.requesterVpcId(), c.requesterOptions());
        o.end();
        o.object("status").value("code", c.status().wireName()).value("message", c.statusMessage()).end();
        Ec2Shapes.tagSet(o, c.tags());
        return o.value("vpcPeeringConnectionId", c.id());
    }

    private static RenderedAnswer connection(Call call, VpcPeeringConnection c) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("vpcPeeringConnection"), call.state().network(), c).end();
        return out.answer();
    }

    static RenderedAnswer create(Call call) {
        Params p = call.params();
        VpcPeeringConnection c = peerings(call).create(p.required("VpcId"), p.required("PeerVpcId"), p.string("PeerOwnerId").orElse(null),
                p.string("PeerRegion").orElse(null), Ec2Shapes.tagsFor(p, "vpc-peering-connection"));
        return connection(call, c);
    }

    private static VpcPeeringConnection.Options options(Params p) {
        if (p.bool("AllowEgressFromLocalClassicLinkToRemoteVpc").orElse(false) || p.bool("AllowEgressFromLocalVpcToRemoteClassicLink").orElse(false)) {
            throw AwsError.badRequest("InvalidParameterValue", "EC2-Classic and ClassicLink are retired; ClassicLink peering options cannot be enabled.");
        }
        return p.bool("AllowDnsResolutionFromRemoteVpc").map(VpcPeeringConnection.Options::new).orElse(null);
    }

    private static ShapeWriter renderOptions(ShapeWriter out, VpcPeeringConnection.Options o) {
        return out.value("allowDnsResolutionFromRemoteVpc", o.allowDnsResolutionFromRemoteVpc())
                .value("allowEgressFromLocalClassicLinkToRemoteVpc", false).value("allowEgressFromLocalVpcToRemoteClassicLink", false);
    }

    static RenderedAnswer modifyOptions(Call call) {
        Params p = call.params();
        VpcPeeringConnection c = peerings(call).modifyOptions(p.required("VpcPeeringConnectionId"),
                options(p.child("RequesterPeeringConnectionOptions")), options(p.child("AccepterPeeringConnectionOptions")));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        if (p.has("AccepterPeeringConnectionOptions")) {
            renderOptions(out.object("accepterPeeringConnectionOptions"), c.accepterOptions()).end();
        }
        if (p.has("RequesterPeeringConnectionOptions")) {
            renderOptions(out.object("requesterPeeringConnectionOptions"), c.requesterOptions()).end();
        }
        return out.answer();
    }

    static RenderedAnswer describe(Call call) {
        Network net = call.state().network();
        List<String> ids = call.params().strings("VpcPeeringConnectionId");
        List<VpcPeeringConnection> selected = ids.isEmpty() ? new ArrayList<>(peerings(call).all())
                : ids.stream().distinct().map(peerings(call)::get).toList();
        var page = Ec2Pages.page(filters(net).apply(selected, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("vpcPeeringConnectionSet", (o, c) -> render(o, net, c));
    }
}
