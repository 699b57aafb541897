package dev.ecsnet.it;

import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ELBv2 through the real SDK: every served operation's happy path and AWS's error codes, on the manual clock. */
class Elbv2IT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(TimingProfile.REALISTIC);
    static ElasticLoadBalancingV2Client elb;

    private String vpc;
    private String subnetA;
    private String subnetB;
    private String taskSubnet;
    private String albSg;
    private String taskSg;

    @BeforeAll
    static void client() {
        elb = ecsnet.configure(ElasticLoadBalancingV2Client.builder()).build();
    }

    @AfterAll
    static void close() {
        elb.close();
    }

    @BeforeEach
    void network() {
        vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnetA = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.101.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        subnetB = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.102.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        taskSubnet = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        albSg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("alb").description("alb")).groupId();
        taskSg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();
        ecsnet.ec2().authorizeSecurityGroupIngress(r -> r.groupId(taskSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(g -> g.groupId(albSg))));
    }

    private static void assertError(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    private LoadBalancer alb() {
        return elb.createLoadBalancer(r -> r.name("web-alb").subnets(subnetA, subnetB).securityGroups(albSg)
                .tags(t -> t.key("team").value("web"))).loadBalancers().get(0);
    }

    private TargetGroup tg() {
        return elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip")
                .healthCheckPath("/health").matcher(m -> m.httpCode("200"))).targetGroups().get(0);
    }

    private Listener listener(LoadBalancer lb, TargetGroup tg) {
        return elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).port(80).protocol("HTTP")
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg.targetGroupArn()))).listeners().get(0);
    }

    @Test
    void albIsProvisionedThenActiveWithOneEniPerSubnet() {
        assertError(() -> elb.describeLoadBalancers(r -> r.names("web-alb")), "LoadBalancerNotFound");
        LoadBalancer lb = alb();
        assertThat(lb.loadBalancerArn()).matches("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web-alb/[0-9a-f]{16}");
        assertThat(lb.dnsName()).matches("web-alb-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(lb.state().codeAsString()).isEqualTo("provisioning");
        assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
        assertThat(lb.securityGroups()).containsExactly(albSg);
        assertThat(lb.availabilityZones()).extracting(z -> z.zoneName() + "/" + z.subnetId())
                .containsExactly("us-east-1a/" + subnetA, "us-east-1b/" + subnetB);
        List<NetworkInterface> enis = ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(f -> f.name("vpc-id").values(vpc))).networkInterfaces();
        String suffix = lb.loadBalancerArn().substring(lb.loadBalancerArn().indexOf("loadbalancer/") + "loadbalancer/".length());
        assertThat(enis).hasSize(2).allSatisfy(e -> {
            assertThat(e.description()).isEqualTo("ELB " + suffix);
            assertThat(e.requesterId()).isEqualTo("amazon-elb");
            assertThat(e.groups()).extracting(g -> g.groupId()).containsExactly(albSg);
        });
        ecsnet.advance(Duration.ofSeconds(90));
        assertThat(elb.describeLoadBalancers(r -> r.names("web-alb")).loadBalancers().get(0).state().codeAsString()).isEqualTo("active");
        assertThat(alb().loadBalancerArn()).as("same settings: idempotent").isEqualTo(lb.loadBalancerArn());
        assertError(() -> elb.createLoadBalancer(r -> r.name("web-alb").subnets(subnetA, subnetB).scheme("internal")), "DuplicateLoadBalancerName");
        assertThat(elb.describeTags(r -> r.resourceArns(lb.loadBalancerArn())).tagDescriptions().get(0).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=web");
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
        assertThat(ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(f -> f.name("vpc-id").values(vpc))).networkInterfaces()).isEmpty();
        ecsnet.ec2().deleteSecurityGroup(r -> r.groupId(taskSg));
        ecsnet.ec2().deleteSecurityGroup(r -> r.groupId(albSg));
    }

    @Test
    void refusedLoadBalancersChangeNothing() {
        assertError(() -> elb.createLoadBalancer(r -> r.name("one").subnets(subnetA)), "ValidationError");
        assertError(() -> elb.createLoadBalancer(r -> r.name("same-az").subnets(subnetA, taskSubnet)), "InvalidConfigurationRequest");
        assertError(() -> elb.createLoadBalancer(r -> r.name("bad").subnets(subnetA, "subnet-0123456789abcdef0")), "SubnetNotFound");
        assertError(() -> elb.createLoadBalancer(r -> r.name("bad_name").subnets(subnetA, subnetB)), "ValidationError");
        assertError(() -> elb.createLoadBalancer(r -> r.name("sg").subnets(subnetA, subnetB).securityGroups("sg-0123456789abcdef0")), "InvalidSecurityGroup");
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
        assertThat(ecsnet.ec2().describeNetworkInterfaces().networkInterfaces()).isEmpty();
        assertError(() -> elb.describeLoadBalancers(r -> r.loadBalancerArns("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/x/0123456789abcdef")),
                "LoadBalancerNotFound");
    }

    @Test
    void attributesHaveAwsDefaultsAndModifyRoundTrips() {
        LoadBalancer lb = alb();
        Map<String, String> attrs = elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())).attributes().stream()
                .collect(Collectors.toMap(a -> a.key(), a -> a.value()));
        assertThat(attrs).containsEntry("idle_timeout.timeout_seconds", "60").containsEntry("deletion_protection.enabled", "false")
                .containsEntry("routing.http2.enabled", "true").containsEntry("routing.http.desync_mitigation_mode", "defensive");
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()).attributes(a -> a.key("deletion_protection.enabled").value("true")));
        assertError(() -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn())), "OperationNotPermitted");
        assertError(() -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()).attributes(a -> a.key("nope").value("1"))), "ValidationError");
        TargetGroup tg = tg();
        Map<String, String> tgAttrs = elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn())).attributes().stream()
                .collect(Collectors.toMap(a -> a.key(), a -> a.value()));
        assertThat(tgAttrs).containsEntry("deregistration_delay.timeout_seconds", "300").containsEntry("stickiness.type", "lb_cookie")
                .containsEntry("load_balancing.algorithm.type", "round_robin");
        elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn()).attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30")));
        assertError(() -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn())
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("4000"))), "ValidationError");
        Listener l = listener(lb, tg);
        assertThat(elb.describeListenerAttributes(r -> r.listenerArn(l.listenerArn())).attributes())
                .extracting(a -> a.key() + "=" + a.value()).containsExactly("routing.http.response.server.enabled=true");
        assertThat(elb.describeCapacityReservation(r -> r.loadBalancerArn(lb.loadBalancerArn())).capacityReservationState()).isEmpty();
    }

    @Test
    void targetGroupsListenersAndRules() {
        assertError(() -> elb.describeTargetGroups(r -> r.names("web-tg")), "TargetGroupNotFound");
        TargetGroup tg = tg();
        assertThat(tg.healthCheckProtocolAsString()).isEqualTo("HTTP");
        assertThat(tg.healthCheckPort()).isEqualTo("traffic-port");
        assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(30);
        assertThat(tg.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertThat(tg.healthyThresholdCount()).isEqualTo(5);
        assertThat(tg.unhealthyThresholdCount()).isEqualTo(2);
        assertThat(tg.matcher().httpCode()).isEqualTo("200");
        assertThat(tg.protocolVersion()).isEqualTo("HTTP1");
        assertError(() -> elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(80).vpcId(vpc).targetType("ip")), "DuplicateTargetGroupName");
        LoadBalancer lb = alb();
        Listener l = listener(lb, tg);
        assertThat(l.defaultActions().get(0).targetGroupArn()).isEqualTo(tg.targetGroupArn());
        assertThat(l.defaultActions().get(0).forwardConfig().targetGroups().get(0).weight()).isEqualTo(1);
        assertError(() -> listener(lb, tg), "DuplicateListener");
        assertThat(elb.describeTargetGroups(r -> r.targetGroupArns(tg.targetGroupArn())).targetGroups().get(0).loadBalancerArns())
                .containsExactly(lb.loadBalancerArn());
        assertError(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn())), "ResourceInUse");

        Rule rule = elb.createRule(r -> r.listenerArn(l.listenerArn()).priority(10)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/api/*")))
                .actions(Action.builder().type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("404").contentType("text/plain")).build()))
                .rules().get(0);
        assertThat(rule.priority()).isEqualTo("10");
        assertError(() -> elb.createRule(r -> r.listenerArn(l.listenerArn()).priority(10)
                .conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values("a.example.com")))
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg.targetGroupArn()))), "PriorityInUse");
        List<Rule> rules = elb.describeRules(r -> r.listenerArn(l.listenerArn())).rules();
        assertThat(rules).extracting(Rule::priority).containsExactly("10", "default");
        assertThat(rules.get(0).conditions().get(0).pathPatternConfig().values()).containsExactly("/api/*");
        assertThat(rules.get(1).isDefault()).isTrue();
        assertError(() -> elb.deleteRule(r -> r.ruleArn(rules.get(1).ruleArn())), "OperationNotPermitted");
        elb.modifyRule(r -> r.ruleArn(rule.ruleArn()).conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/v2/*"))));
        elb.deleteRule(r -> r.ruleArn(rule.ruleArn()));
        assertError(() -> elb.deleteRule(r -> r.ruleArn(rule.ruleArn())), "RuleNotFound");

        elb.modifyListener(r -> r.listenerArn(l.listenerArn()).port(8080));
        assertThat(elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()).extracting(Listener::port).containsExactly(8080);
        elb.deleteListener(r -> r.listenerArn(l.listenerArn()));
        assertError(() -> elb.deleteListener(r -> r.listenerArn(l.listenerArn())), "ListenerNotFound");
        assertError(() -> elb.describeListeners(r -> r.listenerArns(l.listenerArn())), "ListenerNotFound");
        elb.modifyTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn()).healthCheckIntervalSeconds(10));
        assertError(() -> elb.modifyTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn()).healthCheckTimeoutSeconds(20)), "ValidationError");
        elb.addTags(r -> r.resourceArns(tg.targetGroupArn()).tags(t -> t.key("k").value("v")));
        elb.removeTags(r -> r.resourceArns(tg.targetGroupArn()).tagKeys("k"));
        assertThat(elb.describeTags(r -> r.resourceArns(tg.targetGroupArn())).tagDescriptions().get(0).tags()).isEmpty();
        elb.deleteTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn()));
        assertError(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(tg.targetGroupArn())), "TargetGroupNotFound");
    }

    private String taskIp(String sg) {
        return ecsnet.ec2().createNetworkInterface(r -> r.subnetId(taskSubnet).groups(sg)).networkInterface().privateIpAddress();
    }

    private TargetHealthDescription health(TargetGroup tg, String ip) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ip).port(8080)))
                .targetHealthDescriptions().get(0);
    }

    @Test
    void targetHealthFollowsSecurityGroupsAndTheClock() {
        LoadBalancer lb = alb();
        TargetGroup tg = tg();
        listener(lb, tg);
        String ip = taskIp(taskSg);
        elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(TargetDescription.builder().id(ip).port(8080).build()));
        assertThat(health(tg, ip).targetHealth().reasonAsString()).isEqualTo("Elb.RegistrationInProgress");
        ecsnet.advance(Duration.ofSeconds(100));
        assertThat(health(tg, ip).targetHealth().reasonAsString()).isEqualTo("Elb.InitialHealthChecking");
        ecsnet.advance(Duration.ofSeconds(150));
        TargetHealthDescription healthy = health(tg, ip);
        assertThat(healthy.targetHealth().stateAsString()).isEqualTo("healthy");
        assertThat(healthy.healthCheckPort()).isEqualTo("8080");

        ecsnet.ec2().revokeSecurityGroupIngress(r -> r.groupId(taskSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(g -> g.groupId(albSg))));
        assertThat(health(tg, ip).targetHealth().stateAsString()).isEqualTo("unhealthy");
        assertThat(health(tg, ip).targetHealth().reasonAsString()).isEqualTo("Target.Timeout");
        ecsnet.ec2().authorizeSecurityGroupIngress(r -> r.groupId(taskSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(g -> g.groupId(albSg))));
        assertThat(health(tg, ip).targetHealth().stateAsString()).isEqualTo("healthy");

        elb.deregisterTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id(ip).port(8080)));
        assertThat(health(tg, ip).targetHealth().stateAsString()).isEqualTo("draining");
        assertThat(health(tg, ip).targetHealth().reasonAsString()).isEqualTo("Target.DeregistrationInProgress");
        ecsnet.advance(Duration.ofSeconds(300));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn())).targetHealthDescriptions()).isEmpty();
        TargetHealthDescription gone = health(tg, ip);
        assertThat(gone.targetHealth().stateAsString()).isEqualTo("unused");
        assertThat(gone.targetHealth().reasonAsString()).isEqualTo("Target.NotRegistered");

        assertError(() -> elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id("8.8.8.8").port(80).availabilityZone("all"))),
                "ValidationError");
        assertError(() -> elb.registerTargets(r -> r.targetGroupArn(tg.targetGroupArn()).targets(t -> t.id("192.168.0.5").port(80))), "ValidationError");
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn())).targetHealthDescriptions()).isEmpty();
    }

    /** An operation ecsnet does not serve is not registered: the client gets the Query protocol's InvalidAction, 400. */
    @Test
    void unservedActionsAreUnknownOperations() {
        assertThatThrownBy(() -> elb.describeTrustStores(r -> { }))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ecsnet does not emulate elasticloadbalancing:DescribeTrustStores");
                });
    }
}
