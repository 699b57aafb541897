package dev.ecsnet.it;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.List;

/** Small builders shared by the gateway, route-table, endpoint and ACL contract tests. */
final class NetFixture {
    private final Ec2Client ec2;

    NetFixture(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    static TagSpecification tagged(ResourceType type, String key, String value) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key(key).value(value).build()).build();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** The {@code n}th /64 of a VPC's /56, as Terraform's {@code cidrsubnet(block, 8, n)} writes it. */
    static String slash64(String vpcBlock, int n) {
        var block = dev.ecsnet.domain.net.Ipv6Cidr.parse(vpcBlock).orElseThrow();
        var network = new dev.ecsnet.domain.net.Ipv6Address(block.network().high() + n, 0);
        return new dev.ecsnet.domain.net.Ipv6Cidr(network, 64).toString();
    }

    /** A VPC with an Amazon-provided IPv6 /56 (associated once the clock moves); answers its id. */
    String dualStackVpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr).amazonProvidedIpv6CidrBlock(true)).vpc().vpcId();
    }

    /** The VPC's associated IPv6 /56. */
    String ipv6Block(String vpc) {
        return ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).ipv6CidrBlockAssociationSet().stream()
                .filter(a -> a.ipv6CidrBlockState().stateAsString().equals("associated")).findFirst().orElseThrow().ipv6CidrBlock();
    }

    String vpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    String subnet(String vpc, String cidr, String zone) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    /** Creates an internet gateway and attaches it to {@code vpc}. */
    String attachedIgw(String vpc) {
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        return igw;
    }

    String eip() {
        return ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
    }

    String nat(String subnet, String allocationId) {
        return ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocationId)).natGateway().natGatewayId();
    }

    int available(String subnetId) {
        return ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount();
    }

    RouteTable mainTable(String vpc) {
        return ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true"))).routeTables().get(0);
    }

    RouteTable table(String id) {
        return ec2.describeRouteTables(r -> r.routeTableIds(id)).routeTables().get(0);
    }

    List<NetworkInterface> enis(String subnet) {
        return ec2.describeNetworkInterfaces(r -> r.filters(filter("subnet-id", subnet))).networkInterfaces();
    }

    /** Every route of every table as "rtb dest -> target state": a compact picture of routing. */
    List<String> routes() {
        return ec2.describeRouteTables().routeTables().stream().flatMap(t -> t.routes().stream().map(x -> t.routeTableId() + " "
                + (x.destinationCidrBlock() != null ? x.destinationCidrBlock() : x.destinationPrefixListId()) + " -> "
                + (x.gatewayId() != null ? x.gatewayId() : x.natGatewayId() != null ? x.natGatewayId() : x.networkInterfaceId())
                + " " + x.stateAsString())).sorted().toList();
    }

    /** Tables with their associations: "rtb [assoc subnet main, ...]". */
    List<String> associations() {
        return ec2.describeRouteTables().routeTables().stream().map(t -> t.routeTableId() + " " + t.associations().stream()
                .map(a -> a.routeTableAssociationId() + " " + a.subnetId() + " " + a.main()).sorted().toList()).sorted().toList();
    }
}
