package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.elb.ElbRecord.ActionRecord;
import dev.ecsnet.domain.elb.ElbRecord.CognitoRecord;
import dev.ecsnet.domain.elb.ElbRecord.ConditionRecord;
import dev.ecsnet.domain.elb.ElbRecord.FixedResponseRecord;
import dev.ecsnet.domain.elb.ElbRecord.ForwardRecord;
import dev.ecsnet.domain.elb.ElbRecord.HealthCheckRecord;
import dev.ecsnet.domain.elb.ElbRecord.ListenerRecord;
import dev.ecsnet.domain.elb.ElbRecord.LoadBalancerRecord;
import dev.ecsnet.domain.elb.ElbRecord.NodeRecord;
import dev.ecsnet.domain.elb.ElbRecord.OidcRecord;
import dev.ecsnet.domain.elb.ElbRecord.QueryStringRecord;
import dev.ecsnet.domain.elb.ElbRecord.RedirectRecord;
import dev.ecsnet.domain.elb.ElbRecord.RuleRecord;
import dev.ecsnet.domain.elb.ElbRecord.StickinessRecord;
import dev.ecsnet.domain.elb.ElbRecord.TargetGroupRecord;
import dev.ecsnet.domain.elb.ElbRecord.TargetRecord;
import dev.ecsnet.domain.elb.ElbRecord.WeightedTargetGroupRecord;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link Elb}'s state to and from {@link ElbRecord}, kept apart so that the aggregate's classes stay about ELB. */
final class ElbSnapshots {
    private ElbSnapshots() {
    }

    static ElbRecord export(Elb elb) {
        Map<String, Map<String, String>> defaultRuleTags = new LinkedHashMap<>();
        elb.defaultRuleTags.forEach((arn, tags) -> defaultRuleTags.put(arn, new LinkedHashMap<>(tags)));
        return new ElbRecord(
                elb.loadBalancers.values().stream().map(ElbSnapshots::loadBalancer).toList(),
                elb.listeners().listeners.values().stream().map(ElbSnapshots::listener).toList(),
                elb.listeners().rules.values().stream().map(ElbSnapshots::rule).toList(),
                elb.targetGroups().groups.values().stream().map(ElbSnapshots::targetGroup).toList(),
                defaultRuleTags);
    }

    static void restore(Elb elb, ElbRecord record) {
        elb.loadBalancers.clear();
        elb.listeners().listeners.clear();
        elb.listeners().rules.clear();
        elb.targetGroups().groups.clear();
        elb.defaultRuleTags.clear();
        for (LoadBalancerRecord r : record.loadBalancers()) {
            LoadBalancer lb = loadBalancer(r);
            elb.loadBalancers.put(lb.arn(), lb);
        }
        for (ListenerRecord r : record.listeners()) {
            Listener l = listener(r);
            elb.listeners().listeners.put(l.arn(), l);
        }
        for (RuleRecord r : record.rules()) {
            ListenerRule rule = rule(r);
            elb.listeners().rules.put(rule.arn(), rule);
        }
        for (TargetGroupRecord r : record.targetGroups()) {
            TargetGroup g = targetGroup(r);
            elb.targetGroups().groups.put(g.arn(), g);
        }
        record.defaultRuleTags().forEach((arn, tags) -> elb.defaultRuleTags.put(arn, new LinkedHashMap<>(tags)));
    }

    // ---- load balancers ---------------------------------------------------------------------------------------

    private static LoadBalancerRecord loadBalancer(LoadBalancer lb) {
        return new LoadBalancerRecord(lb.arn(), lb.name(), lb.type(), lb.scheme(), lb.vpcId(), lb.dnsName(),
                lb.canonicalHostedZoneId(), lb.createdTime(), lb.activeAt(), lb.ipAddressType(),
                lb.nodes().stream().map(n -> new NodeRecord(n.subnetId(), n.zoneName(), n.networkInterfaceId(), n.privateIpv4Address())).toList(),
                List.copyOf(lb.securityGroups()), new LinkedHashMap<>(lb.attributes), new LinkedHashMap<>(lb.tags()));
    }

    private static LoadBalancer loadBalancer(LoadBalancerRecord r) {
        LoadBalancer lb = new LoadBalancer(r.arn(), r.name(), r.type(), r.scheme(), r.vpcId(), r.dnsName(), r.canonicalHostedZoneId(),
                r.createdTime(), r.activeAt(), r.ipAddressType(),
                r.nodes().stream().map(n -> new LoadBalancer.Node(n.subnetId(), n.zoneName(), n.networkInterfaceId(), n.privateIpv4Address())).toList(),
                r.securityGroups(), r.attributes());
        lb.tags().putAll(r.tags());
        return lb;
    }

    // ---- listeners and rules ----------------------------------------------------------------------------------

    private static ListenerRecord listener(Listener l) {
        return new ListenerRecord(l.arn(), l.loadBalancerArn(), l.protocol(), l.port(), l.sslPolicy(), l.defaultCertificateArn().orElse(null),
                l.additionalCertificateArns(), l.alpnPolicy(), actions(l.defaultActions()), l.defaultRuleArn(),
                new LinkedHashMap<>(l.attributes), new LinkedHashMap<>(l.tags()));
    }

    private static Listener listener(ListenerRecord r) {
        Listener l = new Listener(r.arn(), r.loadBalancerArn(), r.protocol(), r.port(), r.sslPolicy(), r.defaultCertificateArn(),
                r.alpnPolicy(), fromActions(r.defaultActions()), r.defaultRuleArn(), r.attributes());
        l.addCertificates(r.additionalCertificateArns());
        l.tags().putAll(r.tags());
        return l;
    }

    private static RuleRecord rule(ListenerRule rule) {
        return new RuleRecord(rule.arn(), rule.listenerArn(), rule.priority(),
                rule.conditions().stream().map(ElbSnapshots::condition).toList(), actions(rule.actions()),
                new LinkedHashMap<>(rule.tags()));
    }

    private static ListenerRule rule(RuleRecord r) {
        ListenerRule rule = new ListenerRule(r.arn(), r.listenerArn(), r.priority(),
                r.conditions().stream().map(ElbSnapshots::condition).toList(), fromActions(r.actions()));
        rule.tags().putAll(r.tags());
        return rule;
    }

    private static ConditionRecord condition(RuleCondition c) {
        return new ConditionRecord(c.field(), c.values(), c.httpHeaderName(),
                c.queryStrings().stream().map(q -> new QueryStringRecord(q.key(), q.value())).toList(), c.legacyValues(),
                c.configs().stream().sorted().toList(), c.regexValues());
    }

    private static RuleCondition condition(ConditionRecord r) {
        return new RuleCondition(r.field(), r.values(), r.httpHeaderName(),
                r.queryStrings().stream().map(q -> new RuleCondition.QueryString(q.key(), q.value())).toList(), r.legacyValues(),
                new LinkedHashSet<>(r.configs()), r.regexValues());
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    private static List<ActionRecord> actions(List<ListenerAction> actions) {
        return actions.stream().map(ElbSnapshots::action).toList();
    }

    private static List<ListenerAction> fromActions(List<ActionRecord> records) {
        return records.stream().map(ElbSnapshots::action).toList();
    }

    private static ActionRecord action(ListenerAction a) {
        ListenerAction.ForwardConfig f = a.forwardConfig();
        ForwardRecord forward = f == null ? null : new ForwardRecord(
                f.targetGroups().stream().map(t -> new WeightedTargetGroupRecord(t.targetGroupArn(), t.weight())).toList(),
                f.stickiness() == null ? null : new StickinessRecord(f.stickiness().enabled(), f.stickiness().durationSeconds()));
        ListenerAction.FixedResponse x = a.fixedResponse();
        FixedResponseRecord fixed = x == null ? null : new FixedResponseRecord(x.statusCode(), x.contentType(), x.messageBody());
        ListenerAction.Redirect d = a.redirect();
        RedirectRecord redirect = d == null ? null : new RedirectRecord(d.protocol(), d.port(), d.host(), d.path(), d.query(), d.statusCode());
        ListenerAction.AuthenticateOidc o = a.authenticateOidc();
        // the action keeps its extra parameters in an unordered map: name order makes the record the same every time
        OidcRecord oidc = o == null ? null : new OidcRecord(o.issuer(), o.authorizationEndpoint(), o.tokenEndpoint(), o.userInfoEndpoint(),
                o.clientId(), o.clientSecret(), o.sessionCookieName(), o.scope(), o.sessionTimeout(), new TreeMap<>(o.extraParams()),
                o.onUnauthenticatedRequest(), o.useExistingClientSecret());
        ListenerAction.AuthenticateCognito c = a.authenticateCognito();
        CognitoRecord cognito = c == null ? null : new CognitoRecord(c.userPoolArn(), c.userPoolClientId(), c.userPoolDomain(),
                c.sessionCookieName(), c.scope(), c.sessionTimeout(), new TreeMap<>(c.extraParams()), c.onUnauthenticatedRequest());
        return new ActionRecord(a.type(), a.order(), a.targetGroupArn(), forward, fixed, redirect, oidc, cognito);
    }

    private static ListenerAction action(ActionRecord r) {
        ForwardRecord f = r.forwardConfig();
        ListenerAction.ForwardConfig forward = f == null ? null : new ListenerAction.ForwardConfig(
                f.targetGroups().stream().map(t -> new ListenerAction.WeightedTargetGroup(t.targetGroupArn(), t.weight())).toList(),
                f.stickiness() == null ? null : new ListenerAction.Stickiness(f.stickiness().enabled(), f.stickiness().durationSeconds()));
        FixedResponseRecord x = r.fixedResponse();
        ListenerAction.FixedResponse fixed = x == null ? null : new ListenerAction.FixedResponse(x.statusCode(), x.contentType(), x.messageBody());
        RedirectRecord d = r.redirect();
        ListenerAction.Redirect redirect = d == null ? null
                : new ListenerAction.Redirect(d.protocol(), d.port(), d.host(), d.path(), d.query(), d.statusCode());
        OidcRecord o = r.authenticateOidc();
        ListenerAction.AuthenticateOidc oidc = o == null ? null : new ListenerAction.AuthenticateOidc(o.issuer(), o.authorizationEndpoint(),
                o.tokenEndpoint(), o.userInfoEndpoint(), o.clientId(), o.clientSecret(), o.sessionCookieName(), o.scope(), o.sessionTimeout(),
                o.extraParams(), o.onUnauthenticatedRequest(), o.useExistingClientSecret());
        CognitoRecord c = r.authenticateCognito();
        ListenerAction.AuthenticateCognito cognito = c == null ? null : new ListenerAction.AuthenticateCognito(c.userPoolArn(),
                c.userPoolClientId(), c.userPoolDomain(), c.sessionCookieName(), c.scope(), c.sessionTimeout(), c.extraParams(),
                c.onUnauthenticatedRequest());
        return new ListenerAction(r.type(), r.order(), r.targetGroupArn(), forward, fixed, redirect, oidc, cognito);
    }

    // ---- target groups ----------------------------------------------------------------------------------------

    private static TargetGroupRecord targetGroup(TargetGroup g) {
        HealthCheck h = g.healthCheck();
        return new TargetGroupRecord(g.arn(), g.name(), g.targetType(), g.protocol().orElse(null), g.protocolVersion().orElse(null),
                g.port().orElse(null), g.vpcId().orElse(null), g.ipAddressType(),
                new HealthCheckRecord(h.enabled(), h.protocol(), h.port(), h.path(), h.intervalSeconds(), h.timeoutSeconds(),
                        h.healthyThresholdCount(), h.unhealthyThresholdCount(), h.matcher(), h.grpcMatcher()),
                new LinkedHashMap<>(g.attributes), new LinkedHashMap<>(g.tags()),
                g.targets.values().stream().map(t -> new TargetRecord(t.id(), t.port(), t.availabilityZone(), t.registeredAt(),
                        t.drainingUntil())).toList());
    }

    private static TargetGroup targetGroup(TargetGroupRecord r) {
        HealthCheckRecord h = r.healthCheck();
        TargetGroup g = new TargetGroup(r.arn(), r.name(), r.targetType(), r.protocol(), r.protocolVersion(), r.port(), r.vpcId(),
                r.ipAddressType(), new HealthCheck(h.enabled(), h.protocol(), h.port(), h.path(), h.intervalSeconds(), h.timeoutSeconds(),
                h.healthyThresholdCount(), h.unhealthyThresholdCount(), h.matcher(), h.grpcMatcher()), r.attributes());
        g.tags().putAll(r.tags());
        for (TargetRecord t : r.targets()) {
            g.targets.put(new TargetGroup.TargetKey(t.id(), t.port()),
                    new TargetGroup.Target(t.id(), t.port(), t.availabilityZone(), t.registeredAt(), t.drainingUntil()));
        }
        return g;
    }
}
