package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.ServiceTypeDetail;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** VPC endpoints (interface and gateway), endpoint services and prefix lists, through the real EC2 client. */
class Ec2VpcEndpointIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String ECR_API = "com.amazonaws.us-east-1.ecr.api";
    private static final String S3 = "com.amazonaws.us-east-1.s3";

    private NetFixture net;
    private String vpc;
    private String subnetA;
    private String subnetB;
    private String subnetA2;
    private String rtb;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        net = new NetFixture(ec2());
        vpc = net.vpc("10.0.0.0/16");
        ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        subnetA = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        subnetB = net.subnet(vpc, "10.0.2.0/24", "us-east-1b");
        subnetA2 = net.subnet(vpc, "10.0.3.0/24", "us-east-1a");
        rtb = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    }

    private String s3PrefixList() {
        return ec2().describePrefixLists(r -> r.filters(filter("prefix-list-name", S3))).prefixLists().get(0).prefixListId();
    }

    /** Endpoints, ENIs, routes and free addresses: what a refused create must leave alone. */
    private String state() {
        return ec2().describeVpcEndpoints().vpcEndpoints().stream().map(e -> e.vpcEndpointId() + " " + e.stateAsString()).sorted().toList()
                + " " + ec2().describeNetworkInterfaces().networkInterfaces().stream().map(NetworkInterface::networkInterfaceId).sorted().toList()
                + " " + net.routes() + " " + net.available(subnetA) + " " + net.available(subnetB);
    }

    private VpcEndpoint interfaceEndpoint(String service, String... subnets) {
        return ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(service).vpcEndpointType(VpcEndpointType.INTERFACE)
                .subnetIds(subnets).privateDnsEnabled(true)).vpcEndpoint();
    }

    @Test
    void describeVpcEndpointServicesListsTheSeedsServicesWithTheirTypes() {
        List<ServiceDetail> details = ec2().describeVpcEndpointServices().serviceDetails();
        Map<String, List<String>> types = details.stream().collect(Collectors.toMap(ServiceDetail::serviceName,
                d -> d.serviceType().stream().map(ServiceTypeDetail::serviceTypeAsString).sorted().toList()));
        assertThat(types).containsEntry(ECR_API, List.of("Interface"))
                .containsEntry("com.amazonaws.us-east-1.ecr.dkr", List.of("Interface"))
                .containsEntry("com.amazonaws.us-east-1.logs", List.of("Interface"))
                .containsEntry(S3, List.of("Gateway", "Interface"));
        assertThat(ec2().describeVpcEndpointServices().serviceNames()).contains(ECR_API, S3);
        assertThat(ec2().describeVpcEndpointServices(r -> r.serviceNames(ECR_API)).serviceDetails()).singleElement().satisfies(d -> {
            assertThat(d.privateDnsName()).isEqualTo("api.ecr.us-east-1.amazonaws.com");
            assertThat(d.owner()).isEqualTo("amazon");
            assertThat(d.availabilityZones()).contains("us-east-1a", "us-east-1b");
        });
        assertThat(ec2().describeVpcEndpointServices(r -> r.filters(filter("service-type", "Gateway"))).serviceNames())
                .containsExactlyInAnyOrder(S3, "com.amazonaws.us-east-1.dynamodb");
    }

    @Test
    void describePrefixListsFindsTheS3List() {
        assertThat(ec2().describePrefixLists(r -> r.filters(filter("prefix-list-name", S3))).prefixLists()).singleElement().satisfies(p -> {
            assertThat(p.prefixListName()).isEqualTo(S3);
            assertThat(p.prefixListId()).isEqualTo("pl-63a5400a");
            assertThat(p.cidrs()).isNotEmpty();
        });
        refused(() -> ec2().describePrefixLists(r -> r.prefixListIds("pl-00000000")), "InvalidPrefixListID.NotFound", null);
    }

    @Test
    void interfaceEndpointGoesPendingThenAvailableWithOneRequesterManagedEniPerSubnet() {
        int beforeA = net.available(subnetA);
        int beforeB = net.available(subnetB);
        VpcEndpoint created = ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(ECR_API).vpcEndpointType(VpcEndpointType.INTERFACE)
                .subnetIds(subnetA, subnetB).privateDnsEnabled(true)
                .tagSpecifications(tagged(ResourceType.VPC_ENDPOINT, "Name", "ecr-api"))).vpcEndpoint();
        String id = created.vpcEndpointId();
        assertThat(id).matches("vpce-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("pending");
        assertThat(created.vpcEndpointTypeAsString()).isEqualTo("Interface");
        assertThat(created.privateDnsEnabled()).isTrue();
        assertThat(created.subnetIds()).containsExactly(subnetA, subnetB);
        assertThat(created.tags()).containsExactly(tag("Name", "ecr-api"));
        assertThat(created.groups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(created.dnsEntries()).anySatisfy(d -> assertThat(d.dnsName()).isEqualTo("api.ecr.us-east-1.amazonaws.com"));

        ecsnet.settle();
        VpcEndpoint e = ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().get(0);
        assertThat(e.stateAsString()).isEqualTo("available");
        assertThat(e.networkInterfaceIds()).hasSize(2);
        List<NetworkInterface> enis = ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(e.networkInterfaceIds())).networkInterfaces();
        assertThat(enis).hasSize(2).allSatisfy(n -> {
            assertThat(n.interfaceTypeAsString()).isEqualTo("vpc_endpoint");
            assertThat(n.requesterManaged()).isTrue();
            assertThat(n.statusAsString()).isEqualTo("in-use");
            assertThat(n.description()).isEqualTo("VPC Endpoint Interface " + id);
        });
        assertThat(enis).extracting(NetworkInterface::subnetId).containsExactlyInAnyOrder(subnetA, subnetB);
        assertThat(net.available(subnetA)).isEqualTo(beforeA - 1);
        assertThat(net.available(subnetB)).isEqualTo(beforeB - 1);
        assertThat(ec2().describeVpcEndpoints(r -> r.filters(filter("vpc-id", vpc), filter("service-name", ECR_API),
                filter("vpc-endpoint-state", "available"), filter("tag:Name", "ecr-api"))).vpcEndpoints()).hasSize(1);
    }

    @Test
    void deletingAnInterfaceEndpointGivesTheAddressesBack() {
        int beforeA = net.available(subnetA);
        VpcEndpoint e = interfaceEndpoint(ECR_API, subnetA, subnetB);
        ecsnet.settle();
        List<String> enis = ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(e.vpcEndpointId())).vpcEndpoints().get(0).networkInterfaceIds();
        DeleteVpcEndpointsResponse d = ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(e.vpcEndpointId()));
        assertThat(d.unsuccessful()).isEmpty();
        assertThat(ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(e.vpcEndpointId())).vpcEndpoints().get(0).stateAsString()).isEqualTo("deleting");
        ecsnet.settle();
        assertThat(ec2().describeVpcEndpoints(r -> r.filters(filter("vpc-id", vpc))).vpcEndpoints()).isEmpty();
        assertThat(ec2().describeNetworkInterfaces(r -> r.filters(filter("network-interface-id", enis.toArray(String[]::new)))).networkInterfaces()).isEmpty();
        assertThat(net.available(subnetA)).isEqualTo(beforeA);
        refused(() -> ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(e.vpcEndpointId())), "InvalidVpcEndpointId.NotFound", null);
    }

    @Test
    void gatewayEndpointAddsAPrefixListRouteToEachRouteTableAndRemovesItOnDelete() {
        String main = net.mainTable(vpc).routeTableId();
        VpcEndpoint created = ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(S3).vpcEndpointType(VpcEndpointType.GATEWAY)
                .routeTableIds(rtb, main)).vpcEndpoint();
        String id = created.vpcEndpointId();
        assertThat(created.vpcEndpointTypeAsString()).isEqualTo("Gateway");
        assertThat(created.routeTableIds()).containsExactly(rtb, main);
        assertThat(created.privateDnsEnabled()).isFalse();
        assertThat(created.policyDocument()).contains("\"Effect\":\"Allow\"");
        String pl = s3PrefixList();
        for (String table : List.of(rtb, main)) {
            assertThat(net.table(table).routes()).filteredOn(x -> pl.equals(x.destinationPrefixListId())).singleElement().satisfies(x -> {
                assertThat(x.gatewayId()).isEqualTo(id);
                assertThat(x.stateAsString()).isEqualTo("active");
                assertThat(x.destinationCidrBlock()).isNull();
            });
        }
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("route.destination-prefix-list-id", pl))).routeTables()).hasSize(2);
        assertThat(ec2().describeVpcEndpoints(r -> r.filters(filter("vpc-endpoint-type", "Gateway"))).vpcEndpoints()).hasSize(1);

        ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(id));
        for (String table : List.of(rtb, main)) {
            assertThat(net.table(table).routes()).noneSatisfy(x -> assertThat(x.destinationPrefixListId()).isEqualTo(pl));
        }
        ecsnet.settle();
        assertThat(ec2().describeVpcEndpoints().vpcEndpoints()).isEmpty();
    }

    @Test
    void deleteVpcEndpointsReportsUnknownIdsInUnsuccessful() {
        String known = ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(S3).routeTableIds(rtb)).vpcEndpoint().vpcEndpointId();
        String unknown = "vpce-0123456789abcdef0";
        DeleteVpcEndpointsResponse d = ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(known, unknown));
        assertThat(d.unsuccessful()).singleElement().satisfies(u -> {
            assertThat(u.resourceId()).isEqualTo(unknown);
            assertThat(u.error().code()).isEqualTo("InvalidVpcEndpoint.NotFound");
            assertThat(u.error().message()).contains(unknown);
        });
        ecsnet.settle();
        assertThat(ec2().describeVpcEndpoints().vpcEndpoints()).isEmpty();
    }

    @Test
    void unknownEndpointIsInvalidVpcEndpointIdNotFound() {
        refused(() -> ec2().describeVpcEndpoints(r -> r.vpcEndpointIds("vpce-0123456789abcdef0")), "InvalidVpcEndpointId.NotFound",
                "The Vpc Endpoint Id 'vpce-0123456789abcdef0' does not exist");
    }

    @Test
    void privateDnsIsRefusedWhenTheVpcLacksDnsHostnames() {
        String plain = net.vpc("10.1.0.0/16");
        String s = net.subnet(plain, "10.1.1.0/24", "us-east-1a");
        int before = net.available(s);
        refusedWithoutChange(this::state, () -> ec2().createVpcEndpoint(r -> r.vpcId(plain).serviceName(ECR_API)
                .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(s).privateDnsEnabled(true)), "InvalidParameter",
                "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for " + plain);
        assertThat(net.available(s)).isEqualTo(before);
        // without private DNS the same endpoint is fine
        ec2().createVpcEndpoint(r -> r.vpcId(plain).serviceName(ECR_API).vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(s)
                .privateDnsEnabled(false));
    }

    @Test
    void twoSubnetsInOneZoneAreRefused() {
        refusedWithoutChange(this::state, () -> interfaceEndpoint(ECR_API, subnetA, subnetA2), "DuplicateSubnetsInSameZone",
                "Found another VPC endpoint subnet in the availability zone of " + subnetA2
                        + ". VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
    }

    @Test
    void unknownServiceIsInvalidServiceName() {
        refusedWithoutChange(this::state, () -> interfaceEndpoint("com.amazonaws.us-east-1.nope", subnetA), "InvalidServiceName",
                "The Vpc Endpoint Service 'com.amazonaws.us-east-1.nope' does not exist");
    }

    @Test
    void aGatewayEndpointForAnInterfaceOnlyServiceIsRefused() {
        refusedWithoutChange(this::state, () -> ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(ECR_API)
                .vpcEndpointType(VpcEndpointType.GATEWAY).routeTableIds(rtb)), "InvalidParameter", null);
    }

    @Test
    void aSecondPrivateDnsEndpointForTheSameServiceIsRefused() {
        interfaceEndpoint(ECR_API, subnetA);
        refusedWithoutChange(this::state, () -> interfaceEndpoint(ECR_API, subnetB), "InvalidParameter", null);
    }

    @Test
    void unknownSubnetRouteTableOrVpcIsNotFound() {
        refusedWithoutChange(this::state, () -> interfaceEndpoint(ECR_API, "subnet-0123456789abcdef0"), "InvalidSubnetID.NotFound",
                "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        refusedWithoutChange(this::state, () -> ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(S3).routeTableIds("rtb-0123456789abcdef0")),
                "InvalidRouteTableID.NotFound", "The routeTable ID 'rtb-0123456789abcdef0' does not exist");
        refusedWithoutChange(this::state, () -> ec2().createVpcEndpoint(r -> r.vpcId("vpc-0123456789abcdef0").serviceName(S3)),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    }

    @Test
    void deleteSubnetHoldingAnEndpointEniIsDependencyViolation() {
        interfaceEndpoint(ECR_API, subnetA);
        ecsnet.settle();
        refusedWithoutChange(this::state, () -> ec2().deleteSubnet(r -> r.subnetId(subnetA)), "DependencyViolation",
                "The subnet '" + subnetA + "' has dependencies and cannot be deleted.");
    }

    @Test
    void deleteVpcWhileAnEndpointExistsIsDependencyViolation() {
        String lone = net.vpc("10.7.0.0/16");
        String main = net.mainTable(lone).routeTableId();
        String id = ec2().createVpcEndpoint(r -> r.vpcId(lone).serviceName(S3).routeTableIds(main)).vpcEndpoint().vpcEndpointId();
        refusedWithoutChange(this::state, () -> ec2().deleteVpc(r -> r.vpcId(lone)), "DependencyViolation",
                "The vpc '" + lone + "' has dependencies and cannot be deleted.");
        ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(id));
        ecsnet.settle();
        ec2().deleteVpc(r -> r.vpcId(lone));
    }

    @Test
    void createTagsAndDescribeTagsOnAnEndpoint() {
        String id = ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName(S3).routeTableIds(rtb)).vpcEndpoint().vpcEndpointId();
        ec2().createTags(r -> r.resources(id).tags(tag("Name", "s3")));
        assertThat(ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().get(0).tags()).containsExactly(tag("Name", "s3"));
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "vpc-endpoint"))).tags())
                .singleElement().satisfies(t -> assertThat(t.resourceId()).isEqualTo(id));
    }
}
