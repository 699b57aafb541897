package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.DomainException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks AWS makes on the actions of a listener (DefaultActions) or rule (Actions), on CreateListener,
 * ModifyListener, CreateRule and ModifyRule: each action's own config, {@code Order}, and the rule that exactly
 * one forward, redirect or fixed-response comes last (authenticate actions before it, on HTTPS listeners only).
 * {@link #check} answers the actions as AWS keeps them: ordered, with AWS's defaults filled in.
 */
final class ListenerActionRules {
    static final List<String> TYPES = List.of(ListenerAction.FORWARD, ListenerAction.AUTHENTICATE_OIDC, ListenerAction.AUTHENTICATE_COGNITO,
            ListenerAction.REDIRECT, ListenerAction.FIXED_RESPONSE, "jwt-validation");
    private static final Set<String> TERMINAL = Set.of(ListenerAction.FORWARD, ListenerAction.REDIRECT, ListenerAction.FIXED_RESPONSE);
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");
    private static final List<String> REDIRECT_CODES = List.of("HTTP_301", "HTTP_302");
    private static final List<String> ON_UNAUTHENTICATED = List.of("deny", "allow", "authenticate");
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([a-z]+)}");
    static final int MAX_STICKINESS_SECONDS = 604_800;
    private static final int MAX_TARGET_GROUPS_PER_ACTION = 5;

    private final Elb elb;

    ListenerActionRules(Elb elb) {
        this.elb = elb;
    }

    /** Where the actions sit: the listener they run on, and the member name AWS's messages use. */
    record Context(LoadBalancer loadBalancer, String protocol, int port, String member, List<ListenerAction> previous) {
    }

    List<ListenerAction> check(Context c, List<ListenerAction> actions) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.validation("At least one action must be specified");
        }
        List<ListenerAction> out = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            out.add(checkOne(c, actions.get(i), c.member() + "." + (i + 1) + ".member"));
        }
        checkOrder(out);
        return out.stream().sorted(Comparator.comparing(a -> a.order() == null ? 0 : a.order())).toList();
    }

    private static void checkOrder(List<ListenerAction> actions) {
        if (actions.size() > 1) {
            Set<Integer> orders = new HashSet<>();
            for (ListenerAction a : actions) {
                if (a.order() == null) {
                    throw ElbErrors.validation("An order must be specified for each action of a rule with more than one action");
                }
                if (!orders.add(a.order())) {
                    throw ElbErrors.validation("Action order '" + a.order() + "' is specified more than once");
                }
            }
        }
        List<ListenerAction> sorted = actions.stream().sorted(Comparator.comparing(a -> a.order() == null ? 0 : a.order())).toList();
        long terminal = sorted.stream().filter(a -> TERMINAL.contains(a.type())).count();
        if (terminal != 1 || !TERMINAL.contains(sorted.get(sorted.size() - 1).type())) {
            throw ElbErrors.invalidAction("Each rule must include exactly one of the following actions: forward, redirect, or fixed-response,"
                    + " and it must be the last action to be performed");
        }
    }

    private ListenerAction checkOne(Context c, ListenerAction a, String path) {
        if (a.type() == null) {
            throw ElbErrors.memberNull(path + ".type");
        }
        if (!TYPES.contains(a.type())) {
            throw ElbErrors.memberEnum(a.type(), path + ".type", TYPES);
        }
        if (a.type().equals("jwt-validation")) {
            throw ElbErrors.unsupported("Action type 'jwt-validation' is not supported by ecsnet");
        }
        if (a.order() != null && a.order() < 1) {
            throw ElbErrors.memberAtLeast(a.order(), path + ".order", 1);
        }
        if (a.order() != null && a.order() > 50_000) {
            throw ElbErrors.memberAtMost(a.order(), path + ".order", 50_000);
        }
        if (!c.loadBalancer().isApplication() && !a.isForward()) {
            throw ElbErrors.validation("Action type '" + a.type() + "' is not supported for network load balancers");
        }
        refuseForeignConfig(a);
        return switch (a.type()) {
            case ListenerAction.FORWARD -> checkForward(c, a);
            case ListenerAction.FIXED_RESPONSE -> checkFixedResponse(a, path + ".fixedResponseConfig");
            case ListenerAction.REDIRECT -> checkRedirect(c, a, path + ".redirectConfig");
            case ListenerAction.AUTHENTICATE_OIDC -> checkOidc(c, a, path + ".authenticateOidcConfig");
            default -> checkCognito(c, a, path + ".authenticateCognitoConfig");
        };
    }

    /** A config that belongs to another action type is refused, as AWS refuses a TargetGroupArn on a redirect. */
    private static void refuseForeignConfig(ListenerAction a) {
        String t = a.type();
        List<String> foreign = new ArrayList<>();
        if (!a.isForward() && a.targetGroupArn() != null) {
            foreign.add("target group ARN");
        }
        if (!a.isForward() && a.forwardConfig() != null) {
            foreign.add("ForwardConfig");
        }
        if (!t.equals(ListenerAction.FIXED_RESPONSE) && a.fixedResponse() != null) {
            foreign.add("FixedResponseConfig");
        }
        if (!t.equals(ListenerAction.REDIRECT) && a.redirect() != null) {
            foreign.add("RedirectConfig");
        }
        if (!t.equals(ListenerAction.AUTHENTICATE_OIDC) && a.authenticateOidc() != null) {
            foreign.add("AuthenticateOidcConfig");
        }
        if (!t.equals(ListenerAction.AUTHENTICATE_COGNITO) && a.authenticateCognito() != null) {
            foreign.add("AuthenticateCognitoConfig");
        }
        if (!foreign.isEmpty()) {
            throw ElbErrors.invalidAction("You cannot specify '" + foreign.get(0) + "' for actions of type '" + t + "'");
        }
    }

    private static DomainException missingConfig(String type, String fields) {
        return ElbErrors.invalidAction("For actions of type '" + type + "', you must specify the following fields: " + fields);
    }

    // ---- forward ----------------------------------------------------------------------------------------------

    private ListenerAction checkForward(Context c, ListenerAction a) {
        List<ListenerAction.WeightedTargetGroup> groups = a.targetGroups();
        if (groups.isEmpty()) {
            throw missingConfig(a.type(), "'TargetGroupArn' or 'ForwardConfig'");
        }
        if (a.targetGroupArn() != null && a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()
                && (a.forwardConfig().targetGroups().size() != 1 || !a.forwardConfig().targetGroups().get(0).targetGroupArn().equals(a.targetGroupArn()))) {
            throw ElbErrors.validation("You cannot specify both a target group ARN and a forward config with a different target group");
        }
        int max = c.loadBalancer().isApplication() ? MAX_TARGET_GROUPS_PER_ACTION : 1;
        if (groups.size() > max) {
            throw ElbErrors.validation("A forward action can have at most '" + max + "' target groups");
        }
        Set<String> seen = new HashSet<>();
        for (ListenerAction.WeightedTargetGroup g : groups) {
            if (g.targetGroupArn() == null || g.targetGroupArn().isEmpty()) {
                throw ElbErrors.validation("A target group ARN must be specified for each target group of a forward action");
            }
            if (!seen.add(g.targetGroupArn())) {
                throw ElbErrors.validation("Target group '" + g.targetGroupArn() + "' is specified more than once in the forward action");
            }
            if (g.weight() != null && (g.weight() < 0 || g.weight() > 999)) {
                throw ElbErrors.validation("Target group weight '" + g.weight() + "' must be between 0 and 999");
            }
            checkTargetGroupFits(c.loadBalancer(), c.protocol(), elb.targetGroups().get(g.targetGroupArn()));
        }
        ListenerAction.Stickiness s = a.stickiness();
        if (s.durationSeconds() != null || s.isEnabled()) {
            if (!c.loadBalancer().isApplication() && s.isEnabled()) {
                throw ElbErrors.validation("Target group stickiness is not supported for network load balancers");
            }
            Integer d = s.durationSeconds();
            if ((s.isEnabled() && d == null) || (d != null && (d < 1 || d > MAX_STICKINESS_SECONDS))) {
                throw ElbErrors.validation("Target group stickiness duration must be between 1 and 604800 seconds");
            }
        }
        return a;
    }

    private void checkTargetGroupFits(LoadBalancer lb, String listenerProtocol, TargetGroup tg) {
        String tgProtocol = tg.protocol().orElse(null);
        if (lb.isApplication()) {
            if (tgProtocol != null && !Listeners.ALB_PROTOCOLS.contains(tgProtocol)) {
                throw ElbErrors.validation("The target group with target group ARN '" + tg.arn() + "' uses protocol '" + tgProtocol
                        + "', which is not compatible with an Application Load Balancer");
            }
        } else if (tgProtocol == null || !Listeners.NLB_PROTOCOLS.contains(tgProtocol)) {
            throw ElbErrors.validation("Listener protocol '" + listenerProtocol + "' is not supported with a target group with the protocol '" + tgProtocol + "'");
        }
        if (tg.vpcId().isPresent() && !tg.vpcId().get().equals(lb.vpcId())) {
            throw ElbErrors.validation("The target group '" + tg.arn() + "' is in a different VPC than the load balancer '" + lb.arn() + "'");
        }
        List<String> others = elb.listeners().loadBalancersForwardingTo(tg.arn()).stream().filter(x -> !x.equals(lb.arn())).toList();
        if (!others.isEmpty()) {
            throw ElbErrors.associationLimit(tg.arn());
        }
    }

    // ---- fixed-response ---------------------------------------------------------------------------------------

    private static ListenerAction checkFixedResponse(ListenerAction a, String path) {
        ListenerAction.FixedResponse f = a.fixedResponse();
        if (f == null) {
            throw missingConfig(a.type(), "'FixedResponseConfig'");
        }
        if (f.statusCode() == null) {
            throw ElbErrors.memberNull(path + ".statusCode");
        }
        if (!f.statusCode().matches("^(2|4|5)\\d\\d$")) {
            throw ElbErrors.memberPattern(f.statusCode(), path + ".statusCode", "^(2|4|5)\\d\\d$");
        }
        if (f.contentType() != null && !CONTENT_TYPES.contains(f.contentType())) {
            throw ElbErrors.invalidAction("The ContentType must be one of:'text/html', 'application/json', 'application/javascript', 'text/css', 'text/plain'");
        }
        if (f.messageBody() != null && f.messageBody().length() > 1024) {
            throw ElbErrors.memberLength(f.messageBody(), path + ".messageBody", 0, 1024);
        }
        return a;
    }

    // ---- redirect ---------------------------------------------------------------------------------------------

    private static ListenerAction checkRedirect(Context c, ListenerAction a, String path) {
        ListenerAction.Redirect r = a.redirect();
        if (r == null) {
            throw missingConfig(a.type(), "'RedirectConfig'");
        }
        if (r.statusCode() == null) {
            throw ElbErrors.memberNull(path + ".statusCode");
        }
        if (!REDIRECT_CODES.contains(r.statusCode())) {
            throw ElbErrors.memberEnum(r.statusCode(), path + ".statusCode", REDIRECT_CODES);
        }
        String protocol = orDefault(r.protocol(), "#{protocol}");
        if (!protocol.matches("^(HTTPS?|#\\{protocol\\})$")) {
            throw ElbErrors.memberPattern(protocol, path + ".protocol", "^(HTTPS?|#\\{protocol\\})$");
        }
        if (protocol.equals("HTTP") && "HTTPS".equals(c.protocol())) {
            throw ElbErrors.invalidAction("You cannot redirect HTTPS to HTTP");
        }
        String port = orDefault(r.port(), "#{port}");
        if (!port.equals("#{port}") && !isPort(port)) {
            throw ElbErrors.invalidAction("The Port parameter must be a valid port number between 1 and 65535, or '#{port}'");
        }
        String host = orDefault(r.host(), "#{host}");
        if (host.length() > 128 || !placeholdersAllowed(host, Set.of("host"))) {
            throw ElbErrors.invalidAction("The Host parameter must be a valid host name of up to 128 characters"
                    + " and may contain up to one of this placeholder: '#{host}'.");
        }
        String redirectPath = orDefault(r.path(), "/#{path}");
        if (!redirectPath.startsWith("/") || redirectPath.length() > 128 || !placeholdersAllowed(redirectPath, Set.of("path", "host", "port"))) {
            throw ElbErrors.invalidAction("The Path parameter must be a valid path, should start with a '/'"
                    + " and may contain up to one of each of these placeholders: '#{path}', '#{host}', '#{port}'.");
        }
        String query = r.query() == null ? "#{query}" : r.query();
        if (query.length() > 128) {
            throw ElbErrors.memberLength(query, path + ".query", 0, 128);
        }
        boolean sameProtocol = protocol.equals("#{protocol}") || protocol.equals(c.protocol());
        boolean samePort = port.equals("#{port}") || port.equals(String.valueOf(c.port()));
        if (sameProtocol && samePort && host.equals("#{host}") && redirectPath.equals("/#{path}")) {
            throw ElbErrors.invalidAction("The redirect configuration is not valid because it creates a loop.");
        }
        return a.withRedirect(new ListenerAction.Redirect(protocol, port, host, redirectPath, query, r.statusCode()));
    }

    private static boolean isPort(String s) {
        if (!s.matches("\\d{1,5}")) {
            return false;
        }
        int p = Integer.parseInt(s);
        return p >= 1 && p <= 65535;
    }

    /** Every placeholder is one of {@code allowed}, and each at most once. */
    private static boolean placeholdersAllowed(String value, Set<String> allowed) {
        if (value.isEmpty()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!allowed.contains(m.group(1)) || !seen.add(m.group(1))) {
                return false;
            }
        }
        return true;
    }

    // ---- authenticate -----------------------------------------------------------------------------------------

    private static void requireHttps(Context c, String type) {
        if (!"HTTPS".equals(c.protocol())) {
            throw ElbErrors.invalidAction("Actions of type '" + type + "' are supported only on HTTPS listeners");
        }
    }

    private static ListenerAction checkOidc(Context c, ListenerAction a, String path) {
        ListenerAction.AuthenticateOidc o = a.authenticateOidc();
        if (o == null) {
            throw missingConfig(a.type(), "'AuthenticateOidcConfig'");
        }
        requireHttps(c, a.type());
        requireHttpsUrl(o.issuer(), path + ".issuer", "Issuer");
        requireHttpsUrl(o.authorizationEndpoint(), path + ".authorizationEndpoint", "AuthorizationEndpoint");
        requireHttpsUrl(o.tokenEndpoint(), path + ".tokenEndpoint", "TokenEndpoint");
        requireHttpsUrl(o.userInfoEndpoint(), path + ".userInfoEndpoint", "UserInfoEndpoint");
        if (o.clientId() == null) {
            throw ElbErrors.memberNull(path + ".clientId");
        }
        boolean useExisting = Boolean.TRUE.equals(o.useExistingClientSecret());
        if (useExisting && o.clientSecret() != null) {
            throw ElbErrors.invalidAction("You cannot both specify a client secret and set UseExistingClientSecret to true");
        }
        String secret = o.clientSecret();
        if (useExisting) {
            secret = c.previous().stream().map(ListenerAction::authenticateOidc).filter(Objects::nonNull)
                    .map(ListenerAction.AuthenticateOidc::clientSecret).filter(Objects::nonNull).findFirst()
                    .orElseThrow(() -> ElbErrors.invalidAction("UseExistingClientSecret is set, but there is no existing client secret to use"));
        }
        if (secret == null) {
            throw ElbErrors.invalidAction("A client secret must be specified for actions of type 'authenticate-oidc'"
                    + " unless UseExistingClientSecret is set to true");
        }
        Common common = common(o.sessionCookieName(), o.scope(), o.sessionTimeout(), o.extraParams().size(), o.onUnauthenticatedRequest(), path);
        return a.withAuthenticateOidc(new ListenerAction.AuthenticateOidc(o.issuer(), o.authorizationEndpoint(), o.tokenEndpoint(),
                o.userInfoEndpoint(), o.clientId(), secret, common.cookie(), common.scope(), common.timeout(), o.extraParams(),
                common.onUnauthenticated(), null));
    }

    private static ListenerAction checkCognito(Context c, ListenerAction a, String path) {
        ListenerAction.AuthenticateCognito g = a.authenticateCognito();
        if (g == null) {
            throw missingConfig(a.type(), "'AuthenticateCognitoConfig'");
        }
        requireHttps(c, a.type());
        if (g.userPoolArn() == null) {
            throw ElbErrors.memberNull(path + ".userPoolArn");
        }
        if (g.userPoolClientId() == null) {
            throw ElbErrors.memberNull(path + ".userPoolClientId");
        }
        if (g.userPoolDomain() == null) {
            throw ElbErrors.memberNull(path + ".userPoolDomain");
        }
        if (!g.userPoolArn().matches("arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\\d{12}:userpool/.+")) {
            throw ElbErrors.invalidAction("The user pool ARN '" + g.userPoolArn() + "' is not valid");
        }
        Common common = common(g.sessionCookieName(), g.scope(), g.sessionTimeout(), g.extraParams().size(), g.onUnauthenticatedRequest(), path);
        return a.withAuthenticateCognito(new ListenerAction.AuthenticateCognito(g.userPoolArn(), g.userPoolClientId(), g.userPoolDomain(),
                common.cookie(), common.scope(), common.timeout(), g.extraParams(), common.onUnauthenticated()));
    }

    private static void requireHttpsUrl(String value, String path, String member) {
        if (value == null) {
            throw ElbErrors.memberNull(path);
        }
        if (!value.matches("https://[^\\s/?#]+(/\\S*)?")) {
            throw ElbErrors.invalidAction("The " + member + " '" + value + "' must be a full URL that uses HTTPS");
        }
    }

    /** The members both authenticate configs share, with AWS's defaults. */
    private record Common(String cookie, String scope, long timeout, String onUnauthenticated) {
    }

    private static Common common(String cookie, String scope, Long timeout, int extraParams, String onUnauthenticated, String path) {
        if (timeout != null && (timeout < 1 || timeout > MAX_STICKINESS_SECONDS)) {
            throw ElbErrors.invalidAction("The session timeout must be between 1 and 604800 seconds");
        }
        if (extraParams > 10) {
            throw ElbErrors.invalidAction("You can specify at most 10 authentication request extra parameters");
        }
        if (onUnauthenticated != null && !ON_UNAUTHENTICATED.contains(onUnauthenticated)) {
            throw ElbErrors.memberEnum(onUnauthenticated, path + ".onUnauthenticatedRequest", ON_UNAUTHENTICATED);
        }
        return new Common(orDefault(cookie, "AWSELBAuthSessionCookie"), orDefault(scope, "openid"),
                timeout == null ? MAX_STICKINESS_SECONDS : timeout, orDefault(onUnauthenticated, "authenticate"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
