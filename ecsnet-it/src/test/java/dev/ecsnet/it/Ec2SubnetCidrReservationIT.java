package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservationType;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subnet CIDR reservations: EC2 never picks an address inside one by itself, an address named explicitly may be
 * there, and {@code AvailableIpAddressCount} keeps counting the unused reserved addresses (AWS's count is of unused
 * addresses).
 */
class Ec2SubnetCidrReservationIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;
    private String vpc;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        net = new NetFixture(ec2());
        vpc = net.dualStackVpc("10.0.0.0/16");
        ecsnet.advance(Duration.ofSeconds(1));
    }

    private GetSubnetCidrReservationsResponse reservations(String subnet) {
        return ec2().getSubnetCidrReservations(r -> r.subnetId(subnet));
    }

    private List<String> all(String subnet) {
        GetSubnetCidrReservationsResponse r = reservations(subnet);
        List<String> out = new java.util.ArrayList<>();
        r.subnetIpv4CidrReservations().forEach(x -> out.add(x.cidr()));
        r.subnetIpv6CidrReservations().forEach(x -> out.add(x.cidr()));
        return out;
    }

    @Test
    void createGetAndDelete() {
        String subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        SubnetCidrReservation r = ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.1.16/28")
                .reservationType(SubnetCidrReservationType.EXPLICIT).description("by hand")
                .tagSpecifications(tagged(ResourceType.SUBNET_CIDR_RESERVATION, "team", "net"))).subnetCidrReservation();
        assertThat(r.subnetCidrReservationId()).matches("scr-[0-9a-f]{17}");
        assertThat(r.subnetId()).isEqualTo(subnet);
        assertThat(r.cidr()).isEqualTo("10.0.1.16/28");
        assertThat(r.reservationType()).isEqualTo(SubnetCidrReservationType.EXPLICIT);
        assertThat(r.ownerId()).isEqualTo("000000000000");
        assertThat(r.description()).isEqualTo("by hand");
        assertThat(r.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=net");
        ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.1.64/26").reservationType(SubnetCidrReservationType.PREFIX));
        GetSubnetCidrReservationsResponse got = reservations(subnet);
        assertThat(got.subnetIpv4CidrReservations()).extracting(SubnetCidrReservation::cidr).containsExactly("10.0.1.16/28", "10.0.1.64/26");
        assertThat(got.subnetIpv6CidrReservations()).isEmpty();
        assertThat(ec2().getSubnetCidrReservations(x -> x.subnetId(subnet).filters(filter("reservationType", "prefix")))
                .subnetIpv4CidrReservations()).extracting(SubnetCidrReservation::cidr).containsExactly("10.0.1.64/26");
        assertThat(ec2().getSubnetCidrReservations(x -> x.subnetId(subnet).filters(filter("tag:team", "net")))
                .subnetIpv4CidrReservations()).hasSize(1);
        var page = ec2().getSubnetCidrReservations(x -> x.subnetId(subnet).maxResults(5));
        assertThat(page.nextToken()).isNull();
        var deleted = ec2().deleteSubnetCidrReservation(x -> x.subnetCidrReservationId(r.subnetCidrReservationId())).deletedSubnetCidrReservation();
        assertThat(deleted.subnetCidrReservationId()).isEqualTo(r.subnetCidrReservationId());
        assertThat(deleted.cidr()).isEqualTo("10.0.1.16/28");
        assertThat(all(subnet)).containsExactly("10.0.1.64/26");
        refused(() -> ec2().deleteSubnetCidrReservation(x -> x.subnetCidrReservationId(r.subnetCidrReservationId())),
                "InvalidSubnetCidrReservationID.NotFound", "The subnet CIDR reservation ID '" + r.subnetCidrReservationId() + "' does not exist");
    }

    @Test
    void reservationsAreValidatedAndARefusalChangesNothing() {
        String subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.1.0/27").reservationType("explicit"));
        refusedWithoutChange(() -> all(subnet), () -> ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.1.16/28")
                .reservationType("explicit")), "InvalidParameterValue", "Reservation CIDR 10.0.1.16/28 has overlap with existing reserved CIDR block");
        refusedWithoutChange(() -> all(subnet), () -> ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.2.0/28")
                .reservationType("explicit")), "InvalidParameterValue", null);
        refusedWithoutChange(() -> all(subnet), () -> ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.1.64/26")
                .reservationType("sometimes")), "InvalidParameterValue", null);
        refusedWithoutChange(() -> all(subnet), () -> ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.1.65/26")
                .reservationType("explicit")), "InvalidParameterValue", null);
        refusedWithoutChange(() -> all(subnet), () -> ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("2001:db8::/80")
                .reservationType("prefix")), "InvalidParameterValue", null);
        refused(() -> ec2().createSubnetCidrReservation(x -> x.subnetId("subnet-00000000000000000").cidr("10.0.1.64/26")
                .reservationType("explicit")), "InvalidSubnetID.NotFound", null);
        refused(() -> ec2().getSubnetCidrReservations(x -> x.subnetId("subnet-00000000000000000")), "InvalidSubnetID.NotFound", null);
    }

    @Test
    void reservedAddressesAreNeverPickedButCountAsAvailable() {
        String subnet = net.subnet(vpc, "10.0.1.0/28", "us-east-1a");
        assertThat(net.available(subnet)).isEqualTo(11);
        // reserve .0-.7: .4 to .7 were usable, so 4 of the 11 are out of EC2's reach
        ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr("10.0.1.0/29").reservationType("explicit"));
        assertThat(net.available(subnet)).as("reserved addresses stay in AvailableIpAddressCount").isEqualTo(11);
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            picked.add(ec2().createNetworkInterface(x -> x.subnetId(subnet)).networkInterface().privateIpAddress());
        }
        assertThat(picked).hasSize(7).allSatisfy(ip -> assertThat(Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1))).isBetween(8, 14));
        refused(() -> ec2().createNetworkInterface(x -> x.subnetId(subnet)), "InvalidParameterValue",
                "There aren't sufficient free Ipv4 addresses or prefixes");
        assertThat(net.available(subnet)).isEqualTo(4);
        // an explicit reservation is for addresses assigned by name
        assertThat(ec2().createNetworkInterface(x -> x.subnetId(subnet).privateIpAddress("10.0.1.5")).networkInterface().privateIpAddress())
                .isEqualTo("10.0.1.5");
        String scr = reservations(subnet).subnetIpv4CidrReservations().get(0).subnetCidrReservationId();
        ec2().deleteSubnetCidrReservation(x -> x.subnetCidrReservationId(scr));
        assertThat(ec2().createNetworkInterface(x -> x.subnetId(subnet)).networkInterface().privateIpAddress()).isIn("10.0.1.4", "10.0.1.6", "10.0.1.7");
    }

    @Test
    void ipv6ReservationsLieInTheSubnetsSlash64AndAreNeverPicked() {
        String slash64 = NetFixture.slash64(net.ipv6Block(vpc), 4);
        String subnet = ec2().createSubnet(x -> x.vpcId(vpc).cidrBlock("10.0.1.0/24").ipv6CidrBlock(slash64)).subnet().subnetId();
        refused(() -> ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr(slash64).reservationType("prefix")),
                "InvalidParameterValue", null);
        ecsnet.advance(Duration.ofSeconds(1));
        String half = slash64.replace("/64", "/65");
        ec2().createSubnetCidrReservation(x -> x.subnetId(subnet).cidr(half).reservationType("prefix"));
        assertThat(reservations(subnet).subnetIpv6CidrReservations()).extracting(SubnetCidrReservation::cidr).containsExactly(half);
        var lower = dev.ecsnet.domain.net.Ipv6Cidr.parse(half).orElseThrow();
        for (int i = 0; i < 20; i++) {
            String a = ec2().createNetworkInterface(x -> x.subnetId(subnet).ipv6AddressCount(1)).networkInterface().ipv6Addresses().get(0).ipv6Address();
            assertThat(lower.contains(dev.ecsnet.domain.net.Ipv6Address.parse(a).orElseThrow())).as(a).isFalse();
        }
        String other = net.subnet(vpc, "10.0.2.0/24", "us-east-1b");
        refused(() -> ec2().createSubnetCidrReservation(x -> x.subnetId(other).cidr(half).reservationType("prefix")), "InvalidParameterValue", null);
        // a subnet's reservations go with it
        net.enis(subnet).forEach(n -> ec2().deleteNetworkInterface(x -> x.networkInterfaceId(n.networkInterfaceId())));
        ec2().deleteSubnet(x -> x.subnetId(subnet));
        String again = ec2().createSubnet(x -> x.vpcId(vpc).cidrBlock("10.0.1.0/24").ipv6CidrBlock(slash64)).subnet().subnetId();
        assertThat(all(again)).isEmpty();
    }
}
