package dev.ecsnet.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.elb.ListenerAction;
import dev.ecsnet.domain.elb.RuleCondition;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ecsnet.api.elbv2.Elbv2Handler.strings;

/**
 * Listener actions and rule conditions between AWS's wire shapes and the domain's records. Parsing keeps what the
 * caller sent (absent configs stay null) so that the domain can check it as AWS does; rendering answers what AWS
 * answers (no OIDC client secret, a forward's ForwardConfig with weights and stickiness).
 */
final class Elbv2ActionShapes {
    private static final Map<String, String> CONFIG_FIELDS = Map.of("host-header", "HostHeaderConfig", "path-pattern", "PathPatternConfig",
            "http-header", "HttpHeaderConfig", "http-request-method", "HttpRequestMethodConfig", "query-string", "QueryStringConfig",
            "source-ip", "SourceIpConfig");

    private Elbv2ActionShapes() {
    }

    /** A string member, with the empty string a client sends for an unset member read as absent. */
    private static String text(Params p, String name) {
        return p.string(name).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static Long longValue(Params p, String name) {
        Optional<String> s = p.string(name).filter(v -> !v.isEmpty());
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(s.get().trim());
        } catch (NumberFormatException e) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + s.get() + "' at '"
                    + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "' failed to satisfy constraint: Member must be a number");
        }
    }

    /** A map member ({@code Name.entry.N.key/value}, folded to a list of key/value structures). */
    private static Map<String, String> map(Params p, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Params e : p.list(name)) {
            out.put(e.string("key").orElse(""), e.string("value").orElse(""));
        }
        return out;
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    static List<ListenerAction> actions(Params p, String field) {
        List<ListenerAction> out = new ArrayList<>();
        for (Params a : p.list(field)) {
            if (a.has("JwtValidationConfig")) {
                throw AwsError.badRequest("ValidationError", "JWT validation actions (JwtValidationConfig) are not supported by ecsnet");
            }
            out.add(new ListenerAction(text(a, "Type"), a.integer("Order").orElse(null), text(a, "TargetGroupArn"),
                    a.has("ForwardConfig") ? forwardConfig(a.child("ForwardConfig")) : null,
                    a.has("FixedResponseConfig") ? fixedResponse(a.child("FixedResponseConfig")) : null,
                    a.has("RedirectConfig") ? redirect(a.child("RedirectConfig")) : null,
                    a.has("AuthenticateOidcConfig") ? oidc(a.child("AuthenticateOidcConfig")) : null,
                    a.has("AuthenticateCognitoConfig") ? cognito(a.child("AuthenticateCognitoConfig")) : null));
        }
        return out;
    }

    private static ListenerAction.ForwardConfig forwardConfig(Params fc) {
        List<ListenerAction.WeightedTargetGroup> groups = new ArrayList<>();
        for (Params t : fc.list("TargetGroups")) {
            groups.add(new ListenerAction.WeightedTargetGroup(text(t, "TargetGroupArn"), t.integer("Weight").orElse(null)));
        }
        ListenerAction.Stickiness stickiness = null;
        if (fc.has("TargetGroupStickinessConfig")) {
            Params s = fc.child("TargetGroupStickinessConfig");
            stickiness = new ListenerAction.Stickiness(s.bool("Enabled").orElse(null), s.integer("DurationSeconds").orElse(null));
        }
        return new ListenerAction.ForwardConfig(groups, stickiness);
    }

    private static ListenerAction.FixedResponse fixedResponse(Params f) {
        return new ListenerAction.FixedResponse(text(f, "StatusCode"), text(f, "ContentType"), text(f, "MessageBody"));
    }

    private static ListenerAction.Redirect redirect(Params r) {
        return new ListenerAction.Redirect(text(r, "Protocol"), text(r, "Port"), text(r, "Host"), text(r, "Path"),
                r.string("Query").orElse(null), text(r, "StatusCode"));
    }

    private static ListenerAction.AuthenticateOidc oidc(Params o) {
        return new ListenerAction.AuthenticateOidc(text(o, "Issuer"), text(o, "AuthorizationEndpoint"), text(o, "TokenEndpoint"),
                text(o, "UserInfoEndpoint"), text(o, "ClientId"), text(o, "ClientSecret"), text(o, "SessionCookieName"), text(o, "Scope"),
                longValue(o, "SessionTimeout"), map(o, "AuthenticationRequestExtraParams"), text(o, "OnUnauthenticatedRequest"),
                o.bool("UseExistingClientSecret").orElse(null));
    }

    private static ListenerAction.AuthenticateCognito cognito(Params g) {
        return new ListenerAction.AuthenticateCognito(text(g, "UserPoolArn"), text(g, "UserPoolClientId"), text(g, "UserPoolDomain"),
                text(g, "SessionCookieName"), text(g, "Scope"), longValue(g, "SessionTimeout"), map(g, "AuthenticationRequestExtraParams"),
                text(g, "OnUnauthenticatedRequest"));
    }

    static ArrayNode renderActions(List<ListenerAction> actions) {
        ArrayNode list = Call.object().arrayNode();
        for (ListenerAction a : actions) {
            ObjectNode o = list.addObject().put("Type", a.type());
            if (a.isForward()) {
                renderForward(o, a);
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
            if (a.authenticateOidc() != null) {
                ListenerAction.AuthenticateOidc c = a.authenticateOidc();
                ObjectNode n = o.putObject("AuthenticateOidcConfig").put("Issuer", c.issuer()).put("AuthorizationEndpoint", c.authorizationEndpoint())
                        .put("TokenEndpoint", c.tokenEndpoint()).put("UserInfoEndpoint", c.userInfoEndpoint()).put("ClientId", c.clientId());
                renderSession(n, c.sessionCookieName(), c.scope(), c.sessionTimeout(), c.extraParams(), c.onUnauthenticatedRequest());
            }
            if (a.authenticateCognito() != null) {
                ListenerAction.AuthenticateCognito c = a.authenticateCognito();
                ObjectNode n = o.putObject("AuthenticateCognitoConfig").put("UserPoolArn", c.userPoolArn())
                        .put("UserPoolClientId", c.userPoolClientId()).put("UserPoolDomain", c.userPoolDomain());
                renderSession(n, c.sessionCookieName(), c.scope(), c.sessionTimeout(), c.extraParams(), c.onUnauthenticatedRequest());
            }
            if (a.order() != null) {
                o.put("Order", a.order());
            }
        }
        return list;
    }

    /** A forward answers its ForwardConfig (weights default to 1, stickiness to disabled) and, for one group, TargetGroupArn. */
    private static void renderForward(ObjectNode o, ListenerAction a) {
        List<ListenerAction.WeightedTargetGroup> groups = a.targetGroups();
        if (groups.size() == 1) {
            o.put("TargetGroupArn", groups.get(0).targetGroupArn());
        }
        ObjectNode fc = o.putObject("ForwardConfig");
        ArrayNode tgs = fc.putArray("TargetGroups");
        groups.forEach(t -> tgs.addObject().put("TargetGroupArn", t.targetGroupArn()).put("Weight", t.weight() == null ? 1 : t.weight()));
        ListenerAction.Stickiness s = a.stickiness();
        ObjectNode st = fc.putObject("TargetGroupStickinessConfig").put("Enabled", s.isEnabled());
        if (s.durationSeconds() != null) {
            st.put("DurationSeconds", s.durationSeconds());
        }
    }

    private static void renderSession(ObjectNode n, String cookie, String scope, Long timeout, Map<String, String> extra, String onUnauthenticated) {
        n.put("SessionCookieName", cookie).put("Scope", scope).put("SessionTimeout", timeout);
        if (!extra.isEmpty()) {
            // a query-protocol map: <AuthenticationRequestExtraParams><entry><key/><value/></entry>...
            ArrayNode entries = n.putObject("AuthenticationRequestExtraParams").putArray("entry");
            extra.forEach((k, v) -> entries.addObject().put("key", k).put("value", v));
        }
        n.put("OnUnauthenticatedRequest", onUnauthenticated);
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    // ---- conditions -------------------------------------------------------------------------------------------

    static List<RuleCondition> conditions(Params p) {
        List<RuleCondition> out = new ArrayList<>();
        for (Params c : p.list("Conditions")) {
            String field = text(c, "Field");
            Set<String> configs = new LinkedHashSet<>();
            CONFIG_FIELDS.values().stream().filter(c::has).forEach(configs::add);
            boolean regex = c.has("RegexValues") || c.child("HostHeaderConfig").has("RegexValues")
                    || c.child("PathPatternConfig").has("RegexValues") || c.child("HttpHeaderConfig").has("RegexValues");
            String own = CONFIG_FIELDS.get(field);
            Params cfg = own == null ? c.child("-") : c.child(own);
            List<RuleCondition.QueryString> qs = new ArrayList<>();
            if ("query-string".equals(field)) {
                cfg.list("Values").forEach(kv -> qs.add(new RuleCondition.QueryString(text(kv, "Key"), text(kv, "Value"))));
            }
            List<String> values = "query-string".equals(field) ? List.of() : strings(cfg, "Values");
            out.add(new RuleCondition(field, values, "http-header".equals(field) ? text(cfg, "HttpHeaderName") : null, qs,
                    strings(c, "Values"), configs, regex));
        }
        return out;
    }

    static ArrayNode renderConditions(List<RuleCondition> conditions) {
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
}
