package dev.ecsnet.domain.autoscaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about a group that UpdateAutoScalingGroup replaces, besides its sizes. {@code extras} holds members
 * AWS stores and answers but ecsnet gives no further meaning ({@code Context}, {@code DesiredCapacityType},
 * {@code MaxInstanceLifetime}, {@code InstanceMaintenancePolicy}, {@code AvailabilityZoneDistribution},
 * {@code AvailabilityZoneImpairmentPolicy}, {@code CapacityReservationSpecification}, {@code InstanceLifecyclePolicy})
 * and {@code DeletionProtection}, which DeleteAutoScalingGroup honours; keyed by member name, values as parsed.
 */
public record GroupSettings(LaunchTemplateSpec launchTemplate, List<String> subnetIds, List<String> availabilityZones, String healthCheckType,
                            int healthCheckGracePeriod, int defaultCooldown, Integer defaultInstanceWarmup, boolean newInstancesProtectedFromScaleIn,
                            boolean capacityRebalance, List<String> terminationPolicies, List<LifecycleHookSpec> lifecycleHooks,
                            String serviceLinkedRoleArn, Map<String, Object> extras) {
    public static final String DELETION_PROTECTION = "DeletionProtection";

    public GroupSettings {
        subnetIds = List.copyOf(subnetIds);
        availabilityZones = List.copyOf(availabilityZones);
        terminationPolicies = List.copyOf(terminationPolicies);
        lifecycleHooks = List.copyOf(lifecycleHooks);
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** The {@code VPCZoneIdentifier} as AWS answers it: the subnets joined by commas; empty without subnets. */
    public Optional<String> vpcZoneIdentifier() {
        return subnetIds.isEmpty() ? Optional.empty() : Optional.of(String.join(",", subnetIds));
    }

    public Optional<Integer> instanceWarmup() {
        return Optional.ofNullable(defaultInstanceWarmup);
    }

    /** {@code none}, {@code prevent-force-deletion} or {@code prevent-all-deletion}. */
    public String deletionProtection() {
        Object v = extras.get(DELETION_PROTECTION);
        return v == null ? "none" : v.toString();
    }
}
