package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.ecsnet.domain.ecs.EcsErrors.client;
import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * CreateCapacityProvider, UpdateCapacityProvider and DeleteCapacityProvider for Auto Scaling group providers. One
 * group serves at most one provider; managed termination protection needs the group to protect new instances from
 * scale-in; a provider still on a cluster is not deleted but answers {@code DELETE_FAILED} with the reason. Every
 * call validates completely before it changes anything.
 */
public final class AsgCapacityProviders {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    /** What UpdateCapacityProvider may change; an absent member keeps its value. */
    public record Update(Optional<Scaling> managedScaling, Optional<String> managedTerminationProtection, Optional<String> managedDraining) {
    }

    /** managedScaling as sent: absent members take their defaults on create and keep their values on update. */
    public record Scaling(Optional<String> status, Optional<Integer> targetCapacity, Optional<Integer> minimumScalingStepSize,
                   Optional<Integer> maximumScalingStepSize, Optional<Integer> instanceWarmupPeriod) {
        AsgCapacityProvider.Scaling over(AsgCapacityProvider.Scaling base) {
            return new AsgCapacityProvider.Scaling(status.orElse(base.status()), targetCapacity.orElse(base.targetCapacity()),
                    minimumScalingStepSize.orElse(base.minimumScalingStepSize()), maximumScalingStepSize.orElse(base.maximumScalingStepSize()),
                    instanceWarmupPeriod.orElse(base.instanceWarmupPeriod()));
        }
    }

    private final Ecs ecs;
    private final Map<String, AsgCapacityProvider> byName = new LinkedHashMap<>();
    private CapacityGroups groups = CapacityGroups.NONE;

    AsgCapacityProviders(Ecs ecs) {
        this.ecs = ecs;
    }

    void connect(CapacityGroups groups) {
        this.groups = groups;
    }

    CapacityGroups groups() {
        return groups;
    }

    /** Every provider created, INACTIVE ones included. */
    Collection<AsgCapacityProvider> all() {
        return byName.values();
    }

    Optional<AsgCapacityProvider> find(String nameOrArn) {
        return Optional.ofNullable(byName.get(EcsArns.lastSegment(nameOrArn)));
    }

    Optional<AsgCapacityProvider> active(String nameOrArn) {
        return find(nameOrArn).filter(AsgCapacityProvider::isActive);
    }

    /** Restoring a snapshot: a provider as recorded, after those created before it. */
    void restore(AsgCapacityProvider p) {
        byName.put(p.name(), p);
    }

    AsgCapacityProvider create(String name, String groupRef, Scaling scaling, Optional<String> terminationProtection,
                               Optional<String> draining, Map<String, String> tags) {
        if (!NAME.matcher(name).matches()) {
            throw invalidParameter("The capacity provider name can contain up to 255 letters (uppercase and lowercase), numbers, "
                    + "underscores, and hyphens.");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
            // the rule is the API reference's; the wording is ecsnet's
            throw invalidParameter("The capacity provider name cannot be prefixed with \"aws\", \"ecs\", or \"fargate\".");
        }
        if (active(name).isPresent()) {
            throw client("The specified capacity provider already exists. To change the configuration of an existing capacity "
                    + "provider, update the capacity provider.");
        }
        AsgCapacityProvider.Scaling managed = checkScaling(scaling.over(AsgCapacityProvider.Scaling.DEFAULT));
        String protection = checkToggle("managedTerminationProtection", terminationProtection.orElse(AsgCapacityProvider.DISABLED));
        String drain = checkToggle("managedDraining", draining.orElse(AsgCapacityProvider.ENABLED));
        CapacityGroups.Group group = groups.find(groupRef).orElseThrow(() -> invalidParameter(
                "The specified Auto Scaling group ARN is not valid. Specify a valid Auto Scaling group ARN and try again."));
        if (byName.values().stream().anyMatch(p -> p.isActive() && p.groupName().equals(group.name()))) {
            throw client("The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique "
                    + "Auto Scaling group ARN and try again.");
        }
        checkProtection(protection, group);
        EcsTags.check(tags);
        AsgCapacityProvider p = new AsgCapacityProvider(name, ecs.arns().capacityProvider(name), group.name(),
                new AsgCapacityProvider.Settings(groupRef, managed, protection, drain), tags);
        byName.put(name, p);
        groups.tagManaged(group.name());
        return p;
    }

    AsgCapacityProvider update(String nameOrArn, Update u) {
        AsgCapacityProvider p = active(nameOrArn).orElseThrow(AsgCapacityProviders::notFound);
        AsgCapacityProvider.Settings s = p.settings();
        AsgCapacityProvider.Scaling managed = checkScaling(u.managedScaling().map(m -> m.over(s.managedScaling())).orElse(s.managedScaling()));
        String protection = checkToggle("managedTerminationProtection", u.managedTerminationProtection().orElse(s.managedTerminationProtection()));
        String drain = checkToggle("managedDraining", u.managedDraining().orElse(s.managedDraining()));
        if (!protection.equals(s.managedTerminationProtection())) {
            checkProtection(protection, groups.find(p.groupName()).orElseThrow(() -> invalidParameter(
                    "The specified Auto Scaling group ARN is not valid. Specify a valid Auto Scaling group ARN and try again.")));
        }
        p.update(new AsgCapacityProvider.Settings(s.autoScalingGroupArn(), managed, protection, drain));
        return p;
    }

    /** A provider on a cluster stays, with {@code DELETE_FAILED}; otherwise it becomes INACTIVE. */
    AsgCapacityProvider delete(String nameOrArn) {
        AsgCapacityProvider p = active(nameOrArn).orElseThrow(AsgCapacityProviders::notFound);
        Optional<Cluster> on = ecs.clusters().stream().filter(Cluster::isActive).filter(c -> c.capacityProviders().contains(p.name())).findFirst();
        if (on.isPresent()) {
            p.deleteFailed("The capacity provider cannot be deleted because it is associated with cluster: " + on.get().name()
                    + ". Remove the capacity provider from the cluster and try again.");
        } else {
            p.deleted();
        }
        return p;
    }

    static DomainException notFound() {
        return invalidParameter("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
    }

    private static void checkProtection(String protection, CapacityGroups.Group group) {
        if (protection.equals(AsgCapacityProvider.ENABLED) && !group.newInstancesProtectedFromScaleIn()) {
            throw client("The managed termination protection setting for the capacity provider is invalid. To enable managed "
                    + "termination protection for a capacity provider, the Auto Scaling group must have instance protection from "
                    + "scale in enabled.");
        }
    }

    private static AsgCapacityProvider.Scaling checkScaling(AsgCapacityProvider.Scaling s) {
        checkToggle("managedScaling.status", s.status());
        range("managedScaling.targetCapacity", s.targetCapacity(), 1, 100);
        range("managedScaling.minimumScalingStepSize", s.minimumScalingStepSize(), 1, 10_000);
        range("managedScaling.maximumScalingStepSize", s.maximumScalingStepSize(), 1, 10_000);
        range("managedScaling.instanceWarmupPeriod", s.instanceWarmupPeriod(), 0, 10_000);
        if (s.minimumScalingStepSize() > s.maximumScalingStepSize()) {
            // the rule follows from the two members' meaning; the wording is ecsnet's
            throw invalidParameter("The managed scaling minimumScalingStepSize cannot be greater than maximumScalingStepSize.");
        }
        return s;
    }

    private static void range(String member, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalidParameter("1 validation error detected: Value '" + value + "' at 'autoScalingGroupProvider." + member
                    + "' failed to satisfy constraint: Member must have value between " + min + " and " + max);
        }
    }

    private static String checkToggle(String member, String value) {
        if (!value.equals(AsgCapacityProvider.ENABLED) && !value.equals(AsgCapacityProvider.DISABLED)) {
            throw invalidParameter("1 validation error detected: Value '" + value + "' at 'autoScalingGroupProvider." + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]");
        }
        return value;
    }

    /** Whether {@code providers} mixes Auto Scaling group providers with Fargate ones. */
    boolean mixesWithFargate(List<String> providers) {
        boolean asg = providers.stream().anyMatch(n -> active(n).isPresent());
        boolean fargate = providers.stream().anyMatch(n -> n.equals(CapacityProviders.FARGATE) || n.equals(CapacityProviders.FARGATE_SPOT));
        return asg && fargate;
    }
}
