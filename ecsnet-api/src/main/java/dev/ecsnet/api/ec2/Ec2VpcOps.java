package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.protocol.AwsError;

import java.util.List;

/** CreateVpc, DescribeVpcs, DeleteVpc, ModifyVpcAttribute, DescribeVpcAttribute. */
final class Ec2VpcOps {
    private Ec2VpcOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateVpc", Ec2VpcOps::createVpc);
        t.register("DescribeVpcs", Ec2VpcOps::describeVpcs);
        t.register("DeleteVpc", Ec2VpcOps::deleteVpc);
        t.register("ModifyVpcAttribute", Ec2VpcOps::modifyVpcAttribute);
        t.register("DescribeVpcAttribute", Ec2VpcOps::describeVpcAttribute);
    }

    private static final Ec2Filters<Vpc> FILTERS = Ec2Filters.<Vpc>taggable()
            .field("vpc-id", Vpc::id)
            .field("cidr", v -> v.cidr().toString())
            .field("cidr-block-association.cidr-block", v -> v.cidr().toString())
            .field("cidr-block-association.association-id", Vpc::cidrAssociationId)
            .field("cidr-block-association.state", v -> "associated")
            .field("dhcp-options-id", Vpc::dhcpOptionsId)
            .field("is-default", Vpc::isDefault)
            .field("owner-id", Vpc::ownerId)
            .field("state", Vpc::state);

    static ObjectNode render(Vpc v) {
        ObjectNode o = Ec2Shapes.object()
                .put("vpcId", v.id())
                .put("ownerId", v.ownerId())
                .put("state", v.state())
                .put("cidrBlock", v.cidr().toString())
                .put("dhcpOptionsId", v.dhcpOptionsId())
                .put("instanceTenancy", v.instanceTenancy())
                .put("isDefault", v.isDefault());
        ObjectNode assoc = o.putArray("cidrBlockAssociationSet").addObject()
                .put("associationId", v.cidrAssociationId())
                .put("cidrBlock", v.cidr().toString());
        assoc.putObject("cidrBlockState").put("state", "associated");
        o.putObject("blockPublicAccessStates").put("internetGatewayBlockMode", "off");
        o.set("tagSet", Ec2Shapes.tagSet(v.tags()));
        return o;
    }

    static ObjectNode createVpc(Call call) {
        String cidr = call.params().string("CidrBlock").orElseThrow(() ->
                AwsError.badRequest("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided."));
        Vpc vpc = call.state().network().createVpc(cidr, call.params().string("InstanceTenancy").orElse(null),
                Ec2Shapes.tagsFor(call.params(), "vpc"));
        ObjectNode out = Ec2Shapes.object();
        out.set("vpc", render(vpc).put("state", "pending"));
        return out;
    }

    static ObjectNode describeVpcs(Call call) {
        Network net = call.state().network();
        List<String> ids = call.params().strings("VpcId");
        List<Vpc> vpcs = ids.isEmpty() ? List.copyOf(net.vpcs()) : ids.stream().distinct().map(net::vpc).toList();
        var page = Ec2Pages.page(FILTERS.apply(vpcs, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(v -> set.add(render(v)));
        ObjectNode out = Ec2Shapes.object();
        out.set("vpcSet", set);
        page.putToken(out);
        return out;
    }

    static ObjectNode deleteVpc(Call call) {
        call.state().network().deleteVpc(call.params().required("VpcId"));
        return Ec2Shapes.object().put("return", true);
    }

    static ObjectNode modifyVpcAttribute(Call call) {
        String id = call.params().required("VpcId");
        call.state().network().modifyVpcAttribute(id,
                call.params().child("EnableDnsSupport").bool("Value").orElse(null),
                call.params().child("EnableDnsHostnames").bool("Value").orElse(null),
                call.params().child("EnableNetworkAddressUsageMetrics").bool("Value").orElse(null));
        return Ec2Shapes.object().put("return", true);
    }

    static ObjectNode describeVpcAttribute(Call call) {
        Vpc vpc = call.state().network().vpc(call.params().required("VpcId"));
        String attribute = call.params().required("Attribute");
        ObjectNode out = Ec2Shapes.object().put("vpcId", vpc.id());
        switch (attribute) {
            case "enableDnsSupport" -> out.putObject("enableDnsSupport").put("value", vpc.enableDnsSupport());
            case "enableDnsHostnames" -> out.putObject("enableDnsHostnames").put("value", vpc.enableDnsHostnames());
            case "enableNetworkAddressUsageMetrics" -> out.putObject("enableNetworkAddressUsageMetrics").put("value", vpc.enableNetworkAddressUsageMetrics());
            default -> throw AwsError.badRequest("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return out;
    }
}
