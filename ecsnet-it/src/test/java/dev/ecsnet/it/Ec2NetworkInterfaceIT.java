package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Network interfaces and the subnet's address pool through the real EC2 client. */
class Ec2NetworkInterfaceIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private String vpc;
    private String subnet;
    private String small;
    private String defaultGroup;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        small = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/28").availabilityZone("us-east-1b")).subnet().subnetId();
        defaultGroup = ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build())).securityGroups().get(0).groupId();
    }

    private int available(String subnetId) {
        return ec2().describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount();
    }

    private List<String> eniIds() {
        return ec2().describeNetworkInterfaces().networkInterfaces().stream().map(NetworkInterface::networkInterfaceId).sorted().toList();
    }

    /** ENIs and the free-address count of both subnets: what a refused create must leave alone. */
    private String state() {
        return eniIds() + " " + available(subnet) + " " + available(small);
    }

    private NetworkInterface create(String subnetId) {
        return ec2().createNetworkInterface(r -> r.subnetId(subnetId)).networkInterface();
    }

    private List<String> find(Filter... filters) {
        return ec2().describeNetworkInterfaces(r -> r.filters(filters)).networkInterfaces().stream()
                .map(NetworkInterface::networkInterfaceId).sorted().toList();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void createTakesAnUnreservedAddressInsideTheSubnet() {
        NetworkInterface n = ec2().createNetworkInterface(r -> r.subnetId(subnet).description("task eni")).networkInterface();
        assertThat(n.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(n.subnetId()).isEqualTo(subnet);
        assertThat(n.vpcId()).isEqualTo(vpc);
        assertThat(n.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(n.description()).isEqualTo("task eni");
        assertThat(n.statusAsString()).isEqualTo("available");
        assertThat(n.interfaceTypeAsString()).isEqualTo("interface");
        assertThat(n.ownerId()).isEqualTo("000000000000");
        assertThat(n.macAddress()).matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        assertThat(n.groups()).extracting(GroupIdentifier::groupId).containsExactly(defaultGroup);
        assertThat(n.groups()).extracting(GroupIdentifier::groupName).containsExactly("default");
        assertThat(n.privateIpAddress()).startsWith("10.0.1.");
        int last = Integer.parseInt(n.privateIpAddress().substring("10.0.1.".length()));
        assertThat(last).isBetween(4, 254);
        assertThat(n.privateDnsName()).isEqualTo("ip-" + n.privateIpAddress().replace('.', '-') + ".ec2.internal");
        assertThat(n.privateIpAddresses()).singleElement().satisfies(p -> {
            assertThat(p.primary()).isTrue();
            assertThat(p.privateIpAddress()).isEqualTo(n.privateIpAddress());
        });
        assertThat(n.sourceDestCheck()).isTrue();
        assertThat(available(subnet)).isEqualTo(250);
    }

    @Test
    void specificPrivateIpAddressAndInUse() {
        NetworkInterface n = ec2().createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.0.1.50")).networkInterface();
        assertThat(n.privateIpAddress()).isEqualTo("10.0.1.50");
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.0.1.50")),
                "InvalidIPAddress.InUse", null);
    }

    @Test
    void reservedOrForeignAddressesAreRefused() {
        for (String ip : new String[] {"10.0.1.0", "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.255"}) {
            refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress(ip)),
                    "InvalidParameterValue", "Address " + ip + " is in subnet's reserved address range");
        }
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.0.2.5")),
                "InvalidParameterValue", "Address 10.0.2.5 does not fall within the subnet's address range");
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("not-an-ip")),
                "InvalidParameterValue", null);
    }

    @Test
    void exhaustingASlash28GivesTheSubnetFullError() {
        Set<String> ips = new HashSet<>();
        for (int i = 0; i < 11; i++) {
            String ip = create(small).privateIpAddress();
            int last = Integer.parseInt(ip.substring("10.0.2.".length()));
            assertThat(last).as(ip).isBetween(4, 14);
            assertThat(ips.add(ip)).as("duplicate " + ip).isTrue();
        }
        assertThat(available(small)).isZero();
        refusedWithoutChange(this::state, () -> create(small), "InvalidParameterValue", "There aren't sufficient free Ipv4 addresses or prefixes");
    }

    @Test
    void deleteFreesTheAddress() {
        NetworkInterface n = ec2().createNetworkInterface(r -> r.subnetId(small).privateIpAddress("10.0.2.9")).networkInterface();
        assertThat(available(small)).isEqualTo(10);
        ec2().deleteNetworkInterface(r -> r.networkInterfaceId(n.networkInterfaceId()));
        assertThat(available(small)).isEqualTo(11);
        assertThat(ec2().createNetworkInterface(r -> r.subnetId(small).privateIpAddress("10.0.2.9")).networkInterface().privateIpAddress())
                .isEqualTo("10.0.2.9");
        refused(() -> ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(n.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '" + n.networkInterfaceId() + "' does not exist");
    }

    @Test
    void deleteUnknownEni() {
        refusedWithoutChange(this::state, () -> ec2().deleteNetworkInterface(r -> r.networkInterfaceId("eni-0123456789abcdef0")),
                "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID 'eni-0123456789abcdef0' does not exist");
    }

    @Test
    void createInUnknownSubnetOrWithForeignGroup() {
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId("subnet-0123456789abcdef0")),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        String other = ec2().createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String foreign = ec2().createSecurityGroup(r -> r.vpcId(other).groupName("f").description("f")).groupId();
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).groups(foreign)), "InvalidParameterValue", null);
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).groups("sg-0123456789abcdef0")),
                "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.description("no subnet")),
                "MissingParameter", "The request must contain the parameter SubnetId");
    }

    @Test
    void tagSpecificationsOnCreate() {
        NetworkInterface n = ec2().createNetworkInterface(r -> r.subnetId(subnet).tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE).tags(Tag.builder().key("team").value("net").build()).build()))
                .networkInterface();
        assertThat(n.tagSet()).containsExactly(Tag.builder().key("team").value("net").build());
        // a specification for a type the call does not create is refused, as EC2 refuses it
        refusedWithoutChange(this::state, () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.VPC).tags(Tag.builder().key("x").value("y").build()).build())),
                "InvalidParameterValue", "'vpc' is not a valid taggable resource type for this operation.");
    }

    @Test
    void filters() {
        String app = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("app").description("app")).groupId();
        NetworkInterface a = ec2().createNetworkInterface(r -> r.subnetId(subnet).groups(app).description("alpha")
                .privateIpAddress("10.0.1.10").tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE)
                        .tags(Tag.builder().key("Name").value("svc-a").build()).build())).networkInterface();
        NetworkInterface b = ec2().createNetworkInterface(r -> r.subnetId(small).description("beta")).networkInterface();
        String ida = a.networkInterfaceId();
        String idb = b.networkInterfaceId();
        assertThat(find(filter("subnet-id", subnet))).containsExactly(ida);
        assertThat(find(filter("subnet-id", subnet, small))).containsExactlyInAnyOrder(ida, idb);
        assertThat(find(filter("vpc-id", vpc))).containsExactlyInAnyOrder(ida, idb);
        assertThat(find(filter("group-id", app))).containsExactly(ida);
        assertThat(find(filter("group-id", defaultGroup))).containsExactly(idb);
        assertThat(find(filter("private-ip-address", "10.0.1.10"))).containsExactly(ida);
        assertThat(find(filter("private-ip-address", "10.0.1.*"))).containsExactly(ida);
        assertThat(find(filter("status", "available"))).containsExactlyInAnyOrder(ida, idb);
        assertThat(find(filter("status", "in-use"))).isEmpty();
        assertThat(find(filter("description", "bet?"))).containsExactly(idb);
        assertThat(find(filter("tag:Name", "svc-*"))).containsExactly(ida);
        assertThat(find(filter("tag-key", "Name"))).containsExactly(ida);
        assertThat(find(filter("vpc-id", vpc), filter("description", "alpha"))).containsExactly(ida);
        assertThat(find(filter("availability-zone", "us-east-1b"))).containsExactly(idb);
        refused(() -> find(filter("bogus-filter", "x")), "InvalidParameterValue", "The filter 'bogus-filter' is invalid");
    }

    @Test
    void eniTagsAndUnknownIdInDescribe() {
        NetworkInterface n = create(subnet);
        ec2().createTags(r -> r.resources(n.networkInterfaceId()).tags(Tag.builder().key("k").value("v").build()));
        assertThat(ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(n.networkInterfaceId())).networkInterfaces().get(0).tagSet())
                .containsExactly(Tag.builder().key("k").value("v").build());
        refused(() -> ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(n.networkInterfaceId(), "eni-0000000000000000e")),
                "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID 'eni-0000000000000000e' does not exist");
    }
}
