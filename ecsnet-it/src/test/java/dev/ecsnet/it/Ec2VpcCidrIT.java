package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secondary IPv4 CIDR blocks and Amazon-provided IPv6 blocks of VPCs (AssociateVpcCidrBlock,
 * DisassociateVpcCidrBlock, CreateVpc with AmazonProvidedIpv6CidrBlock), through the real EC2 client on the FAST
 * timing profile, so the association states can be watched.
 */
class Ec2VpcCidrIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void fixture() {
        net = new NetFixture(ec2());
    }

    private Vpc vpc(String id) {
        return ec2().describeVpcs(r -> r.vpcIds(id)).vpcs().get(0);
    }

    /** Every association of the VPC as "cidr state". */
    private List<String> blocks(String id) {
        Vpc v = vpc(id);
        List<String> out = new java.util.ArrayList<>();
        v.cidrBlockAssociationSet().forEach(a -> out.add(a.cidrBlock() + " " + a.cidrBlockState().stateAsString()));
        v.ipv6CidrBlockAssociationSet().forEach(a -> out.add(a.ipv6CidrBlock() + " " + a.ipv6CidrBlockState().stateAsString()));
        return out;
    }

    private List<String> localRoutes(String vpcId) {
        return net.mainTable(vpcId).routes().stream().filter(r -> "local".equals(r.gatewayId()))
                .map(r -> r.destinationCidrBlock() != null ? r.destinationCidrBlock() : r.destinationIpv6CidrBlock()).toList();
    }

    @Test
    void aSecondaryIpv4BlockGoesAssociatingThenAssociatedAndGetsItsLocalRoute() {
        String vpc = net.vpc("10.0.0.0/16");
        AssociateVpcCidrBlockResponse r = ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("100.64.0.0/16"));
        assertThat(r.vpcId()).isEqualTo(vpc);
        assertThat(r.cidrBlockAssociation().associationId()).matches("vpc-cidr-assoc-[0-9a-f]{17}");
        assertThat(r.cidrBlockAssociation().cidrBlock()).isEqualTo("100.64.0.0/16");
        assertThat(r.cidrBlockAssociation().cidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.ASSOCIATING);
        assertThat(r.ipv6CidrBlockAssociation()).isNull();
        assertThat(blocks(vpc)).containsExactly("10.0.0.0/16 associated", "100.64.0.0/16 associating");
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(blocks(vpc)).containsExactly("10.0.0.0/16 associated", "100.64.0.0/16 associated");
        assertThat(vpc(vpc).cidrBlock()).as("the primary block stays the VPC's cidrBlock").isEqualTo("10.0.0.0/16");
        assertThat(localRoutes(vpc)).containsExactly("10.0.0.0/16", "100.64.0.0/16");
        String custom = ec2().createRouteTable(x -> x.vpcId(vpc)).routeTable().routeTableId();
        assertThat(net.table(custom).routes()).extracting(Route::destinationCidrBlock).containsExactly("10.0.0.0/16", "100.64.0.0/16");
        assertThat(ec2().describeVpcs(x -> x.filters(filter("cidr-block-association.cidr-block", "100.64.0.0/16"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(vpc);
        assertThat(ec2().describeVpcs(x -> x.filters(filter("cidr-block-association.association-id",
                r.cidrBlockAssociation().associationId()), filter("cidr-block-association.state", "associated"))).vpcs()).hasSize(1);
        assertThat(ec2().describeVpcs(x -> x.filters(filter("cidr", "100.64.0.0/16"))).vpcs()).as("cidr is the primary block only").isEmpty();
    }

    @Test
    void subnetsGoInASecondaryBlockOnceItIsAssociatedAndGetAddressesThere() {
        String vpc = net.vpc("10.0.0.0/16");
        ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("100.64.0.0/16"));
        refused(() -> net.subnet(vpc, "100.64.1.0/24", "us-east-1a"), "InvalidSubnet.Range", "The CIDR '100.64.1.0/24' is invalid.");
        ecsnet.advance(Duration.ofSeconds(1));
        String subnet = net.subnet(vpc, "100.64.1.0/24", "us-east-1a");
        String ip = ec2().createNetworkInterface(x -> x.subnetId(subnet)).networkInterface().privateIpAddress();
        assertThat(ip).startsWith("100.64.1.");
        assertThat(net.available(subnet)).isEqualTo(250);
        refused(() -> net.subnet(vpc, "100.64.1.128/25", "us-east-1a"), "InvalidSubnet.Conflict", "The CIDR '100.64.1.128/25' conflicts with another subnet");
    }

    @Test
    void associationsFollowAwsRangeSizeOverlapAndQuotaRules() {
        String vpc = net.vpc("10.2.0.0/16");
        String restricted = "The CIDR '192.168.0.0/16' is restricted. Use a CIDR from the same private address range as the current VPC CIDR, "
                + "or use a publicly-routable CIDR. For additional restrictions, see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html";
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("192.168.0.0/16")),
                "InvalidVpc.Range", restricted);
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("198.19.0.0/16")),
                "InvalidVpc.Range", null);
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("10.4.0.0/15")),
                "InvalidVpc.Range", "The CIDR '10.4.0.0/15' is invalid.");
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("10.2.128.0/17")),
                "InvalidVpc.Range", "The CIDR '10.2.128.0/17' overlaps with the CIDR block '10.2.0.0/16' of " + vpc + ".");
        refused(() -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("10.3.0.1/16")), "InvalidParameterValue",
                "Value (10.3.0.1/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        refused(() -> ec2().associateVpcCidrBlock(x -> x.vpcId("vpc-00000000000000000").cidrBlock("10.3.0.0/16")), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-00000000000000000' does not exist");
        refused(() -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc)), "MissingParameter", null);
        for (String c : List.of("10.3.0.0/16", "10.4.0.0/16", "100.64.0.0/16", "52.94.0.0/24")) {
            ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock(c));
        }
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("10.9.0.0/16")),
                "CidrLimitExceeded", "This network '" + vpc + "' has met its maximum number of allowed CIDRs: 5");
    }

    @Test
    void disassociationGoesThroughItsStatesAndTakesTheLocalRouteAway() {
        String vpc = net.vpc("10.0.0.0/16");
        String assoc = ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("10.1.0.0/16")).cidrBlockAssociation().associationId();
        ecsnet.advance(Duration.ofSeconds(1));
        String subnet = net.subnet(vpc, "10.1.0.0/24", "us-east-1a");
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().disassociateVpcCidrBlock(x -> x.associationId(assoc)),
                "InvalidCidrBlock.InUse", "The vpc " + vpc + " currently has a subnet within CIDR block 10.1.0.0/16");
        ec2().deleteSubnet(x -> x.subnetId(subnet));
        var r = ec2().disassociateVpcCidrBlock(x -> x.associationId(assoc));
        assertThat(r.vpcId()).isEqualTo(vpc);
        assertThat(r.cidrBlockAssociation().cidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.DISASSOCIATING);
        assertThat(blocks(vpc)).containsExactly("10.0.0.0/16 associated", "10.1.0.0/16 disassociating");
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(blocks(vpc)).as("listed a while as disassociated").containsExactly("10.0.0.0/16 associated", "10.1.0.0/16 disassociated");
        assertThat(localRoutes(vpc)).containsExactly("10.0.0.0/16");
        refused(() -> ec2().disassociateVpcCidrBlock(x -> x.associationId(assoc)), "IncorrectState", null);
        ecsnet.advance(Duration.ofMinutes(31));
        assertThat(blocks(vpc)).containsExactly("10.0.0.0/16 associated");
        assertThat(ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("10.1.0.0/16")).cidrBlockAssociation().associationId())
                .as("the block can be associated again").isNotEqualTo(assoc);
    }

    @Test
    void thePrimaryBlockAndUnknownAssociationsCannotBeDisassociated() {
        String vpc = net.vpc("10.0.0.0/16");
        String primary = vpc(vpc).cidrBlockAssociationSet().get(0).associationId();
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().disassociateVpcCidrBlock(x -> x.associationId(primary)), "OperationNotPermitted",
                "The vpc CIDR block with association ID " + primary + " may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
        refused(() -> ec2().disassociateVpcCidrBlock(x -> x.associationId("vpc-cidr-assoc-00000000000000000")),
                "InvalidVpcCidrBlockAssociationID.NotFound", "The vpc CIDR block association ID 'vpc-cidr-assoc-00000000000000000' does not exist");
    }

    @Test
    void createVpcWithAnAmazonProvidedIpv6Block() {
        Vpc created = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc();
        VpcIpv6CidrBlockAssociation answered = created.ipv6CidrBlockAssociationSet().get(0);
        assertThat(answered.ipv6CidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.ASSOCIATING);
        ecsnet.advance(Duration.ofSeconds(1));
        VpcIpv6CidrBlockAssociation a = vpc(created.vpcId()).ipv6CidrBlockAssociationSet().get(0);
        assertThat(a.associationId()).isEqualTo(answered.associationId());
        assertThat(a.ipv6CidrBlock()).matches("2600:1f18:[0-9a-f]{1,4}:[0-9a-f]{1,2}00::/56");
        assertThat(a.ipv6CidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.ASSOCIATED);
        assertThat(a.networkBorderGroup()).isEqualTo("us-east-1");
        assertThat(a.ipv6Pool()).isEqualTo("Amazon");
        assertThat(localRoutes(created.vpcId())).containsExactly("10.0.0.0/16", a.ipv6CidrBlock());
        // AWS adds IPv6 allow-all (rule 101) and the IPv6 final deny (32768) to the default ACL
        List<NetworkAclEntry> entries = ec2().describeNetworkAcls(r -> r.filters(filter("vpc-id", created.vpcId()))).networkAcls().get(0).entries();
        assertThat(entries).filteredOn(e -> e.ipv6CidrBlock() != null)
                .extracting(e -> e.ruleNumber() + " " + e.egress() + " " + e.ruleActionAsString() + " " + e.ipv6CidrBlock())
                .containsExactlyInAnyOrder("101 false allow ::/0", "32768 false deny ::/0", "101 true allow ::/0", "32768 true deny ::/0");
        // and the default security group allows egress to ::/0; a new group still only to 0.0.0.0/0
        var def = ec2().describeSecurityGroups(r -> r.filters(filter("vpc-id", created.vpcId()), filter("group-name", "default")))
                .securityGroups().get(0);
        assertThat(def.ipPermissionsEgress().get(0).ipv6Ranges()).extracting(x -> x.cidrIpv6()).containsExactly("::/0");
        String custom = ec2().createSecurityGroup(r -> r.vpcId(created.vpcId()).groupName("app").description("app")).groupId();
        assertThat(ec2().describeSecurityGroups(r -> r.groupIds(custom)).securityGroups().get(0).ipPermissionsEgress().get(0).ipv6Ranges()).isEmpty();
        assertThat(ec2().describeVpcs(r -> r.filters(filter("ipv6-cidr-block-association.ipv6-cidr-block", a.ipv6CidrBlock()),
                filter("ipv6-cidr-block-association.ipv6-pool", "Amazon"), filter("ipv6-cidr-block-association.state", "associated"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(created.vpcId());
    }

    @Test
    void amazonProvidedBlocksAreUniqueAndOnePerBorderGroup() {
        Set<String> blocks = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            String vpc = net.vpc("10." + i + ".0.0/16");
            var r = ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).amazonProvidedIpv6CidrBlock(true));
            assertThat(r.cidrBlockAssociation()).isNull();
            assertThat(r.ipv6CidrBlockAssociation().ipv6CidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.ASSOCIATING);
            blocks.add(r.ipv6CidrBlockAssociation().ipv6CidrBlock());
            if (i == 0) {
                refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).amazonProvidedIpv6CidrBlock(true)),
                        "CidrLimitExceeded", null);
            }
        }
        assertThat(blocks).hasSize(5);
        String vpc = net.vpc("10.9.0.0/16");
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).amazonProvidedIpv6CidrBlock(true)
                .ipv6CidrBlockNetworkBorderGroup("us-east-1-nyc-1")), "InvalidParameterValue", null);
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).ipv6Pool("ipv6pool-ec2-0123456789abcdef0")
                .ipv6CidrBlock("2001:db8::/56")), "InvalidParameterValue", null);
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().associateVpcCidrBlock(x -> x.vpcId(vpc).cidrBlock("10.10.0.0/16")
                .amazonProvidedIpv6CidrBlock(true)), "InvalidParameterCombination", null);
        refused(() -> ec2().createVpc(r -> r.cidrBlock("10.8.0.0/16").ipv6IpamPoolId("ipam-pool-0123456789abcdef0")), "InvalidParameterValue", null);
    }

    @Test
    void anIpv6BlockWithSubnetsStaysAndGoesWhenTheyDo() {
        String vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc().vpcId();
        ecsnet.advance(Duration.ofSeconds(1));
        VpcIpv6CidrBlockAssociation a = vpc(vpc).ipv6CidrBlockAssociationSet().get(0);
        String slash64 = NetFixture.slash64(a.ipv6CidrBlock(), 7);
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").ipv6CidrBlock(slash64)).subnet().subnetId();
        refusedWithoutChange(() -> blocks(vpc), () -> ec2().disassociateVpcCidrBlock(x -> x.associationId(a.associationId())),
                "InvalidCidrBlock.InUse", "The vpc " + vpc + " currently has a subnet within CIDR block " + a.ipv6CidrBlock());
        ec2().deleteSubnet(r -> r.subnetId(subnet));
        var r = ec2().disassociateVpcCidrBlock(x -> x.associationId(a.associationId()));
        assertThat(r.ipv6CidrBlockAssociation().ipv6CidrBlockState().state()).isEqualTo(VpcCidrBlockStateCode.DISASSOCIATING);
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(localRoutes(vpc)).containsExactly("10.0.0.0/16");
        ec2().deleteVpc(x -> x.vpcId(vpc));
    }
}
