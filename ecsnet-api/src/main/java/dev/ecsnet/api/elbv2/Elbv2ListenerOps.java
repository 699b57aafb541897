package dev.ecsnet.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.elb.ElbErrors;
import dev.ecsnet.domain.elb.Listener;
import dev.ecsnet.domain.elb.ListenerAction;
import dev.ecsnet.domain.elb.ListenerRule;
import dev.ecsnet.domain.elb.Listeners;
import dev.ecsnet.domain.elb.RuleCondition;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.ecsnet.api.elbv2.Elbv2Handler.elb;
import static dev.ecsnet.api.elbv2.Elbv2Handler.strings;

/** ELBv2 listener and rule operations, with actions and conditions in AWS's wire shapes. */
final class Elbv2ListenerOps {
    private Elbv2ListenerOps() {
    }

    static void register(OperationTable ops) {
        ops.register("CreateListener", Elbv2ListenerOps::create)
                .register("DescribeListeners", Elbv2ListenerOps::describe)
                .register("ModifyListener", Elbv2ListenerOps::modify)
                .register("DeleteListener", c -> {
                    elb(c).listeners().delete(c.params().required("ListenerArn"));
                    return Call.object();
                })
                .register("DescribeListenerAttributes", c -> attributes(elb(c).listeners().get(c.params().required("ListenerArn"))))
                .register("ModifyListenerAttributes", c -> {
                    String arn = c.params().required("ListenerArn");
                    elb(c).listeners().modifyAttributes(arn, Elbv2Handler.attributes(c.params()));
                    return attributes(elb(c).listeners().get(arn));
                })
                .register("DescribeListenerCertificates", Elbv2ListenerOps::describeCertificates)
                .register("CreateRule", Elbv2ListenerOps::createRule)
                .register("DescribeRules", Elbv2ListenerOps::describeRules)
                .register("ModifyRule", Elbv2ListenerOps::modifyRule)
                .register("DeleteRule", c -> {
                    elb(c).listeners().deleteRule(c.params().required("RuleArn"));
                    return Call.object();
                })
                .register("SetRulePriorities", Elbv2ListenerOps::setRulePriorities);
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    static List<ListenerAction> actions(Params p, String field) {
        List<ListenerAction> out = new ArrayList<>();
        for (Params a : p.list(field)) {
            String type = a.required("Type");
            Integer order = a.integer("Order").orElse(null);
            String tgArn = a.string("TargetGroupArn").filter(s -> !s.isEmpty()).orElse(null);
            List<ListenerAction.WeightedTargetGroup> groups = new ArrayList<>();
            ListenerAction.Stickiness stickiness = null;
            Params fc = a.child("ForwardConfig");
            for (Params t : fc.list("TargetGroups")) {
                groups.add(new ListenerAction.WeightedTargetGroup(t.required("TargetGroupArn"), t.integer("Weight").orElse(null)));
            }
            if (fc.has("TargetGroupStickinessConfig")) {
                Params s = fc.child("TargetGroupStickinessConfig");
                stickiness = new ListenerAction.Stickiness(s.bool("Enabled").orElse(false), s.integer("DurationSeconds").orElse(null));
            }
            if (tgArn != null && !groups.isEmpty() && (groups.size() != 1 || !groups.get(0).targetGroupArn().equals(tgArn))) {
                throw AwsError.badRequest("ValidationError", "You cannot specify both a target group ARN and a forward config with a different target group");
            }
            if (tgArn != null && groups.isEmpty()) {
                groups.add(new ListenerAction.WeightedTargetGroup(tgArn, null));
            }
            ListenerAction.FixedResponse fixed = null;
            if (a.has("FixedResponseConfig")) {
                Params f = a.child("FixedResponseConfig");
                fixed = new ListenerAction.FixedResponse(f.string("StatusCode").filter(v -> !v.isEmpty()).orElse(null), f.string("ContentType").filter(v -> !v.isEmpty()).orElse(null),
                        f.string("MessageBody").filter(v -> !v.isEmpty()).orElse(null));
            }
            ListenerAction.Redirect redirect = null;
            if (a.has("RedirectConfig")) {
                Params r = a.child("RedirectConfig");
                redirect = new ListenerAction.Redirect(r.string("Protocol").filter(v -> !v.isEmpty()).orElse("#{protocol}"), r.string("Port").filter(v -> !v.isEmpty()).orElse("#{port}"),
                        r.string("Host").filter(v -> !v.isEmpty()).orElse("#{host}"), r.string("Path").filter(v -> !v.isEmpty()).orElse("/#{path}"), r.string("Query").filter(v -> !v.isEmpty()).orElse("#{query}"),
                        r.string("StatusCode").filter(v -> !v.isEmpty()).orElse(null));
            }
            out.add(new ListenerAction(type, order, tgArn, groups, stickiness, fixed, redirect));
        }
        return out;
    }

    static ArrayNode renderActions(List<ListenerAction> actions) {
        ArrayNode list = Call.object().arrayNode();
        for (ListenerAction a : actions) {
            ObjectNode o = list.addObject().put("Type", a.type());
            if (a.isForward()) {
                if (a.targetGroups().size() == 1) {
                    o.put("TargetGroupArn", a.targetGroups().get(0).targetGroupArn());
                }
                ObjectNode fc = o.putObject("ForwardConfig");
                ArrayNode tgs = fc.putArray("TargetGroups");
                a.targetGroups().forEach(t -> tgs.addObject().put("TargetGroupArn", t.targetGroupArn()).put("Weight", t.weight() == null ? 1 : t.weight()));
                ObjectNode st = fc.putObject("TargetGroupStickinessConfig").put("Enabled", a.stickiness() != null && a.stickiness().enabled());
                if (a.stickiness() != null && a.stickiness().durationSeconds() != null) {
                    st.put("DurationSeconds", a.stickiness().durationSeconds());
                }
            }
            if (a.fixedResponse() != null) {
                ObjectNode f = o.putObject("FixedResponseConfig");
                putIfPresent(f, "MessageBody", a.fixedResponse().messageBody());
                f.put("StatusCode", a.fixedResponse().statusCode());
                putIfPresent(f, "ContentType", a.fixedResponse().contentType());
            }
            if (a.redirect() != null) {
                ListenerAction.Redirect r = a.redirect();
                o.putObject("RedirectConfig").put("Protocol", r.protocol()).put("Port", r.port()).put("Host", r.host())
                        .put("Path", r.path()).put("Query", r.query()).put("StatusCode", r.statusCode());
            }
            if (a.order() != null) {
                o.put("Order", a.order());
            }
        }
        return list;
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    // ---- listeners --------------------------------------------------------------------------------------------

    private static List<String> certificates(Params p) {
        return p.list("Certificates").stream().map(c -> c.string("CertificateArn").orElse("")).filter(s -> !s.isEmpty()).toList();
    }

    private static Listeners.Request request(Params p) {
        return new Listeners.Request(p.string("Protocol").filter(v -> !v.isEmpty()).orElse(null), p.integer("Port").orElse(null), p.string("SslPolicy").filter(v -> !v.isEmpty()).orElse(null),
                certificates(p), strings(p, "AlpnPolicy").stream().findFirst().orElse(null), actions(p, "DefaultActions"),
                p.keyValues("Tags", "Key", "Value"));
    }

    private static ObjectNode create(Call c) {
        Params p = c.params();
        if (!p.has("DefaultActions")) {
            throw Elbv2Handler.missing("DefaultActions");
        }
        Listener l = elb(c).listeners().create(p.required("LoadBalancerArn"), request(p));
        ObjectNode out = Call.object();
        out.putArray("Listeners").add(render(l));
        return out;
    }

    private static ObjectNode modify(Call c) {
        Listener l = elb(c).listeners().modify(c.params().required("ListenerArn"), request(c.params()));
        ObjectNode out = Call.object();
        out.putArray("Listeners").add(render(l));
        return out;
    }

    static ObjectNode render(Listener l) {
        ObjectNode o = Call.object().put("ListenerArn", l.arn()).put("LoadBalancerArn", l.loadBalancerArn())
                .put("Port", l.port()).put("Protocol", l.protocol());
        if (!l.certificateArns().isEmpty()) {
            ArrayNode certs = o.putArray("Certificates");
            l.certificateArns().forEach(a -> certs.addObject().put("CertificateArn", a));
        }
        if (l.sslPolicy() != null) {
            o.put("SslPolicy", l.sslPolicy());
        }
        o.set("DefaultActions", renderActions(l.defaultActions()));
        if (l.alpnPolicy() != null) {
            o.putArray("AlpnPolicy").add(l.alpnPolicy());
        }
        return o;
    }

    private static ObjectNode describe(Call c) {
        Params p = c.params();
        List<String> arns = strings(p, "ListenerArns");
        Optional<String> lbArn = p.string("LoadBalancerArn").filter(s -> !s.isEmpty());
        if (arns.isEmpty() && lbArn.isEmpty()) {
            throw AwsError.badRequest("ValidationError", "You must specify either listener ARNs or a load balancer ARN");
        }
        List<Listener> listeners;
        if (!arns.isEmpty()) {
            listeners = Elbv2Handler.resolveAll(arns, a -> elb(c).listeners().find(a), ElbErrors.listenerNotFound());
        } else {
            elb(c).loadBalancer(lbArn.get());
            listeners = elb(c).listeners().ofLoadBalancer(lbArn.get());
        }
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Listeners");
        Elbv2Handler.page(p, listeners, out).forEach(l -> list.add(render(l)));
        return out;
    }

    private static ObjectNode attributes(Listener l) {
        ObjectNode out = Call.object();
        Elbv2Handler.putKeyValues(out, "Attributes", new TreeMap<>(l.attributes()));
        return out;
    }

    private static ObjectNode describeCertificates(Call c) {
        Listener l = elb(c).listeners().get(c.params().required("ListenerArn"));
        ObjectNode out = Call.object();
        ArrayNode certs = out.putArray("Certificates");
        for (int i = 0; i < l.certificateArns().size(); i++) {
            certs.addObject().put("CertificateArn", l.certificateArns().get(i)).put("IsDefault", i == 0);
        }
        return out;
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    private static final Map<String, String> CONFIG_FIELDS = Map.of("host-header", "HostHeaderConfig", "path-pattern", "PathPatternConfig",
            "http-header", "HttpHeaderConfig", "http-request-method", "HttpRequestMethodConfig", "query-string", "QueryStringConfig",
            "source-ip", "SourceIpConfig");

    static List<RuleCondition> conditions(Params p) {
        List<RuleCondition> out = new ArrayList<>();
        for (Params c : p.list("Conditions")) {
            String field = c.string("Field").orElse(null);
            List<String> legacy = strings(c, "Values");
            String config = CONFIG_FIELDS.get(field);
            if (config == null) {
                throw AwsError.badRequest("ValidationError", "Condition field '" + field + "' must be one of '"
                        + String.join(", ", RuleCondition.FIELDS) + "'");
            }
            Params cfg = c.child(config);
            List<RuleCondition.QueryString> qs = new ArrayList<>();
            List<String> values;
            if (field.equals("query-string")) {
                cfg.list("Values").forEach(kv -> qs.add(new RuleCondition.QueryString(kv.string("Key").filter(v -> !v.isEmpty()).orElse(null), kv.string("Value").filter(v -> !v.isEmpty()).orElse(""))));
                values = List.of();
            } else {
                values = strings(cfg, "Values").isEmpty() ? legacy : strings(cfg, "Values");
            }
            out.add(new RuleCondition(field, values, field.equals("http-header") ? cfg.string("HttpHeaderName").filter(v -> !v.isEmpty()).orElse(null) : null, qs,
                    !legacy.isEmpty()));
        }
        return out;
    }

    private static ArrayNode renderConditions(List<RuleCondition> conditions) {
        ArrayNode list = Call.object().arrayNode();
        for (RuleCondition c : conditions) {
            ObjectNode o = list.addObject().put("Field", c.field());
            if (c.field().equals("host-header") || c.field().equals("path-pattern")) {
                ArrayNode v = o.putArray("Values");
                c.values().forEach(v::add);
            }
            ObjectNode cfg = o.putObject(CONFIG_FIELDS.get(c.field()));
            if (c.field().equals("http-header")) {
                cfg.put("HttpHeaderName", c.httpHeaderName());
            }
            ArrayNode v = cfg.putArray("Values");
            if (c.field().equals("query-string")) {
                c.queryStrings().forEach(q -> {
                    ObjectNode kv = v.addObject();
                    if (q.key() != null) {
                        kv.put("Key", q.key());
                    }
                    kv.put("Value", q.value());
                });
            } else {
                c.values().forEach(v::add);
            }
        }
        return list;
    }

    private static ObjectNode renderRule(ListenerRule r) {
        ObjectNode o = Call.object().put("RuleArn", r.arn()).put("Priority", String.valueOf(r.priority()));
        o.set("Conditions", renderConditions(r.conditions()));
        o.set("Actions", renderActions(r.actions()));
        return o.put("IsDefault", false);
    }

    private static ObjectNode renderDefaultRule(Listener l) {
        ObjectNode o = Call.object().put("RuleArn", l.defaultRuleArn()).put("Priority", "default");
        o.putArray("Conditions");
        o.set("Actions", renderActions(l.defaultActions()));
        return o.put("IsDefault", true);
    }

    private static ObjectNode createRule(Call c) {
        Params p = c.params();
        int priority = p.integer("Priority").orElseThrow(() -> Elbv2Handler.missing("Priority"));
        ListenerRule r = elb(c).listeners().createRule(p.required("ListenerArn"), priority, conditions(p), actions(p, "Actions"),
                p.keyValues("Tags", "Key", "Value"));
        ObjectNode out = Call.object();
        out.putArray("Rules").add(renderRule(r));
        return out;
    }

    private static ObjectNode modifyRule(Call c) {
        Params p = c.params();
        ListenerRule r = elb(c).listeners().modifyRule(p.required("RuleArn"), conditions(p), actions(p, "Actions"));
        ObjectNode out = Call.object();
        out.putArray("Rules").add(renderRule(r));
        return out;
    }

    private static ObjectNode describeRules(Call c) {
        Params p = c.params();
        List<String> arns = strings(p, "RuleArns");
        Optional<String> listenerArn = p.string("ListenerArn").filter(s -> !s.isEmpty());
        if (arns.isEmpty() && listenerArn.isEmpty()) {
            throw AwsError.badRequest("ValidationError", "You must specify either listener ARNs or rule ARNs");
        }
        List<ObjectNode> rules = new ArrayList<>();
        if (!arns.isEmpty()) {
            for (String a : arns) {
                Optional<Listener> owner = elb(c).listeners().listenerOfDefaultRule(a);
                rules.add(owner.isPresent() ? renderDefaultRule(owner.get()) : renderRule(elb(c).listeners().rule(a)));
            }
        } else {
            Listener l = elb(c).listeners().get(listenerArn.get());
            elb(c).listeners().rulesOf(l.arn()).forEach(r -> rules.add(renderRule(r)));
            rules.add(renderDefaultRule(l));
        }
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Rules");
        Elbv2Handler.page(p, rules, out).forEach(list::add);
        return out;
    }

    private static ObjectNode setRulePriorities(Call c) {
        Map<String, Integer> priorities = new LinkedHashMap<>();
        for (Params rp : c.params().list("RulePriorities")) {
            priorities.put(rp.required("RuleArn"), rp.integer("Priority").orElseThrow(() -> Elbv2Handler.missing("Priority")));
        }
        List<ListenerRule> changed = elb(c).listeners().setRulePriorities(priorities);
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Rules");
        changed.forEach(r -> list.add(renderRule(r)));
        return out;
    }
}
