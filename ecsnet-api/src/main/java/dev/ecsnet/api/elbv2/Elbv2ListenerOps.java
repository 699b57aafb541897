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
                .register("CreateRule", Elbv2ListenerOps::createRule)
                .register("DescribeRules", Elbv2ListenerOps::describeRules)
                .register("ModifyRule", Elbv2ListenerOps::modifyRule)
                .register("DeleteRule", c -> {
                    elb(c).listeners().deleteRule(c.params().required("RuleArn"));
                    return Call.object();
                })
                .register("SetRulePriorities", Elbv2ListenerOps::setRulePriorities);
    }

    // ---- listeners --------------------------------------------------------------------------------------------

    /** Certificates as a request lists them; IsDefault is kept so that the domain refuses it as AWS does. */
    static List<Listeners.CertificateRequest> certificates(Params p) {
        return p.list("Certificates").stream().map(c -> new Listeners.CertificateRequest(c.string("CertificateArn").filter(s -> !s.isEmpty())
                .orElse(null), c.bool("IsDefault").orElse(null))).toList();
    }

    private static Listeners.Request request(Params p) {
        Params mtls = p.child("MutualAuthentication");
        if (mtls.string("Mode").filter(m -> !m.isEmpty() && !m.equals("off")).isPresent()) {
            throw AwsError.badRequest("ValidationError", "Mutual TLS authentication (MutualAuthentication mode '"
                    + mtls.string("Mode").get() + "') is not supported by ecsnet");
        }
        List<ListenerAction> actions = p.has("DefaultActions") ? Elbv2ActionShapes.actions(p, "DefaultActions") : null;
        return new Listeners.Request(p.string("Protocol").filter(v -> !v.isEmpty()).orElse(null), p.integer("Port").orElse(null),
                p.string("SslPolicy").filter(v -> !v.isEmpty()).orElse(null), certificates(p),
                strings(p, "AlpnPolicy").stream().findFirst().orElse(null), actions, p.keyValues("Tags", "Key", "Value"));
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
        l.defaultCertificateArn().ifPresent(a -> o.putArray("Certificates").addObject().put("CertificateArn", a));
        if (l.sslPolicy() != null) {
            o.put("SslPolicy", l.sslPolicy());
        }
        o.set("DefaultActions", Elbv2ActionShapes.renderActions(l.defaultActions()));
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

    // ---- rules ------------------------------------------------------------------------------------------------

    private static ObjectNode renderRule(ListenerRule r) {
        ObjectNode o = Call.object().put("RuleArn", r.arn()).put("Priority", String.valueOf(r.priority()));
        o.set("Conditions", Elbv2ActionShapes.renderConditions(r.conditions()));
        o.set("Actions", Elbv2ActionShapes.renderActions(r.actions()));
        return o.put("IsDefault", false);
    }

    private static ObjectNode renderDefaultRule(Listener l) {
        ObjectNode o = Call.object().put("RuleArn", l.defaultRuleArn()).put("Priority", "default");
        o.putArray("Conditions");
        o.set("Actions", Elbv2ActionShapes.renderActions(l.defaultActions()));
        return o.put("IsDefault", true);
    }

    private static ObjectNode createRule(Call c) {
        Params p = c.params();
        int priority = p.integer("Priority").orElseThrow(() -> Elbv2Handler.missing("Priority"));
        ListenerRule r = elb(c).listeners().createRule(p.required("ListenerArn"), priority, Elbv2ActionShapes.conditions(p), Elbv2ActionShapes.actions(p, "Actions"),
                p.keyValues("Tags", "Key", "Value"));
        ObjectNode out = Call.object();
        out.putArray("Rules").add(renderRule(r));
        return out;
    }

    private static ObjectNode modifyRule(Call c) {
        Params p = c.params();
        ListenerRule r = elb(c).listeners().modifyRule(p.required("RuleArn"), Elbv2ActionShapes.conditions(p), Elbv2ActionShapes.actions(p, "Actions"));
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
