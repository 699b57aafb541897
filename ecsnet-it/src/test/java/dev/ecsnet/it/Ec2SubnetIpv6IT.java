package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceIpv6Address;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static org.assertj.core.api.Assertions.assertThat;

/** Dual-stack subnets (a /64 of the VPC's /56) and the IPv6 addresses of network interfaces, through the EC2 client. */
class Ec2SubnetIpv6IT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;
    private String vpc;
    private String block;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void dualStackVpc() {
        net = new NetFixture(ec2());
        vpc = net.dualStackVpc("10.0.0.0/16");
        ecsnet.advance(Duration.ofSeconds(1));
        block = net.ipv6Block(vpc);
    }

    private Subnet subnet(String id) {
        return ec2().describeSubnets(r -> r.subnetIds(id)).subnets().get(0);
    }

    private String dualStackSubnet(String cidr, int n) {
        String id = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).ipv6CidrBlock(NetFixture.slash64(block, n))).subnet().subnetId();
        ecsnet.advance(Duration.ofSeconds(1));
        return id;
    }

    private static AttributeBooleanValue on(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    private List<String> ipv6(String eni) {
        return ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().get(0).ipv6Addresses().stream()
                .map(NetworkInterfaceIpv6Address::ipv6Address).toList();
    }

    @Test
    void aSubnetTakesASlash64OfItsVpc() {
        String slash64 = NetFixture.slash64(block, 3);
        Subnet created = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").ipv6CidrBlock(slash64)).subnet();
        SubnetIpv6CidrBlockAssociation answered = created.ipv6CidrBlockAssociationSet().get(0);
        assertThat(answered.ipv6CidrBlock()).isEqualTo(slash64);
        assertThat(answered.associationId()).matches("subnet-cidr-assoc-[0-9a-f]{17}");
        assertThat(answered.ipv6CidrBlockState().state()).isEqualTo(SubnetCidrBlockStateCode.ASSOCIATING);
        ecsnet.advance(Duration.ofSeconds(1));
        Subnet s = subnet(created.subnetId());
        assertThat(s.ipv6CidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.ipv6CidrBlockState().state()).isEqualTo(SubnetCidrBlockStateCode.ASSOCIATED);
            assertThat(a.ipv6CidrBlock()).isEqualTo(slash64);
        });
        assertThat(s.assignIpv6AddressOnCreation()).isFalse();
        assertThat(s.ipv6Native()).isFalse();
        assertThat(ec2().describeSubnets(r -> r.filters(filter("ipv6-cidr-block-association.ipv6-cidr-block", slash64),
                filter("ipv6-cidr-block-association.state", "associated"))).subnets()).extracting(Subnet::subnetId).containsExactly(s.subnetId());
        assertThat(ec2().describeSubnets(r -> r.filters(filter("ipv6-cidr-block-association.association-id", answered.associationId())))
                .subnets()).hasSize(1);
    }

    @Test
    void subnetIpv6BlocksFollowAwsRules() {
        dualStackSubnet("10.0.1.0/24", 1);
        String taken = NetFixture.slash64(block, 1);
        refused(() -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").ipv6CidrBlock(taken)), "InvalidSubnet.Conflict",
                "The CIDR '" + taken + "' conflicts with another subnet");
        refused(() -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").ipv6CidrBlock("2001:db8:1:2::/64")), "InvalidSubnet.Range",
                "The IPv6 CIDR '2001:db8:1:2::/64' is invalid.");
        String slash60 = block.replace("/56", "/60");
        refused(() -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").ipv6CidrBlock(slash60)), "InvalidParameterValue",
                "invalid value for parameter ipv6-cidr-block: " + slash60);
        refused(() -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").ipv6Native(true)), "InvalidParameterValue", null);
        String v4only = net.vpc("10.1.0.0/16");
        refused(() -> ec2().createSubnet(r -> r.vpcId(v4only).cidrBlock("10.1.2.0/24").ipv6CidrBlock(NetFixture.slash64(block, 9))),
                "InvalidSubnet.Range", null);
        assertThat(ec2().describeSubnets(r -> r.filters(filter("vpc-id", vpc))).subnets()).hasSize(1);
    }

    @Test
    void associateAndDisassociateASubnetBlock() {
        String subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String slash64 = NetFixture.slash64(block, 2);
        refusedWithoutChange(() -> subnet(subnet), () -> ec2().modifySubnetAttribute(r -> r.subnetId(subnet).assignIpv6AddressOnCreation(on(true))),
                "InvalidParameterValue", "Invalid value 'true' for assign-ipv6-address-on-creation. Cannot set assign-ipv6-address-on-creation to "
                        + "true unless the subnet (" + subnet + ") has an IPv6 CIDR block associated with it.");
        var r = ec2().associateSubnetCidrBlock(x -> x.subnetId(subnet).ipv6CidrBlock(slash64));
        assertThat(r.subnetId()).isEqualTo(subnet);
        assertThat(r.ipv6CidrBlockAssociation().ipv6CidrBlockState().state()).isEqualTo(SubnetCidrBlockStateCode.ASSOCIATING);
        refused(() -> ec2().associateSubnetCidrBlock(x -> x.subnetId(subnet).ipv6CidrBlock(NetFixture.slash64(block, 3))), "InvalidParameterValue", null);
        ecsnet.advance(Duration.ofSeconds(1));
        String assoc = r.ipv6CidrBlockAssociation().associationId();
        ec2().modifySubnetAttribute(x -> x.subnetId(subnet).assignIpv6AddressOnCreation(on(true)));
        refusedWithoutChange(() -> subnet(subnet), () -> ec2().disassociateSubnetCidrBlock(x -> x.associationId(assoc)), "InvalidCidrBlock.InUse",
                "The subnet IPv6 CIDR block with association ID " + assoc + " may not be disassociated, because its subnet has "
                        + "assign-ipv6-address-on-creation set to true.");
        ec2().modifySubnetAttribute(x -> x.subnetId(subnet).assignIpv6AddressOnCreation(on(false)));
        String eni = ec2().createNetworkInterface(x -> x.subnetId(subnet).ipv6AddressCount(1)).networkInterface().networkInterfaceId();
        refused(() -> ec2().disassociateSubnetCidrBlock(x -> x.associationId(assoc)), "InvalidCidrBlock.InUse", null);
        ec2().deleteNetworkInterface(x -> x.networkInterfaceId(eni));
        var d = ec2().disassociateSubnetCidrBlock(x -> x.associationId(assoc));
        assertThat(d.subnetId()).isEqualTo(subnet);
        assertThat(d.ipv6CidrBlockAssociation().ipv6CidrBlockState().state()).isEqualTo(SubnetCidrBlockStateCode.DISASSOCIATING);
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(subnet(subnet).ipv6CidrBlockAssociationSet()).extracting(a -> a.ipv6CidrBlockState().stateAsString()).containsExactly("disassociated");
        refused(() -> ec2().createNetworkInterface(x -> x.subnetId(subnet).ipv6AddressCount(1)), "InvalidParameterValue", null);
        refused(() -> ec2().disassociateSubnetCidrBlock(x -> x.associationId("subnet-cidr-assoc-00000000000000000")),
                "InvalidSubnetCidrBlockAssociationID.NotFound", null);
        // the /64 is free again for another subnet
        String other = ec2().createSubnet(x -> x.vpcId(vpc).cidrBlock("10.0.2.0/24").ipv6CidrBlock(slash64)).subnet().subnetId();
        assertThat(other).isNotEqualTo(subnet);
    }

    @Test
    void theIpv6SubnetAttributesAreModelled() {
        String subnet = dualStackSubnet("10.0.1.0/24", 1);
        ec2().modifySubnetAttribute(r -> r.subnetId(subnet).assignIpv6AddressOnCreation(on(true)));
        ec2().modifySubnetAttribute(r -> r.subnetId(subnet).enableDns64(on(true)));
        ec2().modifySubnetAttribute(r -> r.subnetId(subnet).enableResourceNameDnsAAAARecordOnLaunch(on(true)));
        Subnet s = subnet(subnet);
        assertThat(s.assignIpv6AddressOnCreation()).isTrue();
        assertThat(s.enableDns64()).isTrue();
        assertThat(s.privateDnsNameOptionsOnLaunch().enableResourceNameDnsAAAARecord()).isTrue();
        assertThat(ec2().describeSubnets(r -> r.filters(filter("enable-dns64", "true"), filter("vpc-id", vpc))).subnets()).hasSize(1);
    }

    @Test
    void interfacesGetIpv6AddressesByCountByNameOrByTheSubnetsDefault() {
        String subnet = dualStackSubnet("10.0.1.0/24", 1);
        String slash64 = NetFixture.slash64(block, 1);
        String prefix = slash64.replace("::/64", ":");
        assertThat(ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().ipv6Addresses()).as("no IPv6 unless asked").isEmpty();
        NetworkInterface two = ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6AddressCount(2)).networkInterface();
        assertThat(two.ipv6Addresses()).hasSize(2).allSatisfy(a -> {
            assertThat(a.ipv6Address()).startsWith(prefix);
            assertThat(a.isPrimaryIpv6()).isFalse();
        });
        assertThat(two.ipv6Address()).isEqualTo(two.ipv6Addresses().get(0).ipv6Address());
        String named = prefix + "abcd::42";
        NetworkInterface byName = ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6Addresses(a -> a.ipv6Address(named))).networkInterface();
        assertThat(byName.ipv6Addresses()).extracting(NetworkInterfaceIpv6Address::ipv6Address).containsExactly(named);
        assertThat(ec2().describeNetworkInterfaces(r -> r.filters(filter("ipv6-addresses.ipv6-address", named))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId).containsExactly(byName.networkInterfaceId());
        ec2().modifySubnetAttribute(r -> r.subnetId(subnet).assignIpv6AddressOnCreation(on(true)));
        assertThat(ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().ipv6Addresses()).as("assign on creation").hasSize(1);
        assertThat(ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6AddressCount(0)).networkInterface().ipv6Addresses()).isEmpty();
        Set<String> all = new HashSet<>();
        ec2().describeNetworkInterfaces().networkInterfaces().forEach(n -> n.ipv6Addresses().forEach(a -> assertThat(all.add(a.ipv6Address())).isTrue()));
        assertThat(all).hasSize(4);
    }

    @Test
    void interfaceIpv6RequestsAreCheckedAndRefusedWithoutChange() {
        String subnet = dualStackSubnet("10.0.1.0/24", 1);
        String prefix = NetFixture.slash64(block, 1).replace("::/64", ":");
        String taken = prefix + "1::5";
        ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6Addresses(a -> a.ipv6Address(taken)));
        var enis = (java.util.function.Supplier<Object>) () -> net.enis(subnet).stream().map(n -> n.ipv6Addresses()).toList();
        refusedWithoutChange(enis, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6Addresses(a -> a.ipv6Address(taken))),
                "InvalidIPAddress.InUse", "The specified address is already in use.");
        refusedWithoutChange(enis, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6Addresses(a -> a.ipv6Address(prefix + ":2"))),
                "InvalidParameterValue", "Address " + prefix + ":2 is in subnet's reserved address range");
        refusedWithoutChange(enis, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6Addresses(a -> a.ipv6Address("2001:db8::9"))),
                "InvalidParameterValue", "Address 2001:db8::9 does not fall within the subnet's address range");
        refusedWithoutChange(enis, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6AddressCount(1)
                .ipv6Addresses(a -> a.ipv6Address(prefix + "1::6"))), "InvalidParameterCombination", null);
        refusedWithoutChange(enis, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6AddressCount(51)), "InvalidParameterValue", null);
        refusedWithoutChange(enis, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6PrefixCount(1)), "InvalidParameterValue", null);
        String v4only = net.subnet(vpc, "10.0.2.0/24", "us-east-1b");
        refused(() -> ec2().createNetworkInterface(r -> r.subnetId(v4only).ipv6AddressCount(1)), "InvalidParameterValue",
                "The subnet '" + v4only + "' has no IPv6 CIDR block associated with it, so it has no IPv6 addresses to assign.");
        assertThat(net.enis(v4only)).isEmpty();
    }

    @Test
    void assignAndUnassignIpv6Addresses() {
        String subnet = dualStackSubnet("10.0.1.0/24", 1);
        String prefix = NetFixture.slash64(block, 1).replace("::/64", ":");
        String eni = ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId();
        var assigned = ec2().assignIpv6Addresses(r -> r.networkInterfaceId(eni).ipv6AddressCount(2));
        assertThat(assigned.networkInterfaceId()).isEqualTo(eni);
        assertThat(assigned.assignedIpv6Addresses()).hasSize(2);
        String named = prefix + "beef::1";
        assertThat(ec2().assignIpv6Addresses(r -> r.networkInterfaceId(eni).ipv6Addresses(named)).assignedIpv6Addresses()).containsExactly(named);
        assertThat(ipv6(eni)).hasSize(3).contains(named);
        refusedWithoutChange(() -> ipv6(eni), () -> ec2().assignIpv6Addresses(r -> r.networkInterfaceId(eni).ipv6Addresses(named)),
                "InvalidIPAddress.InUse", null);
        refusedWithoutChange(() -> ipv6(eni), () -> ec2().unassignIpv6Addresses(r -> r.networkInterfaceId(eni).ipv6Addresses(named, prefix + "dead::1")),
                "InvalidParameterValue", "Some of the specified addresses are not assigned to interface " + eni);
        var removed = ec2().unassignIpv6Addresses(r -> r.networkInterfaceId(eni).ipv6Addresses(named));
        assertThat(removed.unassignedIpv6Addresses()).containsExactly(named);
        assertThat(ipv6(eni)).hasSize(2).doesNotContain(named);
        // the address is free again
        ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6Addresses(a -> a.ipv6Address(named)));
        refused(() -> ec2().assignIpv6Addresses(r -> r.networkInterfaceId(eni)), "MissingParameter", null);
        refused(() -> ec2().assignIpv6Addresses(r -> r.networkInterfaceId("eni-00000000000000000").ipv6AddressCount(1)),
                "InvalidNetworkInterfaceID.NotFound", null);
        // deleting the interface gives its addresses back
        List<String> held = ipv6(eni);
        ec2().deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        ec2().createNetworkInterface(r -> r.subnetId(subnet).ipv6Addresses(a -> a.ipv6Address(held.get(0))));
    }
}
