package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeName;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.List;
import java.util.stream.Collectors;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** VPCs, subnets, zones and account attributes through the real EC2 client. */
class Ec2VpcSubnetIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String ZONES = "us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f";

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    private List<String> vpcIds() {
        return ec2().describeVpcs().vpcs().stream().map(Vpc::vpcId).sorted().toList();
    }

    private List<String> subnetSummary() {
        return ec2().describeSubnets().subnets().stream()
                .map(s -> s.subnetId() + " " + s.cidrBlock() + " " + s.availableIpAddressCount()).sorted().toList();
    }

    private Vpc defaultVpc() {
        return ec2().describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs().get(0);
    }

    private String newVpc(String cidr) {
        return ec2().createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    // ---- default VPC ----------------------------------------------------------------------------------------

    @Test
    void theDefaultVpcIsFoundByIsDefaultAsTheTerraformProviderSpellsIt() {
        String other = newVpc("10.90.0.0/16");
        List<String> isDefault = ec2().describeVpcs(r -> r.filters(Filter.builder().name("isDefault").values("true").build()))
                .vpcs().stream().map(Vpc::vpcId).toList();
        List<String> notDefault = ec2().describeVpcs(r -> r.filters(Filter.builder().name("isDefault").values("false").build()))
                .vpcs().stream().map(Vpc::vpcId).toList();
        assertThat(isDefault).containsExactly(defaultVpc().vpcId());
        assertThat(notDefault).containsExactly(other);
    }

    @Test
    void defaultVpcIs172_31_0_0Slash16() {
        List<Vpc> vpcs = ec2().describeVpcs().vpcs();
        assertThat(vpcs).hasSize(1);
        Vpc v = vpcs.get(0);
        assertThat(v.cidrBlock()).isEqualTo("172.31.0.0/16");
        assertThat(v.isDefault()).isTrue();
        assertThat(v.stateAsString()).isEqualTo("available");
        assertThat(v.ownerId()).isEqualTo("000000000000");
        assertThat(v.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(v.cidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.cidrBlock()).isEqualTo("172.31.0.0/16");
            assertThat(a.cidrBlockState().stateAsString()).isEqualTo("associated");
        });
    }

    @Test
    void defaultVpcHasOneDefaultSlash20SubnetPerZone() {
        String vpc = defaultVpc().vpcId();
        List<Subnet> subnets = ec2().describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build())).subnets();
        assertThat(subnets).hasSize(6).allSatisfy(s -> {
            assertThat(s.defaultForAz()).isTrue();
            assertThat(s.mapPublicIpOnLaunch()).isTrue();
            assertThat(s.cidrBlock()).endsWith("/20");
            assertThat(s.availableIpAddressCount()).isEqualTo(4091);
            assertThat(s.stateAsString()).isEqualTo("available");
        });
        assertThat(subnets).extracting(Subnet::availabilityZone).containsExactlyInAnyOrder(ZONES.split(", "));
        assertThat(subnets).extracting(Subnet::cidrBlock).containsExactlyInAnyOrder(
                "172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20", "172.31.48.0/20", "172.31.64.0/20", "172.31.80.0/20");
        assertThat(subnets).extracting(Subnet::availabilityZoneId).doesNotHaveDuplicates().allMatch(z -> z.matches("use1-az\\d"));
    }

    @Test
    void defaultSecurityGroupReferencesItselfAndAllowsAllEgress() {
        String vpc = defaultVpc().vpcId();
        SecurityGroup g = ec2().describeSecurityGroups(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpc).build(), Filter.builder().name("group-name").values("default").build()))
                .securityGroups().get(0);
        assertThat(g.description()).isEqualTo("default VPC security group");
        assertThat(g.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.fromPort()).isNull();
            assertThat(p.userIdGroupPairs()).singleElement().satisfies(pair -> {
                assertThat(pair.groupId()).isEqualTo(g.groupId());
                assertThat(pair.userId()).isEqualTo("000000000000");
            });
            assertThat(p.ipRanges()).isEmpty();
        });
        assertThat(g.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipRanges()).singleElement().satisfies(r -> assertThat(r.cidrIp()).isEqualTo("0.0.0.0/0"));
        });
    }

    @Test
    void describeAccountAttributesNamesTheDefaultVpc() {
        String vpc = defaultVpc().vpcId();
        List<AccountAttribute> attrs = ec2().describeAccountAttributes(r -> r.attributeNames(AccountAttributeName.DEFAULT_VPC)).accountAttributes();
        assertThat(attrs).singleElement().satisfies(a -> {
            assertThat(a.attributeName()).isEqualTo("default-vpc");
            assertThat(a.attributeValues()).singleElement().satisfies(v -> assertThat(v.attributeValue()).isEqualTo(vpc));
        });
        assertThat(ec2().describeAccountAttributes().accountAttributes()).extracting(AccountAttribute::attributeName)
                .contains("supported-platforms", "default-vpc");
    }

    @Test
    void describeAccountAttributesSaysNoneOnceTheDefaultVpcIsGone() {
        Vpc v = defaultVpc();
        ec2().describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(v.vpcId()).build())).subnets()
                .forEach(s -> ec2().deleteSubnet(r -> r.subnetId(s.subnetId())));
        // like every default VPC, it has an internet gateway attached, which must go first
        String igw = ec2().describeInternetGateways(r -> r.filters(Filter.builder().name("attachment.vpc-id").values(v.vpcId()).build()))
                .internetGateways().get(0).internetGatewayId();
        Ec2Refusal.refused(() -> ec2().deleteVpc(r -> r.vpcId(v.vpcId())), "DependencyViolation",
                "The vpc '" + v.vpcId() + "' has dependencies and cannot be deleted.");
        ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(v.vpcId()));
        ec2().deleteInternetGateway(r -> r.internetGatewayId(igw));
        ec2().deleteVpc(r -> r.vpcId(v.vpcId()));
        assertThat(ec2().describeAccountAttributes(r -> r.attributeNames(AccountAttributeName.DEFAULT_VPC)).accountAttributes()
                .get(0).attributeValues().get(0).attributeValue()).isEqualTo("none");
    }

    @Test
    void describeAvailabilityZonesByNameAndUnknownName() {
        assertThat(ec2().describeAvailabilityZones(r -> r.zoneNames("us-east-1c")).availabilityZones())
                .singleElement().satisfies(z -> {
                    assertThat(z.zoneName()).isEqualTo("us-east-1c");
                    assertThat(z.zoneId()).isEqualTo("use1-az3");
                    assertThat(z.regionName()).isEqualTo("us-east-1");
                });
        refused(() -> ec2().describeAvailabilityZones(r -> r.zoneNames("us-east-1z")), "InvalidParameterValue", null);
    }

    // ---- CreateVpc / DescribeVpcs / DeleteVpc ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "10.1.0.0/20", "192.168.0.0/24", "10.2.0.16/28"})
    void createVpcAcceptsSlash16ToSlash28(String cidr) {
        Vpc v = ec2().createVpc(r -> r.cidrBlock(cidr)).vpc();
        assertThat(v.cidrBlock()).isEqualTo(cidr);
        assertThat(v.isDefault()).isFalse();
        assertThat(v.instanceTenancyAsString()).isEqualTo("default");
        assertThat(ec2().describeVpcs(r -> r.vpcIds(v.vpcId())).vpcs()).singleElement()
                .satisfies(d -> assertThat(d.stateAsString()).isEqualTo("available"));
    }

    @Test
    void newVpcGetsItsOwnDefaultSecurityGroupButNoSubnets() {
        String vpc = newVpc("10.0.0.0/16");
        assertThat(ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build())).securityGroups())
                .singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(ec2().describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build())).subnets()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "10.0.0.0/12", "10.0.0.0/15", "10.0.0.0/29", "10.0.0.0/32"})
    void createVpcOutsideSlash16ToSlash28IsInvalidVpcRange(String cidr) {
        refusedWithoutChange(this::vpcIds, () -> ec2().createVpc(r -> r.cidrBlock(cidr)), "InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "10.0.0.0/33", "10.0.0/16", "300.0.0.0/16"})
    void createVpcWithMalformedCidr(String cidr) {
        refusedWithoutChange(this::vpcIds, () -> ec2().createVpc(r -> r.cidrBlock(cidr)), "InvalidParameterValue",
                "Value (" + cidr + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
    }

    @Test
    void createVpcWithoutCidrIsMissingParameter() {
        refusedWithoutChange(this::vpcIds, () -> ec2().createVpc(r -> r.instanceTenancy("default")), "MissingParameter", null);
    }

    @Test
    void createVpcWithTagSpecifications() {
        Vpc v = ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16").tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value("main").build()).build())).vpc();
        assertThat(v.tags()).containsExactly(Tag.builder().key("Name").value("main").build());
        assertThat(ec2().describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values("ma*").build())).vpcs())
                .extracting(Vpc::vpcId).containsExactly(v.vpcId());
    }

    @Test
    void describeUnknownVpcIsNotFound() {
        refused(() -> ec2().describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    }

    @Test
    void deleteVpcWithSubnetIsDependencyViolationThenWorksOnceEmpty() {
        String vpc = newVpc("10.0.0.0/16");
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        refusedWithoutChange(this::vpcIds, () -> ec2().deleteVpc(r -> r.vpcId(vpc)), "DependencyViolation",
                "The vpc '" + vpc + "' has dependencies and cannot be deleted.");
        ec2().deleteSubnet(r -> r.subnetId(subnet));
        ec2().deleteVpc(r -> r.vpcId(vpc));
        assertThat(vpcIds()).doesNotContain(vpc);
        // its default security group went with it
        assertThat(ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build())).securityGroups()).isEmpty();
    }

    @Test
    void deleteVpcWithSecurityGroupIsDependencyViolation() {
        String vpc = newVpc("10.0.0.0/16");
        ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("app").description("app"));
        refusedWithoutChange(this::vpcIds, () -> ec2().deleteVpc(r -> r.vpcId(vpc)), "DependencyViolation",
                "The vpc '" + vpc + "' has dependencies and cannot be deleted.");
    }

    @Test
    void deleteUnknownVpcIsNotFound() {
        refusedWithoutChange(this::vpcIds, () -> ec2().deleteVpc(r -> r.vpcId("vpc-0000000000000000a")), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0000000000000000a' does not exist");
    }

    @Test
    void modifyAndDescribeVpcAttributes() {
        String vpc = newVpc("10.0.0.0/16");
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isFalse();
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value()).isTrue();
        ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isTrue();
        refused(() -> ec2().modifyVpcAttribute(r -> r.vpcId(vpc)), "InvalidParameterCombination", null);
        refused(() -> ec2().describeVpcAttribute(r -> r.vpcId("vpc-00000000000000000").attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-00000000000000000' does not exist");
        ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(AttributeBooleanValue.builder().value(false).build()));
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value()).isFalse();
    }

    // ---- CreateSubnet / DescribeSubnets / DeleteSubnet -------------------------------------------------------

    @Test
    void createSubnetInsideTheVpc() {
        String vpc = newVpc("10.0.0.0/16");
        Subnet s = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1b")).subnet();
        assertThat(s.subnetId()).matches("subnet-[0-9a-f]{17}");
        assertThat(s.vpcId()).isEqualTo(vpc);
        assertThat(s.cidrBlock()).isEqualTo("10.0.1.0/24");
        assertThat(s.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(s.availabilityZoneId()).isEqualTo("use1-az2");
        assertThat(s.defaultForAz()).isFalse();
        assertThat(s.mapPublicIpOnLaunch()).isFalse();
        assertThat(s.subnetArn()).isEqualTo("arn:aws:ec2:us-east-1:000000000000:subnet/" + s.subnetId());
        assertThat(ec2().describeSubnets(r -> r.subnetIds(s.subnetId())).subnets()).singleElement()
                .satisfies(d -> assertThat(d.cidrBlock()).isEqualTo("10.0.1.0/24"));
    }

    @Test
    void availableIpAddressCountIsSizeMinusFive() {
        String vpc = newVpc("10.0.0.0/16");
        assertThat(ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().availableIpAddressCount()).isEqualTo(251);
        assertThat(ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/28")).subnet().availableIpAddressCount()).isEqualTo(11);
        assertThat(ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.128.0/17")).subnet().availableIpAddressCount()).isEqualTo(32763);
    }

    @Test
    void createSubnetByZoneId() {
        String vpc = newVpc("10.0.0.0/16");
        Subnet s = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZoneId("use1-az4")).subnet();
        assertThat(s.availabilityZone()).isEqualTo("us-east-1d");
        assertThat(s.availabilityZoneId()).isEqualTo("use1-az4");
    }

    @Test
    void createSubnetWithoutZoneSpreadsOverZones() {
        String vpc = newVpc("10.0.0.0/16");
        String a = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().availabilityZone();
        String b = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24")).subnet().availabilityZone();
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.1.0/24", "10.0.1.128/25", "10.0.0.0/23", "10.0.0.0/16"})
    void overlappingSubnetIsInvalidSubnetConflict(String cidr) {
        String vpc = newVpc("10.0.0.0/16");
        ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24"));
        refusedWithoutChange(this::subnetSummary, () -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr)),
                "InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
    }

    @Test
    void sameCidrInAnotherVpcIsFine() {
        String a = newVpc("10.0.0.0/16");
        String b = newVpc("10.0.0.0/16");
        ec2().createSubnet(r -> r.vpcId(a).cidrBlock("10.0.1.0/24"));
        assertThat(ec2().createSubnet(r -> r.vpcId(b).cidrBlock("10.0.1.0/24")).subnet().vpcId()).isEqualTo(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.0.0/24", "10.0.0.0/15", "10.0.0.0/29", "9.255.255.0/24", "0.0.0.0/0"})
    void subnetOutsideVpcOrSizeIsInvalidSubnetRange(String cidr) {
        String vpc = newVpc("10.0.0.0/16");
        refusedWithoutChange(this::subnetSummary, () -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr)),
                "InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
    }

    @Test
    void malformedSubnetCidr() {
        String vpc = newVpc("10.0.0.0/16");
        refusedWithoutChange(this::subnetSummary, () -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1/24")),
                "InvalidParameterValue", "Value (10.0.1/24) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
    }

    @Test
    void badZoneListsTheZonesOfTheRegion() {
        String vpc = newVpc("10.0.0.0/16");
        for (String zone : new String[] {"us-east-1z", "us-west-2c"}) {
            refusedWithoutChange(this::subnetSummary, () -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone(zone)),
                    "InvalidParameterValue", "Value (" + zone + ") for parameter availabilityZone is invalid. "
                            + "Subnets can currently only be created in the following availability zones: " + ZONES + ".");
        }
        refused(() -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZoneId("use1-az9")),
                "InvalidParameterValue", null);
    }

    @Test
    void subnetInUnknownVpc() {
        refusedWithoutChange(this::subnetSummary, () -> ec2().createSubnet(r -> r.vpcId("vpc-0123456789abcdef0").cidrBlock("10.0.1.0/24")),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    }

    @Test
    void subnetWithoutVpcIdIsMissingParameter() {
        refusedWithoutChange(this::subnetSummary, () -> ec2().createSubnet(r -> r.cidrBlock("10.0.1.0/24")),
                "MissingParameter", "The request must contain the parameter VpcId");
    }

    @Test
    void deleteSubnetWithLiveEniIsDependencyViolationThenWorks() {
        String vpc = newVpc("10.0.0.0/16");
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String eni = ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId();
        refusedWithoutChange(this::subnetSummary, () -> ec2().deleteSubnet(r -> r.subnetId(subnet)), "DependencyViolation",
                "The subnet '" + subnet + "' has dependencies and cannot be deleted.");
        ec2().deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        ec2().deleteSubnet(r -> r.subnetId(subnet));
        refused(() -> ec2().describeSubnets(r -> r.subnetIds(subnet)), "InvalidSubnetID.NotFound",
                "The subnet ID '" + subnet + "' does not exist");
    }

    @Test
    void deleteUnknownSubnet() {
        refusedWithoutChange(this::subnetSummary, () -> ec2().deleteSubnet(r -> r.subnetId("subnet-00000000000000000")),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-00000000000000000' does not exist");
    }

    @Test
    void modifySubnetMapPublicIpOnLaunch() {
        String vpc = newVpc("10.0.0.0/16");
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        ec2().modifySubnetAttribute(r -> r.subnetId(subnet).mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));
        assertThat(ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).mapPublicIpOnLaunch()).isTrue();
        refused(() -> ec2().modifySubnetAttribute(r -> r.subnetId("subnet-00000000000000001")
                .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build())), "InvalidSubnetID.NotFound",
                "The subnet ID 'subnet-00000000000000001' does not exist");
    }

    @Test
    void unmodelledSubnetAttributesAcceptOnlyTheValueEverySubnetHas() {
        String vpc = newVpc("10.0.0.0/16");
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        ec2().modifySubnetAttribute(r -> r.subnetId(subnet).enableResourceNameDnsARecordOnLaunch(AttributeBooleanValue.builder().value(false).build()));
        refusedWithoutChange(this::subnetSummary, () -> ec2().modifySubnetAttribute(r -> r.subnetId(subnet)
                .enableResourceNameDnsARecordOnLaunch(AttributeBooleanValue.builder().value(true).build())), "InvalidParameterValue",
                "ecsnet does not model EnableResourceNameDnsARecordOnLaunch; it is false on every subnet.");
        refused(() -> ec2().modifySubnetAttribute(r -> r.subnetId(subnet)), "InvalidParameterCombination", "No attributes specified.");
        assertThat(ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).privateDnsNameOptionsOnLaunch()
                .enableResourceNameDnsARecord()).isFalse();
    }

    @Test
    void describeSubnetsFilters() {
        String vpc = newVpc("10.0.0.0/16");
        Subnet s = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet();
        assertThat(ec2().describeSubnets(r -> r.filters(Filter.builder().name("cidr-block").values("10.0.1.*").build())).subnets())
                .extracting(Subnet::subnetId).containsExactly(s.subnetId());
        assertThat(ec2().describeSubnets(r -> r.filters(Filter.builder().name("availability-zone").values("us-east-1a").build(),
                Filter.builder().name("default-for-az").values("false").build())).subnets()).extracting(Subnet::subnetId).containsExactly(s.subnetId());
        assertThat(ec2().describeSubnets(r -> r.filters(Filter.builder().name("available-ip-address-count").values("251").build())).subnets())
                .extracting(Subnet::subnetId).containsExactly(s.subnetId());
        assertThat(ec2().describeSubnets(r -> r.filters(Filter.builder().name("availability-zone").values("us-east-1?").build())).subnets())
                .hasSize(7);
        assertThat(ec2().describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc, "vpc-nothing").build())).subnets()
                .stream().map(Subnet::subnetId).collect(Collectors.toList())).containsExactly(s.subnetId());
    }
}
