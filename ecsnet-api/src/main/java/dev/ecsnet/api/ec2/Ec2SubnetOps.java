package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkIndexes;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.SubnetIpv6CidrBlock;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;
import java.util.Map;

/** CreateSubnet, DescribeSubnets (with the live {@code availableIpAddressCount}), DeleteSubnet, ModifySubnetAttribute. */
final class Ec2SubnetOps {
    private Ec2SubnetOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateSubnet", Ec2SubnetOps::createSubnet);
        t.registerRead("DescribeSubnets", Ec2SubnetOps::describeSubnets);
        t.register("DeleteSubnet", Ec2SubnetOps::deleteSubnet);
        t.register("ModifySubnetAttribute", Ec2SubnetOps::modifySubnetAttribute);
    }

    private static final Ec2Filters<Subnet> FILTERS = Ec2Filters.<Subnet>taggable()
            .field("subnet-id", Subnet::id)
            .field("vpc-id", Subnet::vpcId)
            .field("cidr-block", s -> s.cidr().toString())
            .field("cidr", s -> s.cidr().toString())
            .field("cidrBlock", s -> s.cidr().toString())
            .field("availability-zone", s -> s.zone().name())
            .field("availabilityZone", s -> s.zone().name())
            .field("availability-zone-id", s -> s.zone().zoneId())
            .field("availabilityZoneId", s -> s.zone().zoneId())
            .field("available-ip-address-count", Subnet::availableIpAddressCount)
            .field("default-for-az", Subnet::defaultForAz)
            .field("defaultForAz", Subnet::defaultForAz)
            .field("map-public-ip-on-launch", Subnet::mapPublicIpOnLaunch)
            .field("owner-id", Subnet::ownerId)
            .field("state", Subnet::state)
            .field("subnet-arn", Subnet::arn)
            .field("assign-ipv6-address-on-creation", Subnet::assignIpv6AddressOnCreation)
            .field("enable-dns64", Subnet::enableDns64)
            .field("ipv6-native", s -> false)
            .field("private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record", Subnet::enableResourceNameDnsAAAARecordOnLaunch)
            .multi("ipv6-cidr-block-association.ipv6-cidr-block", s -> s.ipv6CidrBlocks().stream().map(b -> b.cidr().toString()).toList())
            .multi("ipv6-cidr-block-association.association-id", s -> s.ipv6CidrBlocks().stream().map(SubnetIpv6CidrBlock::associationId).toList())
            .multi("ipv6-cidr-block-association.state", s -> s.ipv6CidrBlocks().stream().map(b -> b.state().wireName()).toList());

    /** A Subnet's members, as DescribeSubnets shows them. */
    static ShapeWriter render(ShapeWriter o, Subnet s) {
        return render(o, s, s.state());
    }

    /** A Subnet's members with {@code state} as its state (CreateSubnet answers "available"). */
    static ShapeWriter render(ShapeWriter o, Subnet s, String state) {
        o.value("subnetId", s.id())
                .value("subnetArn", s.arn())
                .value("state", state)
                .value("vpcId", s.vpcId())
                .value("cidrBlock", s.cidr().toString())
                .value("availableIpAddressCount", s.availableIpAddressCount())
                .value("availabilityZone", s.zone().name())
                .value("availabilityZoneId", s.zone().zoneId())
                .value("defaultForAz", s.defaultForAz())
                .value("mapPublicIpOnLaunch", s.mapPublicIpOnLaunch())
                .value("mapCustomerOwnedIpOnLaunch", false)
                .value("ownerId", s.ownerId())
                .value("assignIpv6AddressOnCreation", s.assignIpv6AddressOnCreation())
                .value("enableDns64", s.enableDns64())
                .value("ipv6Native", false);
        o.list("ipv6CidrBlockAssociationSet");
        s.ipv6CidrBlocks().forEach(b -> renderIpv6Association(o.item(), b).end());
        o.end();
        o.object("privateDnsNameOptionsOnLaunch")
                .value("hostnameType", "ip-name")
                .value("enableResourceNameDnsARecord", false)
                .value("enableResourceNameDnsAAAARecord", s.enableResourceNameDnsAAAARecordOnLaunch())
                .end();
        o.object("blockPublicAccessStates").value("internetGatewayBlockMode", "off").end();
        Ec2Shapes.tagSet(o, s.tags());
        return o;
    }

    /** A SubnetIpv6CidrBlockAssociation, as DescribeSubnets and the association calls show it. */
    static ShapeWriter renderIpv6Association(ShapeWriter o, SubnetIpv6CidrBlock b) {
        o.value("associationId", b.associationId()).value("ipv6CidrBlock", b.cidr().toString());
        o.object("ipv6CidrBlockState").value("state", b.state().wireName()).end();
        return o.value("ipv6AddressAttribute", "public").value("ipSource", "amazon");
    }

    static RenderedAnswer createSubnet(Call call) {
        String vpcId = call.params().required("VpcId");
        Ec2VpcOps.refuseUnmodelledIpPools(call.params(), java.util.List.of("Ipv4IpamPoolId", "Ipv4NetmaskLength", "Ipv6IpamPoolId", "Ipv6NetmaskLength"));
        if (call.params().bool("Ipv6Native").orElse(false)) {
            throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model IPv6-only subnets (Ipv6Native): give the subnet "
                    + "an IPv4 CidrBlock and, for dual stack, an Ipv6CidrBlock.");
        }
        String cidr = call.params().string("CidrBlock").orElseThrow(() ->
                AwsError.badRequest("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided."));
        Subnet subnet = call.state().network().createSubnet(vpcId, cidr, call.params().string("Ipv6CidrBlock").orElse(null),
                call.params().string("AvailabilityZone").orElse(null),
                call.params().string("AvailabilityZoneId").orElse(null),
                Ec2Shapes.tagsFor(call.params(), "subnet"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("subnet"), subnet, "available").end();
        return out.answer();
    }

    static RenderedAnswer describeSubnets(Call call) {
        Network net = call.state().network();
        List<String> ids = call.params().strings("SubnetId");
        List<Ec2Filters.Filter> filters = Ec2Filters.read(call.params(), "Filter");
        NetworkIndexes indexes = net.indexes();
        List<Subnet> matched = ids.isEmpty()
                ? FILTERS.apply(net.subnets(), filters, Map.of(
                        "subnet-id", v -> indexes.subnets(NetworkIndexes.SubnetField.SUBNET_ID, v),
                        "vpc-id", v -> indexes.subnets(NetworkIndexes.SubnetField.VPC_ID, v)), Ec2Filters.TagLookups.of(indexes.subnetTags()))
                : FILTERS.apply(ids.stream().distinct().map(net::subnet).toList(), filters);
        var page = Ec2Pages.page(matched, call.params(), 5, 1000);
        return page.answer("subnetSet", (o, s) -> render(o, s));
    }

    static RenderedAnswer deleteSubnet(Call call) {
        call.state().network().deleteSubnet(call.params().required("SubnetId"));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    /** The subnet attributes ecsnet does not model, with the value every subnet here has (what DescribeSubnets shows). */
    private static final java.util.Map<String, String> FIXED_ATTRIBUTES = java.util.Map.of(
            "MapCustomerOwnedIpOnLaunch", "false",
            "EnableResourceNameDnsARecordOnLaunch", "false",
            "PrivateDnsHostnameTypeOnLaunch", "ip-name");

    static RenderedAnswer modifySubnetAttribute(Call call) {
        String id = call.params().required("SubnetId");
        call.state().network().subnet(id);
        var mapPublic = call.params().child("MapPublicIpOnLaunch").bool("Value");
        var assignIpv6 = call.params().child("AssignIpv6AddressOnCreation").bool("Value");
        var dns64 = call.params().child("EnableDns64").bool("Value");
        var aaaa = call.params().child("EnableResourceNameDnsAAAARecordOnLaunch").bool("Value");
        boolean any = mapPublic.isPresent() || assignIpv6.isPresent() || dns64.isPresent() || aaaa.isPresent();
        for (var fixed : FIXED_ATTRIBUTES.entrySet()) {
            String name = fixed.getKey();
            var given = name.equals("PrivateDnsHostnameTypeOnLaunch") ? call.params().string(name)
                    : call.params().child(name).string("Value");
            if (given.isPresent()) {
                any = true;
                if (!given.get().equalsIgnoreCase(fixed.getValue())) {
                    throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model " + name + "; it is "
                            + fixed.getValue() + " on every subnet.");
                }
            }
        }
        if (!any) {
            throw AwsError.badRequest("InvalidParameterCombination", "No attributes specified.");
        }
        if (assignIpv6.isPresent() || dns64.isPresent() || aaaa.isPresent()) {
            call.state().network().cidrs().modifySubnetIpv6Attributes(id, assignIpv6.orElse(null), dns64.orElse(null), aaaa.orElse(null));
        }
        mapPublic.ifPresent(v -> call.state().network().modifySubnetMapPublicIpOnLaunch(id, v));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }
}
