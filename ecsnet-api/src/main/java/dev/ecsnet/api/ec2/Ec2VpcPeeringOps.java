package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.VpcPeeringConnection;
import dev.ecsnet.domain.net.VpcPeerings;
import dev.ecsnet.protocol.AwsError;

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
            return Ec2Shapes.object().put("return", true);
        });
        t.register("DeleteVpcPeeringConnection", c -> {
            peerings(c).delete(c.params().required("VpcPeeringConnectionId"));
            return Ec2Shapes.object().put("return", true);
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

    private static ObjectNode vpcInfo(Network net, VpcPeeringConnection c, String vpcId, VpcPeeringConnection.Options options) {
        ObjectNode o = Ec2Shapes.object();
        cidrOf(net, vpcId).ifPresent(cidr -> {
            o.put("cidrBlock", cidr);
            o.putArray("cidrBlockSet").addObject().put("cidrBlock", cidr);
        });
        o.put("ownerId", c.ownerId());
        if (c.isActive()) {
            o.putObject("peeringOptions").put("allowDnsResolutionFromRemoteVpc", options.allowDnsResolutionFromRemoteVpc())
                    .put("allowEgressFromLocalClassicLinkToRemoteVpc", false).put("allowEgressFromLocalVpcToRemoteClassicLink", false);
        }
        return o.put("vpcId", vpcId).put("region", c.region());
    }

    static ObjectNode render(Network net, VpcPeeringConnection c) {
        ObjectNode o = Ec2Shapes.object();
        o.set("accepterVpcInfo", vpcInfo(net, c, c.accepterVpcId(), c.accepterOptions()));
        c.expirationTime().ifPresent(t -> o.put("expirationTime", Ec2Shapes.time(t)));
        o.set("requesterVpcInfo", vpcInfo(net, c, c.requesterVpcId(), c.requesterOptions()));
        o.putObject("status").put("code", c.status().wireName()).put("message", c.statusMessage());
        o.set("tagSet", Ec2Shapes.tagSet(c.tags()));
        return o.put("vpcPeeringConnectionId", c.id());
    }

    private static ObjectNode connection(Call call, VpcPeeringConnection c) {
        ObjectNode out = Ec2Shapes.object();
        out.set("vpcPeeringConnection", render(call.state().network(), c));
        return out;
    }

    static ObjectNode create(Call call) {
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

    private static ObjectNode renderOptions(VpcPeeringConnection.Options o) {
        return Ec2Shapes.object().put("allowDnsResolutionFromRemoteVpc", o.allowDnsResolutionFromRemoteVpc())
                .put("allowEgressFromLocalClassicLinkToRemoteVpc", false).put("allowEgressFromLocalVpcToRemoteClassicLink", false);
    }

    static ObjectNode modifyOptions(Call call) {
        Params p = call.params();
        VpcPeeringConnection c = peerings(call).modifyOptions(p.required("VpcPeeringConnectionId"),
                options(p.child("RequesterPeeringConnectionOptions")), options(p.child("AccepterPeeringConnectionOptions")));
        ObjectNode out = Ec2Shapes.object();
        if (p.has("AccepterPeeringConnectionOptions")) {
            out.set("accepterPeeringConnectionOptions", renderOptions(c.accepterOptions()));
        }
        if (p.has("RequesterPeeringConnectionOptions")) {
            out.set("requesterPeeringConnectionOptions", renderOptions(c.requesterOptions()));
        }
        return out;
    }

    static ObjectNode describe(Call call) {
        Network net = call.state().network();
        List<String> ids = call.params().strings("VpcPeeringConnectionId");
        List<VpcPeeringConnection> selected = ids.isEmpty() ? new ArrayList<>(peerings(call).all())
                : ids.stream().distinct().map(peerings(call)::get).toList();
        var page = Ec2Pages.page(filters(net).apply(selected, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("vpcPeeringConnectionSet");
        page.items().forEach(c -> set.add(render(net, c)));
        page.putToken(out);
        return out;
    }
}
