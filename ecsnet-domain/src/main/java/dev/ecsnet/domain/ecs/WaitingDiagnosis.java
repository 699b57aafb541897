package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ecs.placement.CapacityCalculator;

import java.util.Optional;

/**
 * Explains a task waiting in PROVISIONING for its Auto Scaling group provider: what binds (the resource that
 * limits tasks per instance, e.g. ENI slots on a t3.medium: 2 per instance), the provider's target and the group's
 * current, desired and maximum size, "max size reached" when growing the group cannot help, and the fix (with the
 * instance type that takes most tasks with trunking, e.g. "enable awsvpcTrunking: a c5.large then takes 10 tasks").
 * Reads only.
 */
final class WaitingDiagnosis {
    private final Ecs ecs;

    WaitingDiagnosis(Ecs ecs) {
        this.ecs = ecs;
    }

    Optional<Diagnoser.Finding> explain(Task t) {
        if (!t.isWaitingForCapacity()) {
            return Optional.empty();
        }
        String subject = "task " + t.id();
        String name = t.spec().capacityProviderName();
        Optional<AsgCapacityProvider> p = ecs.capacityProviders().groupProvider(name);
        Optional<CapacityGroups.Group> g = p.flatMap(x -> ecs.capacityProviders().groupsPort().find(x.groupName()));
        if (p.isEmpty() || g.isEmpty()) {
            return Optional.of(new Diagnoser.Finding(subject, Diagnoser.BLOCKED, name, "waits in PROVISIONING for capacity provider " + name
                    + ", whose Auto Scaling group no longer exists: give the cluster a provider with a group"));
        }
        CapacityGroups.Group group = g.get();
        AsgCapacityProvider.Scaling s = p.get().settings().managedScaling();
        StringBuilder b = new StringBuilder("waits in PROVISIONING for capacity provider ").append(name)
                .append(" (managed scaling ").append(s.status()).append(", target ").append(s.targetCapacity()).append("%): group ")
                .append(group.name()).append(" has ").append(group.members().size()).append(" instance(s), desired ")
                .append(group.desiredCapacity()).append(", max ").append(group.maxSize());
        Optional<InstanceType> type = group.launchInstanceType().flatMap(InstanceTypes::find).filter(InstanceType::hasKnownSize);
        Optional<CapacityCalculator.Answer> per = type.map(x -> ecs.capacityProviders().scaling().perInstance(x, t.spec().taskDefinition()));
        per.ifPresent(a -> b.append("; one ").append(type.get().name()).append(" takes ").append(a.tasks()).append(" task(s) of ")
                .append(t.spec().taskDefinition().family()).append(':').append(t.spec().taskDefinition().revision())
                .append(" (").append(a.binding().resource()).append("-bound: ").append(a.binding().why()).append(')'));
        boolean atMax = group.desiredCapacity() >= group.maxSize();
        if (atMax) {
            b.append("; max size reached: growing the group cannot help, raise its MaxSize");
        } else if (!s.enabled()) {
            b.append("; managed scaling is off, so nothing grows the group: enable it or set the group's desired capacity");
        } else if (per.map(a -> a.tasks() == 0).orElse(false)) {
            b.append("; no instance of this type can take the task: use a larger instance type in the launch template");
        }
        per.filter(a -> a.binding().resource().equals("ENI")).flatMap(a -> trunkingFix(type.get(), t.spec().taskDefinition(), a)).ifPresent(fix -> b.append("; fix: ").append(fix));
        return Optional.of(new Diagnoser.Finding(subject, atMax ? Diagnoser.BLOCKED : Diagnoser.WARNING, group.arn(), b.toString()));
    }

    /** With the ENI limit binding: trunking on the group's type if it can trunk, else on {@link CapacityCalculator#TRUNKING_EXAMPLE}. */
    private Optional<String> trunkingFix(InstanceType type, TaskDefinition td, CapacityCalculator.Answer now) {
        boolean on = "enabled".equals(ecs.accountSetting(ecs.arns().rootPrincipal(), "awsvpcTrunking"));
        InstanceType target = type.supportsTrunking() ? type : InstanceTypes.find(CapacityCalculator.TRUNKING_EXAMPLE).orElseThrow();
        if (on && type.supportsTrunking()) {
            return Optional.empty();
        }
        int with = ManagedScaling.perInstance(target, td, true).tasks();
        String how = on ? "" : "enable awsvpcTrunking (aws ecs put-account-setting-default --name awsvpcTrunking --value enabled)";
        String where = target == type ? "" : (how.isEmpty() ? "" : " and ") + "launch " + target.name() + " from the template ("
                + type.name() + " does not support trunking)";
        return Optional.of(how + where + ": a " + target.name() + " then takes " + with + " tasks (" + now.tasks() + " per " + type.name()
                + " now); instances registered before keep their ENI limit");
    }
}
