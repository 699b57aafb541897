package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.domain.net.VpcCidrAssociation;
import dev.ecsnet.domain.net.VpcCidrBlock;
import dev.ecsnet.domain.net.VpcIpv6CidrBlock;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;
import java.util.Map;

/** CreateVpc, DescribeVpcs, DeleteVpc, ModifyVpcAttribute, DescribeVpcAttribute. */
final class Ec2VpcOps {
    private Ec2VpcOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateVpc", Ec2VpcOps::createVpc);
        t.registerRead("DescribeVpcs", Ec2VpcOps::describeVpcs);
        t.register("DeleteVpc", Ec2VpcOps::deleteVpc);
        t.register("ModifyVpcAttribute", Ec2VpcOps::modifyVpcAttribute);
        t.register("DescribeVpcAttribute", Ec2VpcOps::describeVpcAttribute);
    }

    private static final Ec2Filters<Vpc> FILTERS = Ec2Filters.<Vpc>taggable()
            .field("vpc-id", Vpc::id)
            .field("cidr", v -> v.cidr().toString())
            .multi("cidr-block-association.cidr-block", v -> v.cidrBlocks().stream().map(VpcCidrBlock::block).toList())
            .multi("cidr-block-association.association-id", v -> v.cidrBlocks().stream().map(VpcCidrBlock::associationId).toList())
            .multi("cidr-block-association.state", v -> v.cidrBlocks().stream().map(b -> b.state().wireName()).toList())
            .multi("ipv6-cidr-block-association.ipv6-cidr-block", v -> v.ipv6CidrBlocks().stream().map(VpcIpv6CidrBlock::block).toList())
            .multi("ipv6-cidr-block-association.ipv6-pool", v -> v.ipv6CidrBlocks().stream().map(VpcIpv6CidrBlock::ipv6Pool).toList())
            .multi("ipv6-cidr-block-association.association-id", v -> v.ipv6CidrBlocks().stream().map(VpcIpv6CidrBlock::associationId).toList())
            .multi("ipv6-cidr-block-association.state", v -> v.ipv6CidrBlocks().stream().map(b -> b.state().wireName()).toList())
            .field("dhcp-options-id", Vpc::dhcpOptionsId)
            .field("is-default", Vpc::isDefault)
            .field("isDefault", Vpc::isDefault) // the Terraform provider's data "aws_vpc" { default = true } sends this spelling
            .field("owner-id", Vpc::ownerId)
            .field("state", Vpc::state);

    /** A Vpc's members, as DescribeVpcs shows them; CreateVpc answers {@code pending} whatever the state. */
    static ShapeWriter render(ShapeWriter o, Vpc v) {
        return render(o, v, v.state());
    }

    static ShapeWriter render(ShapeWriter o, Vpc v, String state) {
        o.value("vpcId", v.id())
                .value("ownerId", v.ownerId())
                .value("state", state)
                .value("cidrBlock", v.cidr().toString())
                .value("dhcpOptionsId", v.dhcpOptionsId())
                .value("instanceTenancy", v.instanceTenancy())
                .value("isDefault", v.isDefault());
        o.list("cidrBlockAssociationSet");
        v.cidrBlocks().forEach(b -> renderAssociation(o.item(), b).end());
        o.end();
        if (!v.ipv6CidrBlocks().isEmpty()) {
            o.list("ipv6CidrBlockAssociationSet");
            v.ipv6CidrBlocks().forEach(b -> renderAssociation(o.item(), b).end());
            o.end();
        }
        o.object("blockPublicAccessStates").value("internetGatewayBlockMode", "off").end();
        Ec2Shapes.tagSet(o, v.tags());
        return o;
    }

    /** A VpcCidrBlockAssociation or VpcIpv6CidrBlockAssociation, as DescribeVpcs and the association calls show it. */
    static ShapeWriter renderAssociation(ShapeWriter o, VpcCidrAssociation association) {
        o.value("associationId", association.associationId());
        if (association instanceof VpcIpv6CidrBlock b) {
            o.value("ipv6CidrBlock", b.block());
            o.object("ipv6CidrBlockState").value("state", b.state().wireName()).end();
            o.value("networkBorderGroup", b.networkBorderGroup()).value("ipv6Pool", b.ipv6Pool())
                    .value("ipv6AddressAttribute", "public").value("ipSource", "amazon");
        } else {
            o.value("cidrBlock", association.block());
            o.object("cidrBlockState").value("state", association.state().wireName()).end();
        }
        return o;
    }

    /** Members of CreateVpc and AssociateVpcCidrBlock that ask for a BYOIP pool or IPAM, which ecsnet does not model. */
    static final java.util.List<String> VPC_POOL_MEMBERS = java.util.List.of("Ipv6Pool", "Ipv6CidrBlock", "Ipv6IpamPoolId",
            "Ipv6NetmaskLength", "Ipv4IpamPoolId", "Ipv4NetmaskLength");

    /** Refuses the members of {@code members} the request has: IPv6 blocks are Amazon-provided, IPv4 ones given as CidrBlock. */
    static void refuseUnmodelledIpPools(dev.ecsnet.api.Params p, java.util.List<String> members) {
        for (String member : members) {
            if (p.has(member)) {
                throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model " + member
                        + ": IPv6 blocks are Amazon-provided (AmazonProvidedIpv6CidrBlock) and IPv4 blocks are given as CidrBlock.");
            }
        }
    }

    static RenderedAnswer createVpc(Call call) {
        refuseUnmodelledIpPools(call.params(), VPC_POOL_MEMBERS);
        String cidr = call.params().string("CidrBlock").orElseThrow(() ->
                AwsError.badRequest("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided."));
        Vpc vpc = call.state().network().createVpc(cidr, call.params().string("InstanceTenancy").orElse(null),
                call.params().bool("AmazonProvidedIpv6CidrBlock").orElse(false),
                call.params().string("Ipv6CidrBlockNetworkBorderGroup").orElse(null),
                Ec2Shapes.tagsFor(call.params(), "vpc"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("vpc"), vpc, "pending").end();
        return out.answer();
    }

    static RenderedAnswer describeVpcs(Call call) {
        Network net = call.state().network();
        List<String> ids = call.params().strings("VpcId");
        List<Vpc> vpcs = ids.isEmpty() ? List.copyOf(net.vpcs()) : ids.stream().distinct().map(net::vpc).toList();
        var page = Ec2Pages.page(FILTERS.apply(vpcs, Ec2Filters.read(call.params(), "Filter"), Map.of(),
                ids.isEmpty() ? Ec2Filters.TagLookups.of(net.indexes().vpcTags()) : null), call.params(), 5, 1000);
        return page.answer("vpcSet", (o, v) -> render(o, v));
    }

    static RenderedAnswer deleteVpc(Call call) {
        call.state().network().deleteVpc(call.params().required("VpcId"));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    static RenderedAnswer modifyVpcAttribute(Call call) {
        String id = call.params().required("VpcId");
        call.state().network().modifyVpcAttribute(id,
                call.params().child("EnableDnsSupport").bool("Value").orElse(null),
                call.params().child("EnableDnsHostnames").bool("Value").orElse(null),
                call.params().child("EnableNetworkAddressUsageMetrics").bool("Value").orElse(null));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    static RenderedAnswer describeVpcAttribute(Call call) {
        Vpc vpc = call.state().network().vpc(call.params().required("VpcId"));
        String attribute = call.params().required("Attribute");
        boolean value = switch (attribute) {
            case "enableDnsSupport" -> vpc.enableDnsSupport();
            case "enableDnsHostnames" -> vpc.enableDnsHostnames();
            case "enableNetworkAddressUsageMetrics" -> vpc.enableNetworkAddressUsageMetrics();
            default -> throw AwsError.badRequest("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        };
        return ShapeWriter.ec2Xml().value("vpcId", vpc.id()).object(attribute).value("value", value).end().answer();
    }
}
