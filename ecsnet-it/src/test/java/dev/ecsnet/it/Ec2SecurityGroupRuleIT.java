package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security group rules as resources of their own: tags through TagSpecifications, CreateTags/DeleteTags and the
 * tag filters, and ModifySecurityGroupRules (what Terraform's {@code aws_vpc_security_group_ingress_rule} uses).
 */
class Ec2SecurityGroupRuleIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private String vpc;
    private String web;
    private String alb;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        web = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        alb = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("alb").description("alb")).groupId();
    }

    private static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(x -> x.cidrIp(cidr)).build();
    }

    private SecurityGroupRule rule(String id) {
        return ec2().describeSecurityGroupRules(r -> r.securityGroupRuleIds(id)).securityGroupRules().get(0);
    }

    private String ingress(int port, String cidr, String key, String value) {
        return ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(port, cidr))
                .tagSpecifications(tagged(ResourceType.SECURITY_GROUP_RULE, key, value))).securityGroupRules().get(0).securityGroupRuleId();
    }

    private List<String> rulesOfWeb() {
        return ec2().describeSecurityGroupRules(r -> r.filters(filter("group-id", web))).securityGroupRules().stream()
                .map(x -> x.securityGroupRuleId() + " " + x.isEgress() + " " + x.ipProtocol() + " " + x.fromPort() + "-" + x.toPort()
                        + " " + x.cidrIpv4() + " " + (x.referencedGroupInfo() == null ? null : x.referencedGroupInfo().groupId())
                        + " " + x.description() + " " + x.tags())
                .sorted().toList();
    }

    @Test
    void tagSpecificationsTagTheNewRulesAndDescribeShowsThem() {
        var added = ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcp(443, "10.0.0.0/16"), tcp(80, "10.0.0.0/16"))
                .tagSpecifications(tagged(ResourceType.SECURITY_GROUP_RULE, "Name", "https"))).securityGroupRules();
        assertThat(added).hasSize(2).allSatisfy(r -> assertThat(r.tags()).containsExactly(tag("Name", "https")));
        assertThat(rule(added.get(0).securityGroupRuleId()).tags()).containsExactly(tag("Name", "https"));
        var egress = ec2().authorizeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(tcp(5432, "10.0.9.0/24"))
                .tagSpecifications(tagged(ResourceType.SECURITY_GROUP_RULE, "env", "prod"))).securityGroupRules();
        assertThat(rule(egress.get(0).securityGroupRuleId()).tags()).containsExactly(tag("env", "prod"));
    }

    @Test
    void createAndDeleteTagsOnARuleAndTheTagFilters() {
        String https = ingress(443, "10.0.0.0/16", "Name", "https");
        String http = ingress(80, "10.0.0.0/16", "Name", "http");
        ec2().createTags(r -> r.resources(https).tags(tag("team", "edge"), tag("Name", "tls")));
        assertThat(rule(https).tags()).containsExactly(tag("Name", "tls"), tag("team", "edge"));

        assertThat(ec2().describeSecurityGroupRules(r -> r.filters(filter("tag:team", "edge"))).securityGroupRules())
                .extracting(SecurityGroupRule::securityGroupRuleId).containsExactly(https);
        assertThat(ec2().describeSecurityGroupRules(r -> r.filters(filter("tag-key", "Name"), filter("group-id", web))).securityGroupRules())
                .extracting(SecurityGroupRule::securityGroupRuleId).containsExactlyInAnyOrder(https, http);
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "security-group-rule"), filter("key", "team"))).tags())
                .singleElement().satisfies(t -> {
                    assertThat(t.resourceId()).isEqualTo(https);
                    assertThat(t.value()).isEqualTo("edge");
                });

        ec2().deleteTags(r -> r.resources(https).tags(Tag.builder().key("team").build()));
        assertThat(rule(https).tags()).containsExactly(tag("Name", "tls"));
        ec2().deleteTags(r -> r.resources(https));
        assertThat(rule(https).tags()).isEmpty();
        assertThat(rule(http).tags()).containsExactly(tag("Name", "http"));
    }

    @Test
    void tagsOfAnUnknownRuleAreRefused() {
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().createTags(r -> r.resources("sgr-0123456789abcdef0").tags(tag("a", "b"))),
                "InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-0123456789abcdef0' does not exist");
    }

    @Test
    void modifySecurityGroupRulesReplacesTheRuleInPlaceKeepingItsIdAndTags() {
        String id = ingress(443, "10.0.0.0/16", "Name", "https");
        ec2().modifySecurityGroupRules(r -> r.groupId(web).securityGroupRules(SecurityGroupRuleUpdate.builder().securityGroupRuleId(id)
                .securityGroupRule(SecurityGroupRuleRequest.builder().ipProtocol("tcp").fromPort(8443).toPort(8444)
                        .referencedGroupId(alb).description("from the ALB").build()).build()));
        SecurityGroupRule after = rule(id);
        assertThat(after.fromPort()).isEqualTo(8443);
        assertThat(after.toPort()).isEqualTo(8444);
        assertThat(after.cidrIpv4()).isNull();
        assertThat(after.referencedGroupInfo().groupId()).isEqualTo(alb);
        assertThat(after.description()).isEqualTo("from the ALB");
        assertThat(after.isEgress()).isFalse();
        assertThat(after.tags()).containsExactly(tag("Name", "https"));
        assertThat(ec2().describeSecurityGroups(r -> r.groupIds(web)).securityGroups().get(0).ipPermissions())
                .singleElement().satisfies(p -> {
                    assertThat(p.fromPort()).isEqualTo(8443);
                    assertThat(p.userIdGroupPairs()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(alb));
                    assertThat(p.ipRanges()).isEmpty();
                });
    }

    private SecurityGroupRuleUpdate update(String ruleId, SecurityGroupRuleRequest rule) {
        return SecurityGroupRuleUpdate.builder().securityGroupRuleId(ruleId).securityGroupRule(rule).build();
    }

    @Test
    void modifySecurityGroupRulesRefusals() {
        String https = ingress(443, "10.0.0.0/16", "Name", "https");
        ingress(80, "10.0.0.0/16", "Name", "http");
        String albRule = ec2().authorizeSecurityGroupIngress(r -> r.groupId(alb).ipPermissions(tcp(443, "0.0.0.0/0")))
                .securityGroupRules().get(0).securityGroupRuleId();
        SecurityGroupRuleRequest to8080 = SecurityGroupRuleRequest.builder().ipProtocol("tcp").fromPort(8080).toPort(8080).cidrIpv4("10.0.0.0/16").build();

        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId(web)
                        .securityGroupRules(update("sgr-0123456789abcdef0", to8080))),
                "InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-0123456789abcdef0' does not exist");
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId(web)
                        .securityGroupRules(update(albRule, to8080))),
                "InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + albRule + "' does not exist");
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId(web)
                        .securityGroupRules(update(https, to8080.toBuilder().referencedGroupId(alb).build()))),
                "InvalidParameterCombination", null);
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId(web)
                        .securityGroupRules(update(https, to8080.toBuilder().cidrIpv4(null).build()))),
                "InvalidParameterValue", "The request must contain a source or destination (CIDR block, prefix list or security group).");
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId(web)
                        .securityGroupRules(update(https, to8080.toBuilder().ipProtocol(null).build()))),
                "MissingParameter", null);
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId(web)
                        .securityGroupRules(update(https, to8080.toBuilder().fromPort(80).toPort(80).build()))),
                "InvalidPermission.Duplicate", "the specified rule \"peer: 10.0.0.0/16, TCP, from port: 80, to port: 80, ALLOW\" already exists");
        // one good update and one bad one: neither is applied
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId(web)
                        .securityGroupRules(update(https, to8080), update("sgr-0123456789abcdef0", to8080))),
                "InvalidSecurityGroupRuleId.NotFound", null);
        refusedWithoutChange(this::rulesOfWeb, () -> ec2().modifySecurityGroupRules(r -> r.groupId("sg-0123456789abcdef0")
                        .securityGroupRules(update(https, to8080))),
                "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
    }
}
