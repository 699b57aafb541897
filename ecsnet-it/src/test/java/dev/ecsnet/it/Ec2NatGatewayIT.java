package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.time.Duration;
import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** NAT gateways: their lifecycle on the manual clock, their ENI and Elastic IP, and the refusals around them. */
class Ec2NatGatewayIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;
    private String vpc;
    private String igw;
    private String publicSubnet;
    private String alloc;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        net = new NetFixture(ec2());
        vpc = net.vpc("10.0.0.0/16");
        igw = net.attachedIgw(vpc);
        publicSubnet = net.subnet(vpc, "10.0.0.0/24", "us-east-1a");
        alloc = net.eip();
    }

    private NatGateway describe(String id) {
        return ec2().describeNatGateways(r -> r.natGatewayIds(id)).natGateways().get(0);
    }

    /** NAT gateways, ENIs, addresses and the subnet's free count: what a refused call must leave alone. */
    private String state() {
        return ec2().describeNatGateways().natGateways().stream().map(n -> n.natGatewayId() + " " + n.stateAsString()).sorted().toList()
                + " " + ec2().describeNetworkInterfaces().networkInterfaces().stream().map(NetworkInterface::networkInterfaceId).sorted().toList()
                + " " + ec2().describeAddresses().addresses().stream().map(a -> a.allocationId() + " " + a.associationId()).sorted().toList()
                + " " + net.available(publicSubnet);
    }

    @Test
    void createGoesPendingThenAvailableOnTheClock() {
        int before = net.available(publicSubnet);
        NatGateway created = ec2().createNatGateway(r -> r.subnetId(publicSubnet).allocationId(alloc).clientToken("tok-1")
                .tagSpecifications(tagged(ResourceType.NATGATEWAY, "Name", "nat-a"))).natGateway();
        String nat = created.natGatewayId();
        assertThat(nat).matches("nat-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("pending");
        assertThat(created.subnetId()).isEqualTo(publicSubnet);
        assertThat(created.vpcId()).isEqualTo(vpc);
        assertThat(created.connectivityTypeAsString()).isEqualTo("public");
        assertThat(created.tags()).containsExactly(tag("Name", "nat-a"));
        assertThat(describe(nat).stateAsString()).isEqualTo("pending");

        ecsnet.settle();
        NatGateway n = describe(nat);
        assertThat(n.stateAsString()).isEqualTo("available");
        assertThat(n.natGatewayAddresses()).singleElement().satisfies(a -> {
            assertThat(a.allocationId()).isEqualTo(alloc);
            assertThat(a.publicIp()).isEqualTo(ec2().describeAddresses(r -> r.allocationIds(alloc)).addresses().get(0).publicIp());
            assertThat(a.privateIp()).startsWith("10.0.0.");
            assertThat(a.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        });
        assertThat(net.available(publicSubnet)).isEqualTo(before - 1);
        assertThat(ec2().describeNatGateways(r -> r.filter(filter("vpc-id", vpc), filter("state", "available"))).natGateways())
                .extracting(NatGateway::natGatewayId).containsExactly(nat);
        assertThat(ec2().describeNatGateways(r -> r.filter(filter("tag:Name", "nat-a"), filter("subnet-id", publicSubnet))).natGateways())
                .hasSize(1);
    }

    @Test
    void itsEniIsARequesterManagedInUseNatGatewayInterface() {
        String nat = net.nat(publicSubnet, alloc);
        ecsnet.settle();
        NatGateway n = describe(nat);
        String eniId = n.natGatewayAddresses().get(0).networkInterfaceId();
        NetworkInterface eni = ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eniId)).networkInterfaces().get(0);
        assertThat(eni.interfaceTypeAsString()).isEqualTo("nat_gateway");
        assertThat(eni.requesterManaged()).isTrue();
        assertThat(eni.statusAsString()).isEqualTo("in-use");
        assertThat(eni.subnetId()).isEqualTo(publicSubnet);
        assertThat(eni.description()).isEqualTo("Interface for NAT Gateway " + nat);
        assertThat(eni.privateIpAddress()).isEqualTo(n.natGatewayAddresses().get(0).privateIp());
        assertThat(eni.association().publicIp()).isEqualTo(n.natGatewayAddresses().get(0).publicIp());
        assertThat(ec2().describeNetworkInterfaces(r -> r.filters(filter("interface-type", "nat_gateway"))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId).containsExactly(eniId);
        assertThat(ec2().describeAddresses(r -> r.allocationIds(alloc)).addresses().get(0).networkInterfaceId()).isEqualTo(eniId);
    }

    @Test
    void deleteGoesDeletingThenDeletedAndGivesBackTheAddressAndTheEip() {
        int before = net.available(publicSubnet);
        String nat = net.nat(publicSubnet, alloc);
        ecsnet.settle();
        String eniId = describe(nat).natGatewayAddresses().get(0).networkInterfaceId();
        assertThat(net.available(publicSubnet)).isEqualTo(before - 1);

        assertThat(ec2().deleteNatGateway(r -> r.natGatewayId(nat)).natGatewayId()).isEqualTo(nat);
        assertThat(describe(nat).stateAsString()).isEqualTo("deleting");
        ecsnet.settle();
        NatGateway n = describe(nat);
        assertThat(n.stateAsString()).isEqualTo("deleted");
        assertThat(n.deleteTime()).isNotNull();
        assertThat(net.available(publicSubnet)).isEqualTo(before);
        assertThat(ec2().describeNetworkInterfaces(r -> r.filters(filter("network-interface-id", eniId))).networkInterfaces()).isEmpty();
        assertThat(ec2().describeAddresses(r -> r.allocationIds(alloc)).addresses().get(0).associationId()).isNull();
        // deleting again is harmless; the EIP can be released; the subnet can go
        ec2().deleteNatGateway(r -> r.natGatewayId(nat));
        ec2().releaseAddress(r -> r.allocationId(alloc));
        ec2().deleteSubnet(r -> r.subnetId(publicSubnet));
    }

    @Test
    void deleteSubnetHoldingANatGatewayIsDependencyViolation() {
        String nat = net.nat(publicSubnet, alloc);
        ecsnet.settle();
        refusedWithoutChange(this::state, () -> ec2().deleteSubnet(r -> r.subnetId(publicSubnet)), "DependencyViolation",
                "The subnet '" + publicSubnet + "' has dependencies and cannot be deleted.");
        ec2().deleteNatGateway(r -> r.natGatewayId(nat));
        // still deleting: its ENI is still there
        refused(() -> ec2().deleteSubnet(r -> r.subnetId(publicSubnet)), "DependencyViolation", null);
        ecsnet.settle();
        ec2().deleteSubnet(r -> r.subnetId(publicSubnet));
    }

    @Test
    void natGatewayInAVpcWithoutInternetGatewayIsGatewayNotAttached() {
        String isolated = net.vpc("10.1.0.0/16");
        String subnet = net.subnet(isolated, "10.1.0.0/24", "us-east-1a");
        int before = net.available(subnet);
        refusedWithoutChange(this::state, () -> ec2().createNatGateway(r -> r.subnetId(subnet).allocationId(alloc)), "Gateway.NotAttached",
                "Network " + isolated + " has no Internet gateway attached");
        assertThat(net.available(subnet)).isEqualTo(before);
    }

    @Test
    void detachInternetGatewayWhileANatGatewayEipIsMappedIsDependencyViolation() {
        String nat = net.nat(publicSubnet, alloc);
        ecsnet.settle();
        refusedWithoutChange(this::state, () -> ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)), "DependencyViolation",
                "Network " + vpc + " has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
        assertThat(ec2().describeInternetGateways(r -> r.internetGatewayIds(igw)).internetGateways().get(0).attachments()).hasSize(1);
        ec2().deleteNatGateway(r -> r.natGatewayId(nat));
        ecsnet.settle();
        ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
    }

    @Test
    void unknownAllocationIsInvalidAllocationIdNotFound() {
        refusedWithoutChange(this::state, () -> ec2().createNatGateway(r -> r.subnetId(publicSubnet).allocationId("eipalloc-0123456789abcdef0")),
                "InvalidAllocationID.NotFound", "The allocation ID 'eipalloc-0123456789abcdef0' does not exist");
    }

    @Test
    void unknownSubnetIsInvalidSubnetIdNotFound() {
        refusedWithoutChange(this::state, () -> ec2().createNatGateway(r -> r.subnetId("subnet-0123456789abcdef0").allocationId(alloc)),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
    }

    @Test
    void anEipAlreadyInUseIsRefused() {
        net.nat(publicSubnet, alloc);
        ecsnet.settle();
        refusedWithoutChange(this::state, () -> ec2().createNatGateway(r -> r.subnetId(publicSubnet).allocationId(alloc)),
                "Resource.AlreadyAssociated", null);
    }

    @Test
    void theNatGatewaysEipCannotBeReleasedOrDisassociatedUntilItIsDeleted() {
        String nat = net.nat(publicSubnet, alloc);
        ecsnet.settle();
        String assoc = ec2().describeAddresses(r -> r.allocationIds(alloc)).addresses().get(0).associationId();
        // EC2 answers AuthFailure with HTTP 400 for an address a NAT gateway holds, even while it is deleting
        String message = "You do not have permission to access the specified resource.";
        refusedWithoutChange(this::state, () -> ec2().releaseAddress(r -> r.allocationId(alloc)), "AuthFailure", message);
        refusedWithoutChange(this::state, () -> ec2().disassociateAddress(r -> r.associationId(assoc)), "AuthFailure", message);
        ec2().deleteNatGateway(r -> r.natGatewayId(nat));
        refusedWithoutChange(this::state, () -> ec2().releaseAddress(r -> r.allocationId(alloc)), "AuthFailure", message);
        ecsnet.settle();
        ec2().releaseAddress(r -> r.allocationId(alloc));
        assertThat(ec2().describeAddresses().addresses()).isEmpty();
    }

    @Test
    void aRouteToAnUnknownOrDeletingNatGatewayIsInvalidGatewayIdNotFound() {
        String rtb = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        refusedWithoutChange(net::routes, () -> ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId("nat-0123456789abcdef0")), "InvalidGatewayID.NotFound", "The gateway ID 'nat-0123456789abcdef0' does not exist");
        String nat = net.nat(publicSubnet, alloc);
        ecsnet.settle();
        ec2().deleteNatGateway(r -> r.natGatewayId(nat));
        refusedWithoutChange(net::routes, () -> ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat)),
                "InvalidGatewayID.NotFound", "The gateway ID '" + nat + "' does not exist");
    }

    @Test
    void unknownNatGatewayIsNatGatewayNotFound() {
        String id = "nat-0123456789abcdef0";
        String message = "The Nat Gateway " + id + " was not found";
        refused(() -> ec2().describeNatGateways(r -> r.natGatewayIds(id)), "NatGatewayNotFound", message);
        refusedWithoutChange(this::state, () -> ec2().deleteNatGateway(r -> r.natGatewayId(id)), "NatGatewayNotFound", message);
    }

    @Test
    void aRouteToADeletedNatGatewayBecomesBlackhole() {
        String nat = net.nat(publicSubnet, alloc);
        ecsnet.settle();
        String rtb = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        assertThat(net.table(rtb).routes()).anySatisfy(x -> {
            assertThat(x.natGatewayId()).isEqualTo(nat);
            assertThat(x.stateAsString()).isEqualTo("active");
        });
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("route.nat-gateway-id", nat))).routeTables()).hasSize(1);

        ec2().deleteNatGateway(r -> r.natGatewayId(nat));
        ecsnet.advance(Duration.ofSeconds(5));
        assertThat(net.table(rtb).routes()).anySatisfy(x -> {
            assertThat(x.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
            assertThat(x.natGatewayId()).isEqualTo(nat);
            assertThat(x.stateAsString()).isEqualTo("blackhole");
        });
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("route.state", "blackhole"))).routeTables())
                .extracting(t -> t.routeTableId()).containsExactly(rtb);
        ec2().deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0"));
        assertThat(net.table(rtb).routes()).hasSize(1);
    }

    @Test
    void createTagsAndDescribeTagsOnANatGateway() {
        String nat = net.nat(publicSubnet, alloc);
        ec2().createTags(r -> r.resources(nat, alloc).tags(tag("env", "test")));
        assertThat(describe(nat).tags()).containsExactly(tag("env", "test"));
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "natgateway"))).tags())
                .singleElement().satisfies(t -> {
                    assertThat(t.resourceId()).isEqualTo(nat);
                    assertThat(t.resourceTypeAsString()).isEqualTo("natgateway");
                });
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "elastic-ip"))).tags())
                .extracting(t -> t.resourceId()).containsExactly(alloc);
        List<String> none = List.of();
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-id", "nat-0123456789abcdef0"))).tags()).isEqualTo(none);
    }
}
