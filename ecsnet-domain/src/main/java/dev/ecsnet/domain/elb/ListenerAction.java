package dev.ecsnet.domain.elb;

import java.util.List;
import java.util.Map;

/**
 * One action of a listener or rule, as the caller gave it: {@code forward} (TargetGroupArn and/or ForwardConfig),
 * {@code fixed-response}, {@code redirect}, {@code authenticate-oidc} or {@code authenticate-cognito}. Each config is
 * null when the caller sent none; {@code order} is null when the caller gave none. {@link ListenerActionRules} checks
 * a list of them and fills AWS's defaults in.
 */
public record ListenerAction(String type, Integer order, String targetGroupArn, ForwardConfig forwardConfig,
                             FixedResponse fixedResponse, Redirect redirect, AuthenticateOidc authenticateOidc,
                             AuthenticateCognito authenticateCognito) {

    public static final String FORWARD = "forward";
    public static final String FIXED_RESPONSE = "fixed-response";
    public static final String REDIRECT = "redirect";
    public static final String AUTHENTICATE_OIDC = "authenticate-oidc";
    public static final String AUTHENTICATE_COGNITO = "authenticate-cognito";

    /** A forward to one target group, as {@code TargetGroupArn} alone. */
    public static ListenerAction forward(String targetGroupArn) {
        return new ListenerAction(FORWARD, null, targetGroupArn, null, null, null, null, null);
    }

    public record WeightedTargetGroup(String targetGroupArn, Integer weight) {
    }

    /** {@code TargetGroupStickinessConfig}; both members may be absent. */
    public record Stickiness(Boolean enabled, Integer durationSeconds) {
        public boolean isEnabled() {
            return Boolean.TRUE.equals(enabled);
        }
    }

    public record ForwardConfig(List<WeightedTargetGroup> targetGroups, Stickiness stickiness) {
        public ForwardConfig {
            targetGroups = List.copyOf(targetGroups);
        }
    }

    public record FixedResponse(String statusCode, String contentType, String messageBody) {
    }

    public record Redirect(String protocol, String port, String host, String path, String query, String statusCode) {
    }

    /** {@code AuthenticateOidcConfig}; {@code clientSecret} is kept but never answered, as on AWS. */
    public record AuthenticateOidc(String issuer, String authorizationEndpoint, String tokenEndpoint, String userInfoEndpoint,
                                   String clientId, String clientSecret, String sessionCookieName, String scope,
                                   Long sessionTimeout, Map<String, String> extraParams, String onUnauthenticatedRequest,
                                   Boolean useExistingClientSecret) {
        public AuthenticateOidc {
            extraParams = Map.copyOf(extraParams);
        }
    }

    public record AuthenticateCognito(String userPoolArn, String userPoolClientId, String userPoolDomain, String sessionCookieName,
                                      String scope, Long sessionTimeout, Map<String, String> extraParams,
                                      String onUnauthenticatedRequest) {
        public AuthenticateCognito {
            extraParams = Map.copyOf(extraParams);
        }
    }

    public boolean isForward() {
        return FORWARD.equals(type);
    }

    public boolean isAuthenticate() {
        return AUTHENTICATE_OIDC.equals(type) || AUTHENTICATE_COGNITO.equals(type);
    }

    /** The target groups a forward sends to: its ForwardConfig's, else its TargetGroupArn (weight unset). */
    public List<WeightedTargetGroup> targetGroups() {
        if (forwardConfig != null && !forwardConfig.targetGroups().isEmpty()) {
            return forwardConfig.targetGroups();
        }
        return targetGroupArn == null ? List.of() : List.of(new WeightedTargetGroup(targetGroupArn, null));
    }

    /** The forward's stickiness (never null: absent means disabled). */
    public Stickiness stickiness() {
        return forwardConfig != null && forwardConfig.stickiness() != null ? forwardConfig.stickiness() : new Stickiness(false, null);
    }

    ListenerAction withOrder(Integer value) {
        return new ListenerAction(type, value, targetGroupArn, forwardConfig, fixedResponse, redirect, authenticateOidc, authenticateCognito);
    }

    ListenerAction withRedirect(Redirect value) {
        return new ListenerAction(type, order, targetGroupArn, forwardConfig, fixedResponse, value, authenticateOidc, authenticateCognito);
    }

    ListenerAction withAuthenticateOidc(AuthenticateOidc value) {
        return new ListenerAction(type, order, targetGroupArn, forwardConfig, fixedResponse, redirect, value, authenticateCognito);
    }

    ListenerAction withAuthenticateCognito(AuthenticateCognito value) {
        return new ListenerAction(type, order, targetGroupArn, forwardConfig, fixedResponse, redirect, authenticateOidc, value);
    }
}
