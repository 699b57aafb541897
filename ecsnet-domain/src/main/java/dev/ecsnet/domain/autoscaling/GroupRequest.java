package dev.ecsnet.domain.autoscaling;

import java.util.List;
import java.util.Map;

/**
 * A CreateAutoScalingGroup or UpdateAutoScalingGroup request in domain terms. A null field was not given: on
 * create it takes AWS's default, on update it keeps the group's value. {@code extras} are the stored-only members
 * of {@link GroupSettings#extras()} that were given (an update replaces each one given).
 */
public record GroupRequest(String name, Integer minSize, Integer maxSize, Integer desiredCapacity, LaunchTemplateSpec launchTemplate,
                           String vpcZoneIdentifier, List<String> availabilityZones, List<String> availabilityZoneIds, String healthCheckType,
                           Integer healthCheckGracePeriod, Integer defaultCooldown, Integer defaultInstanceWarmup,
                           Boolean newInstancesProtectedFromScaleIn, Boolean capacityRebalance, List<String> terminationPolicies,
                           List<LifecycleHookSpec> lifecycleHooks, List<GroupTag> tags, String serviceLinkedRoleArn, Map<String, Object> extras) {
    public GroupRequest {
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }
}
