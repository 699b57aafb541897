package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.DomainException;
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
import java.util.regex.Pattern;

/**
 * Listeners and their rules, with the checks AWS makes on ports, protocols, certificates and SSL policies; actions
 * are checked by {@link ListenerActionRules}, rule conditions by {@link RuleConditionRules}. ecsnet has no ACM or
 * IAM certificate store, so a certificate is any ACM or IAM certificate ARN.
 */
public final class Listeners {
    static final Set<String> ALB_PROTOCOLS = Set.of("HTTP", "HTTPS");
    static final Set<String> NLB_PROTOCOLS = Set.of("TCP", "TLS", "UDP", "TCP_UDP");
    private static final List<String> ALPN_POLICIES = List.of("HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred", "None");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:aws[a-z-]*:(acm:[a-z0-9-]+:\\d{12}:certificate/|iam::\\d{12}:server-certificate/).+");
    /** Certificates per Application Load Balancer, default certificates excluded (AWS's quota). */
    static final int MAX_CERTIFICATES_PER_LOAD_BALANCER = 25;

    private final Elb elb;
    private final IdSource ids;
    private final ListenerActionRules actionRules;
    final Map<String, Listener> listeners = new LinkedHashMap<>();
    final Map<String, ListenerRule> rules = new LinkedHashMap<>();

    Listeners(Elb elb, IdSource ids) {
        this.elb = elb;
        this.ids = ids;
        this.actionRules = new ListenerActionRules(elb);
    }

    /** A certificate as a request names it; {@code isDefault} is whatever the caller set (AWS refuses it on input). */
    public record CertificateRequest(String certificateArn, Boolean isDefault) {
    }

    /** What CreateListener and ModifyListener ask for; null fields keep (or default) their value. */
    public record Request(String protocol, Integer port, String sslPolicy, List<CertificateRequest> certificates, String alpnPolicy,
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

    /** What a create or modify leaves the listener with, checked. */
    private record Settings(String protocol, int port, String sslPolicy, String defaultCertificate, String alpnPolicy,
                            List<ListenerAction> actions) {
    }

    public Listener create(String lbArn, Request r) {
        LoadBalancer lb = elb.loadBalancer(lbArn);
        if (r.port() == null) {
            throw ElbErrors.validation("A listener port must be specified");
        }
        Settings s = settings(lb, null, r);
        if (ofLoadBalancer(lbArn).stream().anyMatch(l -> l.port() == s.port())) {
            throw ElbErrors.duplicateListener(lbArn);
        }
        String arn = elb.arns().listener(lb, ids.hex(16));
        Listener l = new Listener(arn, lbArn, s.protocol(), s.port(), s.sslPolicy(), s.defaultCertificate(), s.alpnPolicy(), s.actions(),
                elb.arns().rule(arn, ids.hex(16)), ElbAttributes.listenerDefaults(s.protocol()));
        l.tags().putAll(r.tags());
        listeners.put(arn, l);
        return l;
    }

    public Listener modify(String arn, Request r) {
        Listener l = get(arn);
        LoadBalancer lb = elb.loadBalancer(l.loadBalancerArn());
        Settings s = settings(lb, l, r);
        if (s.port() != l.port() && ofLoadBalancer(lb.arn()).stream().anyMatch(o -> o.port() == s.port())) {
            throw ElbErrors.duplicateListener(lb.arn());
        }
        l.modify(s.protocol(), s.port(), s.sslPolicy(), s.defaultCertificate(), s.alpnPolicy(), s.actions());
        return l;
    }

    /** Checks a CreateListener ({@code current} null) or ModifyListener request against what the listener has. */
    private Settings settings(LoadBalancer lb, Listener current, Request r) {
        String protocol = r.protocol() != null ? r.protocol() : current != null ? current.protocol() : (lb.isApplication() ? "HTTP" : "TCP");
        Set<String> allowed = lb.isApplication() ? ALB_PROTOCOLS : NLB_PROTOCOLS;
        if (!allowed.contains(protocol)) {
            throw ElbErrors.validation("Listener protocol '" + protocol + "' must be one of '" + String.join(", ", allowed.stream().sorted().toList()) + "'");
        }
        int port = r.port() != null ? r.port() : current.port();
        if (port < 1 || port > 65535) {
            throw ElbErrors.validation("Listener port '" + port + "' must be between 1 and 65535");
        }
        boolean secure = protocol.equals("HTTPS") || protocol.equals("TLS");
        List<CertificateRequest> certificates = r.certificates() == null ? List.of() : r.certificates();
        String sslPolicy = null;
        String certificate = null;
        if (secure) {
            checkCertificates(certificates);
            if (certificates.size() > 1) {
                throw ElbErrors.validation("A listener can have only one default certificate; add the others with AddListenerCertificates");
            }
            certificate = certificates.isEmpty() ? (current == null ? null : current.defaultCertificateArn().orElse(null))
                    : certificates.get(0).certificateArn();
            if (certificate == null) {
                throw ElbErrors.validation("A certificate must be specified for " + protocol + " listeners");
            }
            sslPolicy = r.sslPolicy() != null ? r.sslPolicy() : current != null && current.sslPolicy() != null ? current.sslPolicy() : SslPolicies.API_DEFAULT;
            String policy = sslPolicy;
            SslPolicies.find(policy).filter(p -> p.loadBalancerTypes().contains(lb.type())).orElseThrow(() -> SslPolicies.notFound(policy));
        } else {
            if (!certificates.isEmpty()) {
                throw ElbErrors.validation("A certificate cannot be specified for " + protocol + " listeners");
            }
            if (r.sslPolicy() != null) {
                throw ElbErrors.validation("An SSL policy cannot be specified for " + protocol + " listeners");
            }
        }
        String alpn = r.alpnPolicy() != null ? r.alpnPolicy() : current != null && protocol.equals("TLS") ? current.alpnPolicy() : null;
        if (alpn != null) {
            if (!protocol.equals("TLS")) {
                throw DomainException.invalid("ALPNPolicyNotSupported", "ALPN policies are supported only for TLS listeners");
            }
            if (!ALPN_POLICIES.contains(alpn)) {
                throw DomainException.invalid("ALPNPolicyNotSupported", "ALPN policy '" + alpn + "' is not supported");
            }
        }
        List<ListenerAction> previous = current == null ? List.of() : current.defaultActions();
        boolean newActions = r.defaultActions() != null && !r.defaultActions().isEmpty();
        List<ListenerAction> actions = newActions || current == null
                ? actionRules.check(new ListenerActionRules.Context(lb, protocol, port, "defaultActions", previous), r.defaultActions())
                : previous;
        return new Settings(protocol, port, sslPolicy, certificate, alpn, actions);
    }

    private static void checkCertificates(List<CertificateRequest> certificates) {
        for (CertificateRequest c : certificates) {
            if (c.isDefault() != null) {
                throw ElbErrors.validation("You cannot set the isDefault parameter for a certificate.");
            }
            if (c.certificateArn() == null || !CERTIFICATE_ARN.matcher(c.certificateArn()).matches()) {
                throw DomainException.notFound("CertificateNotFound", "Certificate '" + c.certificateArn() + "' not found");
            }
        }
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

    // ---- certificate list (AddListenerCertificates, RemoveListenerCertificates) --------------------------------

    /** Adds certificates to the listener's certificate list; one already there is not added again, as on AWS. */
    public List<String> addCertificates(String arn, List<CertificateRequest> certificates) {
        Listener l = get(arn);
        if (l.defaultCertificateArn().isEmpty()) {
            throw ElbErrors.validation("Certificates can be added only to HTTPS and TLS listeners");
        }
        checkCertificates(certificates);
        List<String> arns = certificates.stream().map(CertificateRequest::certificateArn).distinct().toList();
        Set<String> after = new LinkedHashSet<>();
        ofLoadBalancer(l.loadBalancerArn()).forEach(o -> after.addAll(o.additionalCertificateArns()));
        after.addAll(arns);
        if (after.size() > MAX_CERTIFICATES_PER_LOAD_BALANCER) {
            throw DomainException.invalid("TooManyCertificates", "You've reached the limit on the number of certificates per load balancer");
        }
        l.addCertificates(arns);
        return arns;
    }

    /** Removes certificates from the certificate list; the default certificate stays (replace it with ModifyListener). */
    public void removeCertificates(String arn, List<CertificateRequest> certificates) {
        Listener l = get(arn);
        for (CertificateRequest c : certificates) {
            boolean isDefault = c.certificateArn() != null && c.certificateArn().equals(l.defaultCertificateArn().orElse(null))
                    && !l.additionalCertificateArns().contains(c.certificateArn());
            if (Boolean.TRUE.equals(c.isDefault()) || isDefault) {
                throw ElbErrors.operationNotPermitted("The default certificate cannot be removed from a listener; replace it with ModifyListener");
            }
        }
        l.removeCertificates(certificates.stream().map(CertificateRequest::certificateArn).toList());
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
        List<RuleCondition> checkedConditions = RuleConditionRules.check(conditions);
        List<ListenerAction> checked = actionRules.check(new ListenerActionRules.Context(lb, l.protocol(), l.port(), "actions", List.of()), actions);
        if (rulesOf(listenerArn).stream().anyMatch(r -> r.priority() == priority)) {
            throw ElbErrors.priorityInUse(priority);
        }
        ListenerRule rule = new ListenerRule(elb.arns().rule(l.arn(), ids.hex(16)), listenerArn, priority, checkedConditions, checked);
        rule.tags().putAll(tags);
        rules.put(rule.arn(), rule);
        return rule;
    }

    public ListenerRule modifyRule(String arn, List<RuleCondition> conditions, List<ListenerAction> actions) {
        ListenerRule r = rule(arn);
        Listener l = get(r.listenerArn());
        LoadBalancer lb = elb.loadBalancer(l.loadBalancerArn());
        List<RuleCondition> checkedConditions = conditions.isEmpty() ? r.conditions() : RuleConditionRules.check(conditions);
        List<ListenerAction> checked = actions.isEmpty() ? r.actions()
                : actionRules.check(new ListenerActionRules.Context(lb, l.protocol(), l.port(), "actions", r.actions()), actions);
        r.setConditions(checkedConditions);
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
