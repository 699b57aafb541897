package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.List;
import java.util.Map;

import static dev.ecsnet.it.AwsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Listener actions and rule conditions through the real SDK: every action and condition type, AWS's errors. */
class Elbv2ListenerRulesIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static ElasticLoadBalancingV2Client elb;
    static final String CERT = "arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222-3333-4444-555555555555";

    private String lb;
    private String blue;
    private String green;
    private Listener http;
    private Listener https;

    @BeforeAll
    static void client() {
        elb = ecsnet.configure(ElasticLoadBalancingV2Client.builder()).build();
    }

    @AfterAll
    static void close() {
        elb.close();
    }

    @BeforeEach
    void albWithTwoListeners() {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String a = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.101.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String b = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.102.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        lb = elb.createLoadBalancer(r -> r.name("web").subnets(a, b)).loadBalancers().get(0).loadBalancerArn();
        blue = elb.createTargetGroup(r -> r.name("blue").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip")).targetGroups().get(0).targetGroupArn();
        green = elb.createTargetGroup(r -> r.name("green").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip")).targetGroups().get(0).targetGroupArn();
        http = elb.createListener(r -> r.loadBalancerArn(lb).port(80).protocol("HTTP").defaultActions(a2 -> a2.type(ActionTypeEnum.REDIRECT)
                .redirectConfig(c -> c.protocol("HTTPS").port("443").statusCode("HTTP_301")))).listeners().get(0);
        https = elb.createListener(r -> r.loadBalancerArn(lb).port(443).protocol("HTTPS").certificates(c -> c.certificateArn(CERT))
                .defaultActions(a2 -> a2.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("404").contentType("text/plain")
                        .messageBody("Not found")))).listeners().get(0);
    }

    private List<Rule> rules(String listenerArn) {
        return elb.describeRules(r -> r.listenerArn(listenerArn)).rules();
    }

    @Test
    void redirectAndFixedResponseDefaultsReadBackAsAwsAnswersThem() {
        Action redirect = http.defaultActions().get(0);
        assertThat(redirect.redirectConfig().host()).isEqualTo("#{host}");
        assertThat(redirect.redirectConfig().path()).isEqualTo("/#{path}");
        assertThat(redirect.redirectConfig().query()).isEqualTo("#{query}");
        assertThat(redirect.redirectConfig().port()).isEqualTo("443");
        Action fixed = elb.describeListeners(r -> r.listenerArns(https.listenerArn())).listeners().get(0).defaultActions().get(0);
        assertThat(fixed.fixedResponseConfig().messageBody()).isEqualTo("Not found");
        assertThat(fixed.fixedResponseConfig().contentType()).isEqualTo("text/plain");
    }

    @Test
    void ruleWithEveryConditionTypeAndWeightedStickyForward() {
        Rule rule = elb.createRule(r -> r.listenerArn(https.listenerArn()).priority(10).conditions(
                RuleCondition.builder().field("host-header").hostHeaderConfig(h -> h.values("api.example.com")).build(),
                RuleCondition.builder().field("path-pattern").values("/v1/*").build(),
                RuleCondition.builder().field("http-header").httpHeaderConfig(h -> h.httpHeaderName("X-Canary").values("on")).build(),
                RuleCondition.builder().field("query-string").queryStringConfig(q -> q.values(v -> v.key("version").value("1"))).build(),
                RuleCondition.builder().field("source-ip").sourceIpConfig(s -> s.values("10.0.0.0/8")).build())
                .actions(a -> a.type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                                TargetGroupTuple.builder().targetGroupArn(blue).weight(80).build(), TargetGroupTuple.builder().targetGroupArn(green).weight(20).build())
                        .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(600))))).rules().get(0);
        Rule read = rules(https.listenerArn()).get(0);
        assertThat(read).isEqualTo(rule);
        assertThat(read.conditions()).extracting(RuleCondition::field)
                .containsExactly("host-header", "path-pattern", "http-header", "query-string", "source-ip");
        assertThat(read.conditions().get(1).pathPatternConfig().values()).containsExactly("/v1/*");
        assertThat(read.conditions().get(1).values()).containsExactly("/v1/*");
        assertThat(read.conditions().get(2).httpHeaderConfig().httpHeaderName()).isEqualTo("X-Canary");
        assertThat(read.conditions().get(3).queryStringConfig().values().get(0).key()).isEqualTo("version");
        Action forward = read.actions().get(0);
        assertThat(forward.targetGroupArn()).isNull();
        assertThat(forward.forwardConfig().targetGroups()).extracting(TargetGroupTuple::weight).containsExactly(80, 20);
        assertThat(forward.forwardConfig().targetGroupStickinessConfig().durationSeconds()).isEqualTo(600);
        assertThat(elb.describeTargetGroups(r -> r.targetGroupArns(green)).targetGroups().get(0).loadBalancerArns()).containsExactly(lb);
    }

    @Test
    void authenticateOidcBeforeForwardOnHttpsOnly() {
        Action oidc = Action.builder().type(ActionTypeEnum.AUTHENTICATE_OIDC).order(1).authenticateOidcConfig(o -> o.issuer("https://idp.example.com")
                .authorizationEndpoint("https://idp.example.com/auth").tokenEndpoint("https://idp.example.com/token")
                .userInfoEndpoint("https://idp.example.com/userinfo").clientId("client").clientSecret("s3cr3t")
                .authenticationRequestExtraParams(Map.of("display", "page", "prompt", "login")).onUnauthenticatedRequest("deny")).build();
        Action forward = Action.builder().type(ActionTypeEnum.FORWARD).order(2).targetGroupArn(blue).build();
        Rule rule = elb.createRule(r -> r.listenerArn(https.listenerArn()).priority(5)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/app/*"))).actions(forward, oidc)).rules().get(0);
        assertThat(rule.actions()).extracting(Action::typeAsString).containsExactly("authenticate-oidc", "forward");
        assertThat(rule.actions().get(0).authenticateOidcConfig().clientSecret()).as("AWS never answers the secret").isNull();
        assertThat(rule.actions().get(0).authenticateOidcConfig().authenticationRequestExtraParams())
                .containsExactlyInAnyOrderEntriesOf(Map.of("display", "page", "prompt", "login"));
        assertThat(rule.actions().get(0).authenticateOidcConfig().sessionCookieName()).isEqualTo("AWSELBAuthSessionCookie");
        elb.modifyRule(r -> r.ruleArn(rule.ruleArn()).actions(oidc.toBuilder().authenticateOidcConfig(o -> o.issuer("https://idp.example.com")
                .authorizationEndpoint("https://idp.example.com/auth").tokenEndpoint("https://idp.example.com/token")
                .userInfoEndpoint("https://idp.example.com/userinfo").clientId("client").useExistingClientSecret(true)).build(), forward));
        refusedWithoutChange(() -> rules(http.listenerArn()), () -> elb.createRule(r -> r.listenerArn(http.listenerArn()).priority(5)
                        .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/app/*"))).actions(oidc, forward)),
                "InvalidLoadBalancerAction", "Actions of type 'authenticate-oidc' are supported only on HTTPS listeners");
        refusedWithoutChange(() -> rules(https.listenerArn()), () -> elb.createRule(r -> r.listenerArn(https.listenerArn()).priority(6)
                        .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/b/*")))
                        .actions(oidc.toBuilder().order(3).build(), forward)),
                "InvalidLoadBalancerAction", "Each rule must include exactly one of the following actions: forward, redirect, or fixed-response,"
                        + " and it must be the last action to be performed");
    }

    @Test
    void refusedActionsAndConditionsChangeNothing() {
        refusedWithoutChange(() -> elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners(),
                () -> elb.modifyListener(r -> r.listenerArn(http.listenerArn()).defaultActions(a -> a.type(ActionTypeEnum.REDIRECT)
                        .redirectConfig(c -> c.statusCode("HTTP_302")))),
                "InvalidLoadBalancerAction", "The redirect configuration is not valid because it creates a loop.");
        refusedWithoutChange(() -> elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners(),
                () -> elb.modifyListener(r -> r.listenerArn(https.listenerArn()).defaultActions(a -> a.type(ActionTypeEnum.REDIRECT)
                        .redirectConfig(c -> c.protocol("HTTP").statusCode("HTTP_302")))),
                "InvalidLoadBalancerAction", "You cannot redirect HTTPS to HTTP");
        refusedWithoutChange(() -> elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners(),
                () -> elb.createListener(r -> r.loadBalancerArn(lb).port(8081).protocol("HTTP").defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                        .fixedResponseConfig(f -> f.statusCode("301")))),
                "ValidationError", "1 validation error detected: Value '301' at 'defaultActions.1.member.fixedResponseConfig.statusCode' failed"
                        + " to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$");
        refusedWithoutChange(() -> elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners(),
                () -> elb.createListener(r -> r.loadBalancerArn(lb).port(8081).protocol("HTTP").defaultActions(a -> a.type(ActionTypeEnum.REDIRECT)
                        .targetGroupArn(blue).redirectConfig(c -> c.protocol("HTTPS").statusCode("HTTP_301")))),
                "InvalidLoadBalancerAction", "You cannot specify 'target group ARN' for actions of type 'redirect'");
        refusedWithoutChange(() -> rules(https.listenerArn()), () -> elb.createRule(r -> r.listenerArn(https.listenerArn()).priority(10)
                        .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/a", "/b", "/c", "/d", "/e", "/f")))
                        .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(blue))),
                "ValidationError", "A rule can only have '5' condition values and regex values");
        refusedWithoutChange(() -> rules(https.listenerArn()), () -> elb.createRule(r -> r.listenerArn(https.listenerArn()).priority(10)
                        .conditions(c -> c.field("host-header").values("a.example.com").hostHeaderConfig(h -> h.values("b.example.com")))
                        .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(blue))),
                "ValidationError", "You cannot provide both Values and 'HostHeaderConfig' for a condition of type 'host-header'");
        refusedWithoutChange(() -> rules(https.listenerArn()), () -> elb.createRule(r -> r.listenerArn(https.listenerArn()).priority(10)
                        .conditions(c -> c.field("http-header").values("x"))
                        .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(blue))),
                "ValidationError", "The 'Values' field is not compatible with 'http-header'");
        refusedWithoutChange(() -> rules(https.listenerArn()), () -> elb.createRule(r -> r.listenerArn(https.listenerArn()).priority(10)
                        .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/a")))
                        .actions(a -> a.type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(t -> t.targetGroupArn(blue))
                                .targetGroupStickinessConfig(s -> s.enabled(true))))),
                "ValidationError", "Target group stickiness duration must be between 1 and 604800 seconds");
        assertThat(elb.describeTargetGroups(r -> r.targetGroupArns(green)).targetGroups().get(0).loadBalancerArns()).isEmpty();
    }
}
