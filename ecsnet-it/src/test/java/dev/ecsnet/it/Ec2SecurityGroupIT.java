package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Security groups and their rules through the real EC2 client. */
class Ec2SecurityGroupIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private String vpc;
    private String web;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        web = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web tier")).groupId();
    }

    private static IpPermission tcp(int from, int to, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(from).toPort(to).ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    private static IpPermission fromGroup(String protocol, Integer from, Integer to, String group) {
        return IpPermission.builder().ipProtocol(protocol).fromPort(from).toPort(to)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(group).build()).build();
    }

    private static IpPermission all(String cidr) {
        return IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    private SecurityGroup group(String id) {
        return ec2().describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
    }

    /** Every rule of the group, in a comparable form. */
    private List<String> rules(String groupId) {
        return ec2().describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(groupId).build()))
                .securityGroupRules().stream()
                .map(r -> (r.isEgress() ? "out " : "in ") + r.ipProtocol() + " " + r.fromPort() + "-" + r.toPort() + " "
                        + (r.cidrIpv4() != null ? r.cidrIpv4() : r.cidrIpv6() != null ? r.cidrIpv6()
                        : r.referencedGroupInfo() != null ? r.referencedGroupInfo().groupId() : r.prefixListId()))
                .sorted().toList();
    }

    private List<String> groupIds() {
        return ec2().describeSecurityGroups().securityGroups().stream().map(SecurityGroup::groupId).sorted().toList();
    }

    private String defaultGroupOf(String vpcId) {
        return ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build(),
                Filter.builder().name("group-name").values("default").build())).securityGroups().get(0).groupId();
    }

    // ---- create / describe / delete ------------------------------------------------------------------------

    @Test
    void createdGroupHasOnlyTheAllowAllEgressRule() {
        SecurityGroup g = group(web);
        assertThat(g.groupName()).isEqualTo("web");
        assertThat(g.description()).isEqualTo("web tier");
        assertThat(g.vpcId()).isEqualTo(vpc);
        assertThat(g.ownerId()).isEqualTo("000000000000");
        assertThat(g.groupId()).matches("sg-[0-9a-f]{17}");
        assertThat(g.securityGroupArn()).isEqualTo("arn:aws:ec2:us-east-1:000000000000:security-group/" + web);
        assertThat(g.ipPermissions()).isEmpty();
        assertThat(rules(web)).containsExactly("out -1 -1--1 0.0.0.0/0");
    }

    @Test
    void duplicateNameInTheSameVpcIsInvalidGroupDuplicate() {
        refusedWithoutChange(this::groupIds, () -> ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("again")),
                "InvalidGroup.Duplicate", "The security group 'web' already exists for VPC '" + vpc + "'");
        String other = ec2().createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        assertThat(ec2().createSecurityGroup(r -> r.vpcId(other).groupName("web").description("fine elsewhere")).groupId()).isNotEqualTo(web);
    }

    @Test
    void groupNameDefaultIsReserved() {
        refusedWithoutChange(this::groupIds, () -> ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("default").description("x")),
                "InvalidGroup.Reserved", null);
    }

    @Test
    void createInUnknownVpcOrWithoutDescription() {
        refusedWithoutChange(this::groupIds, () -> ec2().createSecurityGroup(r -> r.vpcId("vpc-0000000000000000f").groupName("a").description("a")),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0000000000000000f' does not exist");
        refusedWithoutChange(this::groupIds, () -> ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("a")),
                "MissingParameter", "The request must contain the parameter GroupDescription");
    }

    @Test
    void createWithoutVpcGoesToTheDefaultVpcAndCanBeFoundByName() {
        String id = ec2().createSecurityGroup(r -> r.groupName("legacy").description("in default vpc")).groupId();
        assertThat(ec2().describeSecurityGroups(r -> r.groupNames("legacy")).securityGroups()).extracting(SecurityGroup::groupId).containsExactly(id);
        String defaultVpc = group(id).vpcId();
        refused(() -> ec2().describeSecurityGroups(r -> r.groupNames("web")), "InvalidGroup.NotFound",
                "The security group 'web' does not exist in default VPC '" + defaultVpc + "'");
    }

    @Test
    void describeUnknownAndMalformedIds() {
        refused(() -> ec2().describeSecurityGroups(r -> r.groupIds("sg-0123456789abcdef0")), "InvalidGroup.NotFound",
                "The security group 'sg-0123456789abcdef0' does not exist");
        refused(() -> ec2().describeSecurityGroups(r -> r.groupIds("nonsense")), "InvalidGroupId.Malformed",
                "The security group ID 'nonsense' is malformed");
    }

    @Test
    void deleteGroupThenItIsGone() {
        assertThat(ec2().deleteSecurityGroup(r -> r.groupId(web)).groupId()).isEqualTo(web);
        refused(() -> ec2().describeSecurityGroups(r -> r.groupIds(web)), "InvalidGroup.NotFound", "The security group '" + web + "' does not exist");
        refused(() -> ec2().deleteSecurityGroup(r -> r.groupId(web)), "InvalidGroup.NotFound", "The security group '" + web + "' does not exist");
    }

    @Test
    void defaultGroupCannotBeDeleted() {
        String def = defaultGroupOf(vpc);
        refusedWithoutChange(this::groupIds, () -> ec2().deleteSecurityGroup(r -> r.groupId(def)), "CannotDelete",
                "the specified group: \"" + def + "\" name: \"default\" cannot be deleted by a user");
    }

    @Test
    void groupReferencedByAnotherGroupsRuleIsDependencyViolation() {
        String db = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("db").description("db")).groupId();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(fromGroup("tcp", 5432, 5432, web)));
        refusedWithoutChange(this::groupIds, () -> ec2().deleteSecurityGroup(r -> r.groupId(web)), "DependencyViolation",
                "resource " + web + " has a dependent object");
        ec2().revokeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(fromGroup("tcp", 5432, 5432, web)));
        ec2().deleteSecurityGroup(r -> r.groupId(web));
    }

    @Test
    void groupReferencingItselfCanBeDeleted() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(fromGroup("-1", null, null, web)));
        ec2().deleteSecurityGroup(r -> r.groupId(web));
        assertThat(groupIds()).doesNotContain(web);
    }

    @Test
    void groupUsedByAnEniIsDependencyViolation() {
        String subnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String eni = ec2().createNetworkInterface(r -> r.subnetId(subnet).groups(web)).networkInterface().networkInterfaceId();
        refusedWithoutChange(this::groupIds, () -> ec2().deleteSecurityGroup(r -> r.groupId(web)), "DependencyViolation",
                "resource " + web + " has a dependent object");
        ec2().deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        ec2().deleteSecurityGroup(r -> r.groupId(web));
    }

    // ---- authorize ------------------------------------------------------------------------------------------

    @Test
    void authorizeTcpUdpIcmpAllWithCidrsAndGroups() {
        String lb = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("lb").description("lb")).groupId();
        AuthorizeSecurityGroupIngressResponse out = ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                tcp(443, 443, "0.0.0.0/0"),
                IpPermission.builder().ipProtocol("udp").fromPort(53).toPort(53).ipRanges(IpRange.builder().cidrIp("10.0.0.0/16").description("dns").build()).build(),
                IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                fromGroup("tcp", 8080, 8081, lb),
                fromGroup("-1", null, null, web),
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build()));
        assertThat(out.returnValue()).isTrue();
        assertThat(out.securityGroupRules()).hasSize(6).allSatisfy(rule -> {
            assertThat(rule.securityGroupRuleId()).matches("sgr-[0-9a-f]{17}");
            assertThat(rule.groupId()).isEqualTo(web);
            assertThat(rule.isEgress()).isFalse();
        });
        assertThat(rules(web)).containsExactlyInAnyOrder(
                "in tcp 443-443 0.0.0.0/0", "in udp 53-53 10.0.0.0/16", "in icmp 8--1 10.0.0.0/8", "in tcp 8080-8081 " + lb,
                "in -1 -1--1 " + web, "in tcp 22-22 ::/0", "out -1 -1--1 0.0.0.0/0");
        SecurityGroup g = group(web);
        assertThat(g.ipPermissions()).anySatisfy(p -> {
            assertThat(p.ipProtocol()).isEqualTo("udp");
            assertThat(p.ipRanges()).singleElement().satisfies(r -> assertThat(r.description()).isEqualTo("dns"));
        });
        assertThat(g.ipPermissions()).anySatisfy(p -> {
            assertThat(p.ipProtocol()).isEqualTo("tcp");
            assertThat(p.fromPort()).isEqualTo(8080);
            assertThat(p.userIdGroupPairs()).singleElement().satisfies(pair -> assertThat(pair.groupId()).isEqualTo(lb));
        });
    }

    @Test
    void protocolNumbersAreNamedAndOtherProtocolsHaveNoPorts() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                IpPermission.builder().ipProtocol("6").fromPort(80).toPort(80).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                IpPermission.builder().ipProtocol("50").fromPort(1).toPort(2).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()));
        assertThat(rules(web)).contains("in tcp 80-80 10.0.0.0/8", "in 50 -1--1 10.0.0.0/8");
    }

    @Test
    void legacyTopLevelAuthorizeForm() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipProtocol("tcp").fromPort(22).toPort(22).cidrIp("192.168.0.0/24"));
        assertThat(rules(web)).contains("in tcp 22-22 192.168.0.0/24");
    }

    @Test
    void duplicateTcpRuleIsInvalidPermissionDuplicate() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                        tcp(80, 80, "10.0.0.0/8"), tcp(22, 22, "10.0.0.0/8"))),
                "InvalidPermission.Duplicate", "the specified rule \"peer: 10.0.0.0/8, TCP, from port: 22, to port: 22, ALLOW\" already exists");
    }

    @Test
    void duplicateUdpAndGroupRules() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(fromGroup("udp", 53, 53, web)));
        refused(() -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(fromGroup("udp", 53, 53, web))),
                "InvalidPermission.Duplicate", "the specified rule \"peer: " + web + ", UDP, from port: 53, to port: 53, ALLOW\" already exists");
    }

    @Test
    void duplicateAllProtocolsRuleAndDefaultEgress() {
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(all("0.0.0.0/0"))),
                "InvalidPermission.Duplicate", "the specified rule \"peer: 0.0.0.0/0, ALL, ALLOW\" already exists");
    }

    @Test
    void duplicateNumericProtocolRule() {
        IpPermission esp = IpPermission.builder().ipProtocol("50").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(esp));
        refused(() -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(esp)),
                "InvalidPermission.Duplicate", "the specified rule \"peer: 0.0.0.0/0, protocol: 50, ALLOW\" already exists");
    }

    @Test
    void badRulesAreRefusedWithoutAddingAnything() {
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                tcp(80, 80, "0.0.0.0/0"), IpPermission.builder().ipProtocol("bogus").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())),
                "InvalidParameterValue", "Invalid value 'bogus' for IP protocol. Unknown protocol.");
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(-1, 22, "0.0.0.0/0"))),
                "InvalidPermission.Malformed", "TCP/UDP port (-1) out of range");
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 70000, "0.0.0.0/0"))),
                "InvalidPermission.Malformed", "TCP/UDP port (70000) out of range");
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                        IpPermission.builder().ipProtocol("tcp").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())),
                "InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                        IpPermission.builder().ipProtocol("icmp").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())),
                "InvalidParameterValue", "Invalid value for portRange. Must specify both from and to ports with ICMP.");
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.1/8"))),
                "InvalidParameterValue", null);
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                        fromGroup("tcp", 1, 1, "sg-0123456789abcdef0"))),
                "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
        refused(() -> ec2().authorizeSecurityGroupIngress(r -> r.groupId("sg-0123456789abcdef0").ipPermissions(tcp(1, 1, "0.0.0.0/0"))),
                "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
    }

    @Test
    void groupFromAnotherVpcCannotBeReferenced() {
        String other = ec2().createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String foreign = ec2().createSecurityGroup(r -> r.vpcId(other).groupName("x").description("x")).groupId();
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(fromGroup("tcp", 1, 1, foreign))),
                "InvalidGroup.NotFound", null);
    }

    // ---- revoke ---------------------------------------------------------------------------------------------

    @Test
    void revokeByPermission() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.0/8"), tcp(80, 80, "0.0.0.0/0")));
        RevokeSecurityGroupIngressResponse out = ec2().revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        assertThat(out.returnValue()).isTrue();
        assertThat(out.unknownIpPermissions()).isEmpty();
        assertThat(rules(web)).containsExactlyInAnyOrder("in tcp 80-80 0.0.0.0/0", "out -1 -1--1 0.0.0.0/0");
    }

    @Test
    void revokeByRuleId() {
        String ruleId = ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.0/8")))
                .securityGroupRules().get(0).securityGroupRuleId();
        ec2().revokeSecurityGroupIngress(r -> r.groupId(web).securityGroupRuleIds(ruleId));
        assertThat(rules(web)).containsExactly("out -1 -1--1 0.0.0.0/0");
        refused(() -> ec2().revokeSecurityGroupIngress(r -> r.groupId(web).securityGroupRuleIds(ruleId)),
                "InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + ruleId + "' does not exist");
    }

    @Test
    void revokeOfAnEgressRuleIdThroughIngressIsNotFound() {
        String egressRule = ec2().describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(web).build()))
                .securityGroupRules().get(0).securityGroupRuleId();
        refusedWithoutChange(() -> rules(web), () -> ec2().revokeSecurityGroupIngress(r -> r.groupId(web).securityGroupRuleIds(egressRule)),
                "InvalidSecurityGroupRuleId.NotFound", null);
    }

    @Test
    void revokeOfANonExistentRuleIsInvalidPermissionNotFound() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        refusedWithoutChange(() -> rules(web), () -> ec2().revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(23, 23, "10.0.0.0/8"))),
                "InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }

    @Test
    void revokeWithNothingToRevokeIsMissingParameter() {
        refusedWithoutChange(() -> rules(web), () -> ec2().revokeSecurityGroupIngress(r -> r.groupId(web)), "MissingParameter", null);
    }

    private static IpPermission partlyKnown() {
        return IpPermission.builder().ipProtocol("6").fromPort(22).toPort(22)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build(), IpRange.builder().cidrIp("192.168.0.0/16").build()).build();
    }

    @Test
    void revokePartlyKnownOutsideTheDefaultVpcRevokesNothing() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        refusedWithoutChange(() -> rules(web), () -> ec2().revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(partlyKnown())),
                "InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        refusedWithoutChange(() -> rules(web), () -> ec2().revokeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(all("0.0.0.0/0"),
                tcp(1, 1, "10.1.0.0/16"))), "InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        assertThat(rules(web)).containsExactly("in tcp 22-22 10.0.0.0/8", "out -1 -1--1 0.0.0.0/0");
    }

    @Test
    void revokePartlyKnownInTheDefaultVpcAnswersWithTheUnknownPartAsSent() {
        String legacy = ec2().createSecurityGroup(r -> r.groupName("legacy").description("in the default VPC")).groupId();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(legacy).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        RevokeSecurityGroupIngressResponse out = ec2().revokeSecurityGroupIngress(r -> r.groupId(legacy).ipPermissions(partlyKnown()));
        assertThat(out.returnValue()).isTrue();
        assertThat(out.unknownIpPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("6");
            assertThat(p.fromPort()).isEqualTo(22);
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("192.168.0.0/16");
        });
        assertThat(rules(legacy)).containsExactly("out -1 -1--1 0.0.0.0/0");
        // nothing known at all is still no error there
        RevokeSecurityGroupEgressResponse none = ec2().revokeSecurityGroupEgress(r -> r.groupId(legacy).ipPermissions(tcp(1, 1, "10.1.0.0/16")));
        assertThat(none.returnValue()).isTrue();
        assertThat(none.unknownIpPermissions()).singleElement().satisfies(p -> assertThat(p.ipProtocol()).isEqualTo("tcp"));
        assertThat(rules(legacy)).containsExactly("out -1 -1--1 0.0.0.0/0");
    }

    @Test
    void terraformRevokesDefaultEgressThenIpv6EgressFails() {
        RevokeSecurityGroupEgressResponse out = ec2().revokeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(all("0.0.0.0/0")));
        assertThat(out.returnValue()).isTrue();
        assertThat(rules(web)).isEmpty();
        refusedWithoutChange(() -> rules(web), () -> ec2().revokeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(
                        IpPermission.builder().ipProtocol("-1").ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build())),
                "InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        assertThat(group(web).ipPermissionsEgress()).isEmpty();
        // and the egress can be put back
        ec2().authorizeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(all("0.0.0.0/0")));
        assertThat(rules(web)).containsExactly("out -1 -1--1 0.0.0.0/0");
    }

    @Test
    void updateRuleDescriptions() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        ec2().updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("ssh").build()).build()));
        assertThat(ec2().describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(web).build())).securityGroupRules())
                .filteredOn(r -> !r.isEgress()).singleElement().satisfies(r -> assertThat(r.description()).isEqualTo("ssh"));
        refused(() -> ec2().updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(web).ipPermissions(tcp(1, 1, "10.0.0.0/8"))),
                "InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }

    // ---- DescribeSecurityGroupRules -------------------------------------------------------------------------

    @Test
    void describeRulesByGroupShowsReferencedGroupInfo() {
        String db = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("db").description("db")).groupId();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(fromGroup("tcp", 5432, 5432, web)));
        List<SecurityGroupRule> rules = ec2().describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(db).build()))
                .securityGroupRules();
        assertThat(rules).hasSize(2).allSatisfy(r -> {
            assertThat(r.groupId()).isEqualTo(db);
            assertThat(r.groupOwnerId()).isEqualTo("000000000000");
            assertThat(r.securityGroupRuleArn()).isEqualTo("arn:aws:ec2:us-east-1:000000000000:security-group-rule/" + r.securityGroupRuleId());
        });
        assertThat(rules).filteredOn(r -> !r.isEgress()).singleElement().satisfies(r -> {
            assertThat(r.ipProtocol()).isEqualTo("tcp");
            assertThat(r.fromPort()).isEqualTo(5432);
            assertThat(r.cidrIpv4()).isNull();
            assertThat(r.referencedGroupInfo().groupId()).isEqualTo(web);
            assertThat(r.referencedGroupInfo().userId()).isEqualTo("000000000000");
        });
        String id = rules.get(0).securityGroupRuleId();
        assertThat(ec2().describeSecurityGroupRules(r -> r.securityGroupRuleIds(id)).securityGroupRules()).singleElement()
                .satisfies(r -> assertThat(r.securityGroupRuleId()).isEqualTo(id));
        refused(() -> ec2().describeSecurityGroupRules(r -> r.securityGroupRuleIds("sgr-00000000000000000")),
                "InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-00000000000000000' does not exist");
        refused(() -> ec2().describeSecurityGroupRules(r -> r.filters(Filter.builder().name("nope").values("x").build())),
                "InvalidParameterValue", "The filter 'nope' is invalid");
    }

    @Test
    void describeGroupsByRuleFilters() {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(443, 443, "0.0.0.0/0")));
        assertThat(ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("ip-permission.from-port").values("443").build()))
                .securityGroups()).extracting(SecurityGroup::groupId).containsExactly(web);
        assertThat(ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name").values("w*").build()))
                .securityGroups()).extracting(SecurityGroup::groupId).containsExactly(web);
    }

    @Test
    void ipv6RulesAreStoredInAwsFormRenderedAndFiltered() {
        IpPermission v6 = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("2001:DB8:0:0::/64").description("partner").build()).build();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(v6));
        ec2().authorizeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build()));
        assertThat(rules(web)).containsExactlyInAnyOrder("in tcp 443-443 2001:db8::/64", "out -1 -1--1 0.0.0.0/0", "out -1 -1--1 ::/0");
        SecurityGroup g = group(web);
        assertThat(g.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipRanges()).isEmpty();
            assertThat(p.ipv6Ranges()).singleElement().satisfies(x -> {
                assertThat(x.cidrIpv6()).isEqualTo("2001:db8::/64");
                assertThat(x.description()).isEqualTo("partner");
            });
        });
        assertThat(ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("ip-permission.ipv6-cidr").values("2001:db8::/64").build()))
                .securityGroups()).extracting(SecurityGroup::groupId).containsExactly(web);
        assertThat(ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("egress.ip-permission.ipv6-cidr").values("::/0").build()))
                .securityGroups()).extracting(SecurityGroup::groupId).containsExactly(web);
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(v6)),
                "InvalidPermission.Duplicate", null);
        refusedWithoutChange(() -> rules(web), () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(80).toPort(80).ipv6Ranges(Ipv6Range.builder().cidrIpv6("2001:db8::1/64").build()).build())),
                "InvalidParameterValue", "CIDR block 2001:db8::1/64 is malformed");
        ec2().revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("2001:db8::/64").build()).build()));
        assertThat(rules(web)).containsExactlyInAnyOrder("out -1 -1--1 0.0.0.0/0", "out -1 -1--1 ::/0");
    }
}
