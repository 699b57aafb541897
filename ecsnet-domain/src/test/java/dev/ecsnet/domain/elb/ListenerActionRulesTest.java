package dev.ecsnet.domain.elb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.ecsnet.domain.elb.ElbWorld.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Listener and rule actions checked as AWS checks them, with AWS's codes and messages; refusals change nothing. */
class ListenerActionRulesTest {
    private final ElbWorld w = new ElbWorld();

    private static ListenerAction redirect(String protocol, String port, String host, String path, String code) {
        return new ListenerAction("redirect", null, null, null, null, new ListenerAction.Redirect(protocol, port, host, path, null, code), null, null);
    }

    private static ListenerAction fixed(String status, String contentType, String body) {
        return new ListenerAction("fixed-response", null, null, null, new ListenerAction.FixedResponse(status, contentType, body), null, null, null);
    }

    private ListenerAction weighted(int blueWeight, int greenWeight, ListenerAction.Stickiness stickiness) {
        return new ListenerAction("forward", null, null, new ListenerAction.ForwardConfig(List.of(
                new ListenerAction.WeightedTargetGroup(w.blue.arn(), blueWeight), new ListenerAction.WeightedTargetGroup(w.green.arn(), greenWeight)),
                stickiness), null, null, null, null);
    }

    private static ListenerAction oidc(Integer order, String issuer, String secret, Boolean useExisting) {
        return new ListenerAction("authenticate-oidc", order, null, null, null, null, new ListenerAction.AuthenticateOidc(issuer,
                "https://idp.example.com/auth", "https://idp.example.com/token", "https://idp.example.com/userinfo", "client", secret,
                null, null, null, Map.of("prompt", "login"), null, useExisting), null);
    }

    private static ListenerAction ordered(ListenerAction a, int order) {
        return new ListenerAction(a.type(), order, a.targetGroupArn(), a.forwardConfig(), a.fixedResponse(), a.redirect(),
                a.authenticateOidc(), a.authenticateCognito());
    }

    private Listener listenerOn(int port, ListenerAction... actions) {
        return w.elb.listeners().create(w.alb.arn(), ElbWorld.listener("HTTP", port, List.of(), actions));
    }

    @Test
    void redirectsGetAwsDefaultsForComponentsTheyDoNotChange() {
        Listener l = listenerOn(8080, redirect("HTTPS", "443", null, null, "HTTP_301"));
        assertThat(l.defaultActions().get(0).redirect())
                .isEqualTo(new ListenerAction.Redirect("HTTPS", "443", "#{host}", "/#{path}", "#{query}", "HTTP_301"));
    }

    @Test
    void weightedForwardsKeepTheirWeightsAndStickiness() {
        Listener l = listenerOn(8080, weighted(80, 20, new ListenerAction.Stickiness(true, 600)));
        ListenerAction a = l.defaultActions().get(0);
        assertThat(a.targetGroups()).extracting(ListenerAction.WeightedTargetGroup::weight).containsExactly(80, 20);
        assertThat(a.stickiness()).isEqualTo(new ListenerAction.Stickiness(true, 600));
        assertThat(w.elb.targetGroups().loadBalancerArns(w.green)).containsExactly(w.alb.arn());
    }

    @Test
    void authenticateComesFirstAndKeepsItsSecretForUseExistingClientSecret() {
        ListenerRule rule = w.elb.listeners().createRule(w.https.arn(), 5, List.of(RuleCondition.of("path-pattern", List.of("/app/*"))),
                List.of(ordered(ListenerAction.forward(w.blue.arn()), 2), oidc(1, "https://idp.example.com", "s3cr3t", null)), Map.of());
        assertThat(rule.actions()).extracting(ListenerAction::type).containsExactly("authenticate-oidc", "forward");
        ListenerAction.AuthenticateOidc o = rule.actions().get(0).authenticateOidc();
        assertThat(o.sessionCookieName()).isEqualTo("AWSELBAuthSessionCookie");
        assertThat(o.scope()).isEqualTo("openid");
        assertThat(o.sessionTimeout()).isEqualTo(604_800L);
        assertThat(o.onUnauthenticatedRequest()).isEqualTo("authenticate");
        w.elb.listeners().modifyRule(rule.arn(), List.of(),
                List.of(oidc(1, "https://idp2.example.com", null, true), ordered(ListenerAction.forward(w.blue.arn()), 2)));
        assertThat(w.elb.listeners().rule(rule.arn()).actions().get(0).authenticateOidc().clientSecret()).isEqualTo("s3cr3t");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown type", "ValidationError", "1 validation error detected: Value 'drop' at 'defaultActions.1.member.type' failed"
                        + " to satisfy constraint: Member must satisfy enum value set: [forward, authenticate-oidc, authenticate-cognito, redirect,"
                        + " fixed-response, jwt-validation]"),
                Arguments.of("redirect without config", "InvalidLoadBalancerAction",
                        "For actions of type 'redirect', you must specify the following fields: 'RedirectConfig'"),
                Arguments.of("redirect with a target group", "InvalidLoadBalancerAction", "You cannot specify 'target group ARN' for actions of type 'redirect'"),
                Arguments.of("redirect loop", "InvalidLoadBalancerAction", "The redirect configuration is not valid because it creates a loop."),
                Arguments.of("redirect path", "InvalidLoadBalancerAction", "The Path parameter must be a valid path, should start with a '/'"
                        + " and may contain up to one of each of these placeholders: '#{path}', '#{host}', '#{port}'."),
                Arguments.of("redirect status", "ValidationError", "1 validation error detected: Value 'HTTP_307' at 'defaultActions.1.member"
                        + ".redirectConfig.statusCode' failed to satisfy constraint: Member must satisfy enum value set: [HTTP_301, HTTP_302]"),
                Arguments.of("fixed-response 3XX", "ValidationError", "1 validation error detected: Value '302' at 'defaultActions.1.member"
                        + ".fixedResponseConfig.statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$"),
                Arguments.of("fixed-response content type", "InvalidLoadBalancerAction",
                        "The ContentType must be one of:'text/html', 'application/json', 'application/javascript', 'text/css', 'text/plain'"),
                Arguments.of("fixed-response body", "ValidationError", "1 validation error detected: Value '" + "x".repeat(1025)
                        + "' at 'defaultActions.1.member.fixedResponseConfig.messageBody' failed to satisfy constraint: Member must have length less than or equal to 1024"),
                Arguments.of("weight", "ValidationError", "Target group weight '1000' must be between 0 and 999"),
                Arguments.of("stickiness without duration", "ValidationError", "Target group stickiness duration must be between 1 and 604800 seconds"),
                Arguments.of("authenticate on HTTP", "InvalidLoadBalancerAction", "Actions of type 'authenticate-oidc' are supported only on HTTPS listeners"),
                Arguments.of("two final actions", "InvalidLoadBalancerAction", "Each rule must include exactly one of the following actions: forward,"
                        + " redirect, or fixed-response, and it must be the last action to be performed"),
                Arguments.of("no order", "ValidationError", "An order must be specified for each action of a rule with more than one action"));
    }

    private List<ListenerAction> actionsFor(String name) {
        return switch (name) {
            case "unknown type" -> List.of(new ListenerAction("drop", null, null, null, null, null, null, null));
            case "redirect without config" -> List.of(new ListenerAction("redirect", null, null, null, null, null, null, null));
            case "redirect with a target group" -> List.of(new ListenerAction("redirect", null, w.blue.arn(), null, null,
                    new ListenerAction.Redirect("HTTPS", "443", null, null, null, "HTTP_301"), null, null));
            case "redirect loop" -> List.of(redirect("HTTP", null, null, null, "HTTP_302"));
            case "redirect path" -> List.of(redirect("HTTPS", null, null, "/#{path}/#{path}", "HTTP_301"));
            case "redirect status" -> List.of(redirect("HTTPS", null, null, null, "HTTP_307"));
            case "fixed-response 3XX" -> List.of(fixed("302", "text/plain", null));
            case "fixed-response content type" -> List.of(fixed("200", "text/xml", null));
            case "fixed-response body" -> List.of(fixed("200", "text/plain", "x".repeat(1025)));
            case "weight" -> List.of(weighted(1000, 1, null));
            case "stickiness without duration" -> List.of(weighted(1, 1, new ListenerAction.Stickiness(true, null)));
            case "authenticate on HTTP" -> List.of(oidc(1, "https://idp.example.com", "s", null), ordered(ListenerAction.forward(w.blue.arn()), 2));
            case "two final actions" -> List.of(ordered(ListenerAction.forward(w.blue.arn()), 1), ordered(fixed("404", null, null), 2));
            default -> List.of(ListenerAction.forward(w.blue.arn()), fixed("404", null, null));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedActionsChangeNothing(String name, String code, String message) {
        int listeners = w.elb.listeners().all().size();
        refused(() -> w.elb.listeners().create(w.alb.arn(), new Listeners.Request("HTTP", 8080, null, List.of(), null, actionsFor(name), Map.of())),
                code, message);
        refused(() -> w.elb.listeners().modify(w.http.arn(), new Listeners.Request(null, null, null, null, null, actionsFor(name), Map.of())),
                code, message);
        assertThat(w.elb.listeners().all()).hasSize(listeners);
        assertThat(w.elb.listeners().get(w.http.arn()).defaultActions()).containsExactly(ListenerAction.forward(w.blue.arn()));
        assertThat(w.elb.targetGroups().loadBalancerArns(w.green)).isEmpty();
    }

    @Test
    void oidcNeedsHttpsEndpointsAndOneWayToItsSecret() {
        refused(() -> w.elb.listeners().modify(w.https.arn(), new Listeners.Request(null, null, null, null, null,
                        List.of(oidc(1, "http://idp.example.com", "s", null), ordered(ListenerAction.forward(w.blue.arn()), 2)), Map.of())),
                "InvalidLoadBalancerAction", "The Issuer 'http://idp.example.com' must be a full URL that uses HTTPS");
        refused(() -> w.elb.listeners().modify(w.https.arn(), new Listeners.Request(null, null, null, null, null,
                        List.of(oidc(1, "https://idp.example.com", "s", true), ordered(ListenerAction.forward(w.blue.arn()), 2)), Map.of())),
                "InvalidLoadBalancerAction", "You cannot both specify a client secret and set UseExistingClientSecret to true");
        refused(() -> w.elb.listeners().modify(w.https.arn(), new Listeners.Request(null, null, null, null, null,
                        List.of(oidc(1, "https://idp.example.com", null, true), ordered(ListenerAction.forward(w.blue.arn()), 2)), Map.of())),
                "InvalidLoadBalancerAction", "UseExistingClientSecret is set, but there is no existing client secret to use");
        assertThat(w.elb.listeners().get(w.https.arn()).defaultActions()).containsExactly(ListenerAction.forward(w.blue.arn()));
    }

    @Test
    void aForwardSendsToAtMostFiveTargetGroupsEachOnce() {
        List<ListenerAction.WeightedTargetGroup> six = Stream.of("a", "b", "c", "d", "e", "f")
                .map(n -> new ListenerAction.WeightedTargetGroup(w.targetGroup(n, "HTTP").arn(), 1)).toList();
        refused(() -> listenerOn(8080, new ListenerAction("forward", null, null, new ListenerAction.ForwardConfig(six, null), null, null, null, null)),
                "ValidationError", "A forward action can have at most '5' target groups");
        ListenerAction.WeightedTargetGroup blue = new ListenerAction.WeightedTargetGroup(w.blue.arn(), 1);
        refused(() -> listenerOn(8080, new ListenerAction("forward", null, null, new ListenerAction.ForwardConfig(List.of(blue, blue), null),
                null, null, null, null)), "ValidationError", "Target group '" + w.blue.arn() + "' is specified more than once in the forward action");
    }
}
