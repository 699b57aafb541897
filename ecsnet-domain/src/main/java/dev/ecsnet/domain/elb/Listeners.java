package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.IdSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Listeners and their rules, with the checks AWS makes on ports, protocols and actions. */
public final class Listeners {
    private static final Set<String> ALB_PROTOCOLS = Set.of("HTTP", "HTTPS");
    private static final Set<String> NLB_PROTOCOLS = Set.of("TCP", "TLS", "UDP", "TCP_UDP");
    private static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";

    private final Elb elb;
    private final IdSource ids;
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private final Map<String, ListenerRule> rules = new LinkedHashMap<>();

    Listeners(Elb elb, IdSource ids) {
        this.elb = elb;
        this.ids = ids;
    }

    /** What CreateListener and ModifyListener ask for; null fields keep (or default) their value. */
    public record Request(String protocol, Integer port, String sslPolicy, List<String> certificateArns, String alpnPolicy,
                          List<ListenerAction> defaultActions, Map<String, String> tags) {
    }

    public Collection<Listener> all() {
        return listeners.values();
    }

    public Listener get(String arn) {
        Listener l = listeners.get(arn);
        if (l == null) {
            throw ElbErrors.listenerNotFound();
        }
        return l;
    }

    public Optional<Listener> find(String arn) {
        return Optional.ofNullable(listeners.get(arn));
    }

    public List<Listener> ofLoadBalancer(String lbArn) {
        return listeners.values().stream().filter(l -> l.loadBalancerArn().equals(lbArn)).toList();
    }

    public Listener create(String lbArn, Request r) {
        LoadBalancer lb = elb.loadBalancer(lbArn);
        String protocol = r.protocol() != null ? r.protocol() : (lb.isApplication() ? "HTTP" : "TCP");
        Set<String> allowed = lb.isApplication() ? ALB_PROTOCOLS : NLB_PROTOCOLS;
        if (!allowed.contains(protocol)) {
            throw ElbErrors.validation("Listener protocol '" + protocol + "' must be one of '" + String.join(", ", allowed.stream().sorted().toList()) + "'");
        }
        if (r.port() == null) {
            throw ElbErrors.validation("A listener port must be specified");
        }
        checkPort(r.port());
        boolean secure = protocol.equals("HTTPS") || protocol.equals("TLS");
        if (secure && (r.certificateArns() == null || r.certificateArns().isEmpty())) {
            throw ElbErrors.validation("A certificate must be specified for " + protocol + " listeners");
        }
        List<ListenerAction> actions = checkActions(lb, protocol, r.defaultActions(), true);
        if (ofLoadBalancer(lbArn).stream().anyMatch(l -> l.port() == r.port())) {
            throw ElbErrors.duplicateListener(lbArn);
        }
        String arn = elb.arns().listener(lb, ids.hex(16));
        Listener l = new Listener(arn, lbArn, protocol, r.port(), secure ? (r.sslPolicy() != null ? r.sslPolicy() : DEFAULT_SSL_POLICY) : null,
                secure ? r.certificateArns() : List.of(), r.alpnPolicy(), actions, elb.arns().rule(arn, ids.hex(16)),
                ElbAttributes.listenerDefaults(protocol));
        l.tags().putAll(r.tags());
        listeners.put(arn, l);
        return l;
    }

    public Listener modify(String arn, Request r) {
        Listener l = get(arn);
        LoadBalancer lb = elb.loadBalancer(l.loadBalancerArn());
        String protocol = r.protocol() != null ? r.protocol() : l.protocol();
        Set<String> allowed = lb.isApplication() ? ALB_PROTOCOLS : NLB_PROTOCOLS;
        if (!allowed.contains(protocol)) {
            throw ElbErrors.validation("Listener protocol '" + protocol + "' must be one of '" + String.join(", ", allowed.stream().sorted().toList()) + "'");
        }
        int port = r.port() != null ? r.port() : l.port();
        checkPort(port);
        if (port != l.port() && ofLoadBalancer(lb.arn()).stream().anyMatch(o -> o.port() == port)) {
            throw ElbErrors.duplicateListener(lb.arn());
        }
        boolean secure = protocol.equals("HTTPS") || protocol.equals("TLS");
        List<String> certs = r.certificateArns() != null && !r.certificateArns().isEmpty() ? r.certificateArns() : l.certificateArns();
        if (secure && certs.isEmpty()) {
            throw ElbErrors.validation("A certificate must be specified for " + protocol + " listeners");
        }
        List<ListenerAction> actions = r.defaultActions() != null && !r.defaultActions().isEmpty()
                ? checkActions(lb, protocol, r.defaultActions(), true) : l.defaultActions();
        String policy = secure ? (r.sslPolicy() != null ? r.sslPolicy() : (l.sslPolicy() != null ? l.sslPolicy() : DEFAULT_SSL_POLICY)) : null;
        l.modify(protocol, port, policy, secure ? certs : List.of(), r.alpnPolicy() != null ? r.alpnPolicy() : l.alpnPolicy(), actions);
        return l;
    }

    public void delete(String arn) {
        get(arn);
        rules.values().removeIf(r -> r.listenerArn().equals(arn));
        listeners.remove(arn);
    }

    /** Removes the listeners (and rules) of a load balancer that is being deleted. */
    void deleteOf(String lbArn) {
        ofLoadBalancer(lbArn).forEach(l -> delete(l.arn()));
    }

    public void modifyAttributes(String arn, Map<String, String> changes) {
        Listener l = get(arn);
        ElbAttributes.modify(l.attributes, changes, ElbAttributes.listenerExtraKeys());
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw ElbErrors.validation("Listener port '" + port + "' must be between 1 and 65535");
        }
    }

    private List<ListenerAction> checkActions(LoadBalancer lb, String protocol, List<ListenerAction> actions, boolean isDefault) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.validation("At least one action must be specified");
        }
        for (ListenerAction a : actions) {
            switch (a.type() == null ? "" : a.type()) {
                case "forward" -> {
                    if (a.targetGroups().isEmpty()) {
                        throw ElbErrors.validation("A target group ARN must be specified for a forward action");
                    }
                    for (ListenerAction.WeightedTargetGroup t : a.targetGroups()) {
                        TargetGroup tg = elb.targetGroups().get(t.targetGroupArn());
                        checkTargetGroupFits(lb, protocol, tg);
                    }
                }
                case "fixed-response", "redirect" -> {
                    if (!lb.isApplication()) {
                        throw ElbErrors.validation("Action type '" + a.type() + "' is not supported for network load balancers");
                    }
                    if (a.type().equals("fixed-response") && (a.fixedResponse() == null || a.fixedResponse().statusCode() == null)) {
                        throw ElbErrors.validation("A fixed response status code must be specified");
                    }
                    if (a.type().equals("redirect") && (a.redirect() == null || a.redirect().statusCode() == null)) {
                        throw ElbErrors.validation("A redirect status code must be specified");
                    }
                }
                case "authenticate-oidc", "authenticate-cognito" -> throw ElbErrors.unsupported("Action type '" + a.type() + "' is not supported by ecsnet");
                default -> throw ElbErrors.validation("Action type '" + a.type() + "' must be one of 'forward, redirect, fixed-response, authenticate-oidc, authenticate-cognito'");
            }
        }
        return actions;
    }

    private void checkTargetGroupFits(LoadBalancer lb, String listenerProtocol, TargetGroup tg) {
        String tgProtocol = tg.protocol().orElse(null);
        if (lb.isApplication()) {
            if (tgProtocol != null && !ALB_PROTOCOLS.contains(tgProtocol)) {
                throw ElbErrors.validation("The target group with target group ARN '" + tg.arn() + "' uses protocol '" + tgProtocol
                        + "', which is not compatible with an Application Load Balancer");
            }
        } else if (tgProtocol == null || !NLB_PROTOCOLS.contains(tgProtocol)) {
            throw ElbErrors.validation("Listener protocol '" + listenerProtocol + "' is not supported with a target group with the protocol '" + tgProtocol + "'");
        }
        if (tg.vpcId().isPresent() && !tg.vpcId().get().equals(lb.vpcId())) {
            throw ElbErrors.validation("The target group '" + tg.arn() + "' is in a different VPC than the load balancer '" + lb.arn() + "'");
        }
        List<String> others = loadBalancersForwardingTo(tg.arn()).stream().filter(a -> !a.equals(lb.arn())).toList();
        if (!others.isEmpty()) {
            throw ElbErrors.associationLimit(tg.arn());
        }
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    public List<ListenerRule> rulesOf(String listenerArn) {
        return rules.values().stream().filter(r -> r.listenerArn().equals(listenerArn))
                .sorted(Comparator.comparingInt(ListenerRule::priority)).toList();
    }

    public Optional<ListenerRule> findRule(String arn) {
        return Optional.ofNullable(rules.get(arn));
    }

    public ListenerRule rule(String arn) {
        return findRule(arn).orElseThrow(ElbErrors::ruleNotFound);
    }

    /** The listener whose default rule has this ARN, if any. */
    public Optional<Listener> listenerOfDefaultRule(String ruleArn) {
        return listeners.values().stream().filter(l -> ruleArn.equals(l.defaultRuleArn())).findFirst();
    }

    public ListenerRule createRule(String listenerArn, int priority, List<RuleCondition> conditions, List<ListenerAction> actions,
                                   Map<String, String> tags) {
        Listener l = get(listenerArn);
        LoadBalancer lb = elb.loadBalancer(l.loadBalancerArn());
        if (!lb.isApplication()) {
            throw ElbErrors.validation("Rules are not supported for listeners of network load balancers");
        }
        checkPriority(priority);
        checkConditions(conditions);
        List<ListenerAction> checked = checkActions(lb, l.protocol(), actions, false);
        if (rulesOf(listenerArn).stream().anyMatch(r -> r.priority() == priority)) {
            throw ElbErrors.priorityInUse(priority);
        }
        ListenerRule rule = new ListenerRule(elb.arns().rule(l.arn(), ids.hex(16)), listenerArn, priority, conditions, checked);
        rule.tags().putAll(tags);
        rules.put(rule.arn(), rule);
        return rule;
    }

    public ListenerRule modifyRule(String arn, List<RuleCondition> conditions, List<ListenerAction> actions) {
        ListenerRule r = rule(arn);
        Listener l = get(r.listenerArn());
        LoadBalancer lb = elb.loadBalancer(l.loadBalancerArn());
        if (!conditions.isEmpty()) {
            checkConditions(conditions);
        }
        List<ListenerAction> checked = actions.isEmpty() ? r.actions() : checkActions(lb, l.protocol(), actions, false);
        if (!conditions.isEmpty()) {
            r.setConditions(conditions);
        }
        r.setActions(checked);
        return r;
    }

    public void deleteRule(String arn) {
        if (listenerOfDefaultRule(arn).isPresent()) {
            throw ElbErrors.operationNotPermitted("Default rule '" + arn + "' cannot be deleted");
        }
        rule(arn);
        rules.remove(arn);
    }

    /** Sets several priorities at once; all are checked before any changes. */
    public List<ListenerRule> setRulePriorities(Map<String, Integer> priorities) {
        List<ListenerRule> changed = new ArrayList<>();
        for (Map.Entry<String, Integer> e : priorities.entrySet()) {
            if (listenerOfDefaultRule(e.getKey()).isPresent()) {
                throw ElbErrors.operationNotPermitted("The priority of the default rule '" + e.getKey() + "' cannot be changed");
            }
            checkPriority(e.getValue());
            changed.add(rule(e.getKey()));
        }
        for (ListenerRule r : changed) {
            int p = priorities.get(r.arn());
            boolean taken = rulesOf(r.listenerArn()).stream().anyMatch(o -> o.priority() == p && !priorities.containsKey(o.arn()));
            if (taken) {
                throw ElbErrors.priorityInUse(p);
            }
        }
        changed.forEach(r -> r.setPriority(priorities.get(r.arn())));
        return changed;
    }

    private static void checkPriority(int priority) {
        if (priority < 1 || priority > 50000) {
            throw ElbErrors.validation("Priority '" + priority + "' must be between 1 and 50000");
        }
    }

    private static void checkConditions(List<RuleCondition> conditions) {
        if (conditions.isEmpty()) {
            throw ElbErrors.validation("At least one condition must be specified");
        }
        for (RuleCondition c : conditions) {
            if (!RuleCondition.FIELDS.contains(c.field())) {
                throw ElbErrors.validation("Condition field '" + c.field() + "' must be one of '" + String.join(", ", RuleCondition.FIELDS) + "'");
            }
            if (c.values().isEmpty() && c.queryStrings().isEmpty()) {
                throw ElbErrors.validation("A condition value must be specified for field '" + c.field() + "'");
            }
        }
    }

    // ---- who uses a target group --------------------------------------------------------------------------------

    /** Load balancers (in listener order) whose listener defaults or rules forward to the target group. */
    public List<String> loadBalancersForwardingTo(String tgArn) {
        Set<String> out = new LinkedHashSet<>();
        for (Listener l : listeners.values()) {
            boolean uses = forwardsTo(l.defaultActions(), tgArn)
                    || rules.values().stream().anyMatch(r -> r.listenerArn().equals(l.arn()) && forwardsTo(r.actions(), tgArn));
            if (uses) {
                out.add(l.loadBalancerArn());
            }
        }
        return List.copyOf(out);
    }

    boolean isForwardedTo(String tgArn) {
        return !loadBalancersForwardingTo(tgArn).isEmpty();
    }

    private static boolean forwardsTo(List<ListenerAction> actions, String tgArn) {
        return actions.stream().anyMatch(a -> a.isForward() && a.targetGroups().stream().anyMatch(t -> t.targetGroupArn().equals(tgArn)));
    }
}
