package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AddressAttributeName;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** Internet gateways, Elastic IPs, and the VPC/subnet attributes Terraform sets, through the real EC2 client. */
class Ec2InternetGatewayAddressIT {
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
        vpc = net.vpc("10.0.0.0/16");
    }

    private List<String> igws() {
        return ec2().describeInternetGateways().internetGateways().stream()
                .map(g -> g.internetGatewayId() + " " + g.attachments().stream().map(a -> a.vpcId() + ":" + a.stateAsString()).toList()).sorted().toList();
    }

    private List<String> addresses() {
        return ec2().describeAddresses().addresses().stream()
                .map(a -> a.allocationId() + " " + a.publicIp() + " " + a.associationId() + " " + a.networkInterfaceId()).sorted().toList();
    }

    // ---- internet gateways -----------------------------------------------------------------------------------

    @Test
    void defaultVpcHasAnAttachedInternetGatewayAndARouteToIt() {
        String defaultVpc = ec2().describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0).vpcId();
        InternetGateway g = ec2().describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", defaultVpc))).internetGateways().get(0);
        assertThat(g.internetGatewayId()).matches("igw-[0-9a-f]{17}");
        assertThat(g.ownerId()).isEqualTo("000000000000");
        assertThat(g.attachments()).singleElement().satisfies(a -> assertThat(a.stateAsString()).isEqualTo("available"));
        assertThat(net.mainTable(defaultVpc).routes()).anySatisfy(r -> {
            assertThat(r.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
            assertThat(r.gatewayId()).isEqualTo(g.internetGatewayId());
            assertThat(r.stateAsString()).isEqualTo("active");
        });
    }

    @Test
    void createAttachDetachDelete() {
        InternetGateway created = ec2().createInternetGateway(r -> r.tagSpecifications(tagged(ResourceType.INTERNET_GATEWAY, "Name", "main")))
                .internetGateway();
        String igw = created.internetGatewayId();
        assertThat(created.attachments()).isEmpty();
        assertThat(created.tags()).containsExactly(tag("Name", "main"));

        ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        assertThat(ec2().describeInternetGateways(r -> r.internetGatewayIds(igw)).internetGateways().get(0).attachments())
                .singleElement().satisfies(a -> {
                    assertThat(a.vpcId()).isEqualTo(vpc);
                    assertThat(a.stateAsString()).isEqualTo("available");
                });
        assertThat(ec2().describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc), filter("tag:Name", "main")))
                .internetGateways()).extracting(InternetGateway::internetGatewayId).containsExactly(igw);

        ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        assertThat(ec2().describeInternetGateways(r -> r.internetGatewayIds(igw)).internetGateways().get(0).attachments()).isEmpty();
        ec2().deleteInternetGateway(r -> r.internetGatewayId(igw));
        refused(() -> ec2().describeInternetGateways(r -> r.internetGatewayIds(igw)), "InvalidInternetGatewayID.NotFound",
                "The internetGateway ID '" + igw + "' does not exist");
    }

    @Test
    void unknownInternetGatewayIsNotFoundEverywhere() {
        String id = "igw-0123456789abcdef0";
        String message = "The internetGateway ID '" + id + "' does not exist";
        refused(() -> ec2().describeInternetGateways(r -> r.internetGatewayIds(id)), "InvalidInternetGatewayID.NotFound", message);
        refusedWithoutChange(this::igws, () -> ec2().attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc)),
                "InvalidInternetGatewayID.NotFound", message);
        refusedWithoutChange(this::igws, () -> ec2().detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc)),
                "InvalidInternetGatewayID.NotFound", message);
        refusedWithoutChange(this::igws, () -> ec2().deleteInternetGateway(r -> r.internetGatewayId(id)),
                "InvalidInternetGatewayID.NotFound", message);
    }

    @Test
    void attachToUnknownVpcIsInvalidVpcIdNotFound() {
        String igw = ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        refusedWithoutChange(this::igws, () -> ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId("vpc-0123456789abcdef0")),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    }

    @Test
    void attachTwiceOrASecondGatewayIsResourceAlreadyAssociated() {
        String igw = net.attachedIgw(vpc);
        String other = net.vpc("10.1.0.0/16");
        refusedWithoutChange(this::igws, () -> ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(other)),
                "Resource.AlreadyAssociated", "resource " + igw + " is already attached to network " + vpc);
        String second = ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        refusedWithoutChange(this::igws, () -> ec2().attachInternetGateway(r -> r.internetGatewayId(second).vpcId(vpc)),
                "Resource.AlreadyAssociated", null);
    }

    @Test
    void detachAGatewayThatIsNotAttachedIsGatewayNotAttached() {
        String igw = ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        refusedWithoutChange(this::igws, () -> ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)),
                "Gateway.NotAttached", "resource " + igw + " is not attached to network " + vpc);
        String attached = net.attachedIgw(vpc);
        String other = net.vpc("10.1.0.0/16");
        refusedWithoutChange(this::igws, () -> ec2().detachInternetGateway(r -> r.internetGatewayId(attached).vpcId(other)),
                "Gateway.NotAttached", "resource " + attached + " is not attached to network " + other);
    }

    @Test
    void deleteAnAttachedGatewayIsDependencyViolation() {
        String igw = net.attachedIgw(vpc);
        refusedWithoutChange(this::igws, () -> ec2().deleteInternetGateway(r -> r.internetGatewayId(igw)), "DependencyViolation",
                "The internetGateway '" + igw + "' has dependencies and cannot be deleted.");
    }

    @Test
    void deleteVpcWhileAnInternetGatewayIsAttachedIsDependencyViolation() {
        String igw = net.attachedIgw(vpc);
        refusedWithoutChange(this::igws, () -> ec2().deleteVpc(r -> r.vpcId(vpc)), "DependencyViolation",
                "The vpc '" + vpc + "' has dependencies and cannot be deleted.");
        ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        ec2().deleteVpc(r -> r.vpcId(vpc));
        refused(() -> ec2().describeVpcs(r -> r.vpcIds(vpc)), "InvalidVpcID.NotFound", "The vpc ID '" + vpc + "' does not exist");
    }

    @Test
    void detachWhileAnEniHasAMappedElasticIpIsDependencyViolation() {
        String igw = net.attachedIgw(vpc);
        String subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String eni = ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId();
        String alloc = net.eip();
        String assoc = ec2().associateAddress(r -> r.allocationId(alloc).networkInterfaceId(eni)).associationId();
        refusedWithoutChange(this::igws, () -> ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)), "DependencyViolation",
                "Network " + vpc + " has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
        ec2().disassociateAddress(r -> r.associationId(assoc));
        ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
    }

    // ---- Elastic IPs -----------------------------------------------------------------------------------------

    @Test
    void allocateDescribeRelease() {
        AllocateAddressResponse a = ec2().allocateAddress(r -> r.domain("vpc")
                .tagSpecifications(tagged(ResourceType.ELASTIC_IP, "Name", "nat-ip")));
        assertThat(a.allocationId()).matches("eipalloc-[0-9a-f]{17}");
        assertThat(a.domainAsString()).isEqualTo("vpc");
        assertThat(a.publicIp()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(a.networkBorderGroup()).isEqualTo("us-east-1");
        Address d = ec2().describeAddresses(r -> r.allocationIds(a.allocationId())).addresses().get(0);
        assertThat(d.publicIp()).isEqualTo(a.publicIp());
        assertThat(d.associationId()).isNull();
        assertThat(d.tags()).containsExactly(tag("Name", "nat-ip"));
        assertThat(ec2().describeAddresses(r -> r.publicIps(a.publicIp())).addresses()).extracting(Address::allocationId)
                .containsExactly(a.allocationId());
        assertThat(ec2().describeAddresses(r -> r.filters(filter("tag:Name", "nat-ip"))).addresses()).hasSize(1);
        assertThat(ec2().describeAddressesAttribute(r -> r.allocationIds(a.allocationId()).attribute(AddressAttributeName.DOMAIN_NAME))
                .addresses()).singleElement().satisfies(x -> assertThat(x.publicIp()).isEqualTo(a.publicIp()));

        ec2().releaseAddress(r -> r.allocationId(a.allocationId()));
        assertThat(ec2().describeAddresses().addresses()).isEmpty();
    }

    @Test
    void unknownAllocationIdIsInvalidAllocationIdNotFound() {
        String id = "eipalloc-0123456789abcdef0";
        String message = "The allocation ID '" + id + "' does not exist";
        refused(() -> ec2().describeAddresses(r -> r.allocationIds(id)), "InvalidAllocationID.NotFound", message);
        refusedWithoutChange(this::addresses, () -> ec2().releaseAddress(r -> r.allocationId(id)), "InvalidAllocationID.NotFound", message);
        refused(() -> ec2().describeAddressesAttribute(r -> r.allocationIds(id).attribute(AddressAttributeName.DOMAIN_NAME)),
                "InvalidAllocationID.NotFound", message);
    }

    @Test
    void associateWithAnEniThenDisassociate() {
        String subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String eni = ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId();
        String alloc = net.eip();
        String assoc = ec2().associateAddress(r -> r.allocationId(alloc).networkInterfaceId(eni)).associationId();
        assertThat(assoc).matches("eipassoc-[0-9a-f]{17}");
        Address d = ec2().describeAddresses(r -> r.allocationIds(alloc)).addresses().get(0);
        assertThat(d.associationId()).isEqualTo(assoc);
        assertThat(d.networkInterfaceId()).isEqualTo(eni);
        assertThat(ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().get(0).association().publicIp())
                .isEqualTo(d.publicIp());
        assertThat(ec2().describeAddresses(r -> r.filters(filter("association-id", assoc))).addresses()).hasSize(1);

        refusedWithoutChange(this::addresses, () -> ec2().releaseAddress(r -> r.allocationId(alloc)), "InvalidIPAddress.InUse", null);
        ec2().disassociateAddress(r -> r.associationId(assoc));
        assertThat(ec2().describeAddresses(r -> r.allocationIds(alloc)).addresses().get(0).associationId()).isNull();
        assertThat(ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().get(0).association()).isNull();
        ec2().releaseAddress(r -> r.allocationId(alloc));
    }

    @Test
    void disassociateUnknownAssociationIsNotFound() {
        refusedWithoutChange(this::addresses, () -> ec2().disassociateAddress(r -> r.associationId("eipassoc-0123456789abcdef0")),
                "InvalidAssociationID.NotFound", "The association ID 'eipassoc-0123456789abcdef0' does not exist");
    }

    // ---- VPC and subnet attributes ---------------------------------------------------------------------------

    @Test
    void vpcDnsAttributesRoundTrip() {
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value()).isTrue();
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isFalse();
        ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isTrue();
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS))
                .enableNetworkAddressUsageMetrics().value()).isFalse();
    }

    @Test
    void vpcAttributeErrors() {
        refused(() -> ec2().describeVpcAttribute(r -> r.vpcId("vpc-0123456789abcdef0").attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
        refused(() -> ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)).enableDnsSupport(b -> b.value(true))),
                "InvalidParameterCombination", null);
        ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(b -> b.value(false)));
        refused(() -> ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true))), "InvalidParameterValue", null);
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isFalse();
    }

    @Test
    void modifySubnetMapPublicIpOnLaunch() {
        String subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        assertThat(ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).mapPublicIpOnLaunch()).isFalse();
        ec2().modifySubnetAttribute(r -> r.subnetId(subnet).mapPublicIpOnLaunch(b -> b.value(true)));
        Subnet s = ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0);
        assertThat(s.mapPublicIpOnLaunch()).isTrue();
        assertThat(ec2().describeSubnets(r -> r.filters(filter("map-public-ip-on-launch", "true"), filter("vpc-id", vpc))).subnets()).hasSize(1);
        refused(() -> ec2().modifySubnetAttribute(r -> r.subnetId("subnet-0123456789abcdef0").mapPublicIpOnLaunch(b -> b.value(true))),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
    }
}
