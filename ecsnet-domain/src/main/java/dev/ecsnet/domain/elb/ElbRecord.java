package dev.ecsnet.domain.elb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Elastic Load Balancing v2 of one account in one region, as plain data (see docs/design-state.md, "Snapshot
 * records"). Every list is in the aggregate's own order (creation order; targets in registration order). Load
 * balancer state and target health are not stored: they follow from {@code activeAt}, {@code registeredAt},
 * {@code drainingUntil}, the clock and the network when read. The ENIs of the load balancer nodes are Network's;
 * this record only names them.
 *
 * @param defaultRuleTags tags given to listeners' default rules, by rule ARN (AWS keeps no other state for them)
 */
public record ElbRecord(List<LoadBalancerRecord> loadBalancers, List<ListenerRecord> listeners, List<RuleRecord> rules,
                        List<TargetGroupRecord> targetGroups, Map<String, Map<String, String>> defaultRuleTags) {

    /** {@code activeAt} is when {@code provisioning} turns {@code active}; attributes and tags keep their order. */
    public record LoadBalancerRecord(String arn, String name, String type, String scheme, String vpcId, String dnsName,
                                     String canonicalHostedZoneId, Instant createdTime, Instant activeAt, String ipAddressType,
                                     List<NodeRecord> nodes, List<String> securityGroups, Map<String, String> attributes,
                                     Map<String, String> tags) {
    }

    /** One load balancer node: its subnet and zone, and the ENI (in Network) holding its address. */
    public record NodeRecord(String subnetId, String zoneName, String networkInterfaceId, String privateIpv4Address) {
    }

    /** {@code sslPolicy}, {@code defaultCertificateArn} and {@code alpnPolicy} are null when unset. */
    public record ListenerRecord(String arn, String loadBalancerArn, String protocol, int port, String sslPolicy,
                                 String defaultCertificateArn, List<String> additionalCertificateArns, String alpnPolicy,
                                 List<ActionRecord> defaultActions, String defaultRuleArn, Map<String, String> attributes,
                                 Map<String, String> tags) {
    }

    /** A non-default rule of a listener. */
    public record RuleRecord(String arn, String listenerArn, int priority, List<ConditionRecord> conditions,
                             List<ActionRecord> actions, Map<String, String> tags) {
    }

    /** One action as checked and stored; each config is null when the action has none, {@code order} when unset. */
    public record ActionRecord(String type, Integer order, String targetGroupArn, ForwardRecord forwardConfig,
                               FixedResponseRecord fixedResponse, RedirectRecord redirect, OidcRecord authenticateOidc,
                               CognitoRecord authenticateCognito) {
    }

    /** {@code stickiness} is null when the caller gave none. */
    public record ForwardRecord(List<WeightedTargetGroupRecord> targetGroups, StickinessRecord stickiness) {
    }

    public record WeightedTargetGroupRecord(String targetGroupArn, Integer weight) {
    }

    public record StickinessRecord(Boolean enabled, Integer durationSeconds) {
    }

    public record FixedResponseRecord(String statusCode, String contentType, String messageBody) {
    }

    public record RedirectRecord(String protocol, String port, String host, String path, String query, String statusCode) {
    }

    /** The client secret is kept, as the listener keeps it (it is never answered). */
    public record OidcRecord(String issuer, String authorizationEndpoint, String tokenEndpoint, String userInfoEndpoint,
                             String clientId, String clientSecret, String sessionCookieName, String scope, Long sessionTimeout,
                             Map<String, String> extraParams, String onUnauthenticatedRequest, Boolean useExistingClientSecret) {
    }

    public record CognitoRecord(String userPoolArn, String userPoolClientId, String userPoolDomain, String sessionCookieName,
                                String scope, Long sessionTimeout, Map<String, String> extraParams,
                                String onUnauthenticatedRequest) {
    }

    /**
     * One rule condition as checked and stored; {@code configs} (the config members the caller sent) is an
     * unordered set in the rule, so it is listed in name order.
     */
    public record ConditionRecord(String field, List<String> values, String httpHeaderName, List<QueryStringRecord> queryStrings,
                                  List<String> legacyValues, List<String> configs, boolean regexValues) {
    }

    /** {@code key} is null when the condition matches the value under any key. */
    public record QueryStringRecord(String key, String value) {
    }

    /** {@code protocol}, {@code protocolVersion}, {@code port} and {@code vpcId} are null where the group has none. */
    public record TargetGroupRecord(String arn, String name, String targetType, String protocol, String protocolVersion,
                                    Integer port, String vpcId, String ipAddressType, HealthCheckRecord healthCheck,
                                    Map<String, String> attributes, Map<String, String> tags, List<TargetRecord> targets) {
    }

    public record HealthCheckRecord(boolean enabled, String protocol, String port, String path, int intervalSeconds,
                                    int timeoutSeconds, int healthyThresholdCount, int unhealthyThresholdCount, String matcher,
                                    String grpcMatcher) {
    }

    /**
     * A registered target; {@code drainingUntil} is null until it is deregistered. A target whose draining is over
     * but that no change to its group has dropped yet is still here, as in the group.
     */
    public record TargetRecord(String id, int port, String availabilityZone, Instant registeredAt, Instant drainingUntil) {
    }
}
