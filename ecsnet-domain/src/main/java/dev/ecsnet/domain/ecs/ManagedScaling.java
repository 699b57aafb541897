package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ecs.placement.CapacityCalculator;
import dev.ecsnet.domain.ecs.placement.TaskNeeds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ECS cluster auto scaling for Auto Scaling group providers, on timers: while a provider's group is not where its
 * tasks want it (tasks wait for capacity, or instances stand empty), an evaluation runs every metric period and
 * computes {@link CapacityReservation} from the group (N) and the instances its tasks need (M: the instances that
 * run a task, plus, for the tasks waiting in PROVISIONING, as many new instances of the launch template's type as
 * {@link CapacityCalculator#perInstance} says they need: CPU, memory, ports and the awsvpc ENI limit, with trunking
 * when {@code awsvpcTrunking} is on). It scales out at once (after the warm-up of the last scale-out), scales in
 * after 15 minutes of lower data points, and, with managed termination protection, protects the instances that run
 * tasks and lets go of the empty ones it removes. Tasks still waiting after the provisioning timeout stop. With
 * steady state no timer is left, so a settled clock stays settled.
 */
final class ManagedScaling {
    /** The period of the CapacityProviderReservation metric (one data point a minute). */
    static final Duration METRIC_PERIOD = Duration.ofMinutes(1);
    /** The scale-in alarm's 15 data points. */
    static final Duration SCALE_IN_AFTER = Duration.ofMinutes(15);
    /** How long a task waits in PROVISIONING for capacity (AWS: "between 10 and 30 minutes"). */
    static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(30);
    /** The reason a task that waited in vain stops with (as users report it). */
    static final String TIMED_OUT = "EMPTY CAPACITY PROVIDER";
    /** What the Auto Scaling activities name as the cause of ECS's changes. */
    static final String TRIGGER = "a user request explicitly set group desired capacity";

    private final Ecs ecs;
    private final AsgCapacityProviders providers;
    /** Timer kind: a provider (key: its name, args: the arming token) evaluates its group. */
    private static final String EVALUATE = "ecs.capacity-provider.evaluate";

    private final Timers timers;
    /** The last token an evaluation timer was armed with (unique in the region, so a provider of an earlier name ignores it). */
    private long evaluations;
    private final TimingProfile timing;

    ManagedScaling(Ecs ecs, AsgCapacityProviders providers, Timers timers, TimingProfile timing) {
        this.ecs = ecs;
        this.providers = providers;
        this.timers = timers;
        this.timing = timing;
        timers.on(EVALUATE, (name, token) -> providers.find(name).filter(p -> Long.toString(p.evaluationScheduled()).equals(token))
                .ifPresent(this::evaluate));
    }

    /** The last token an evaluation timer was armed with (snapshots). */
    long evaluations() {
        return evaluations;
    }

    void evaluations(long last) {
        evaluations = last;
    }

    /** A realistic duration under the timing profile: as is on {@code realistic}, a fiftieth otherwise (never zero). */
    Duration scaled(Duration realistic) {
        return timing == TimingProfile.REALISTIC ? realistic : realistic.dividedBy(50);
    }

    /** Something changed that the provider's scaling may answer: one evaluation is scheduled unless one is. */
    void kick(AsgCapacityProvider p) {
        if (p.evaluationScheduled() != 0 || !p.isActive()) {
            return;
        }
        p.evaluationScheduled(++evaluations);
        timers.schedule(scaled(METRIC_PERIOD), EVALUATE, p.name(), Long.toString(p.evaluationScheduled()));
    }

    /** The cluster's container instances changed: waiting tasks are placed where they now fit, then scaling looks again. */
    void instancesChanged(Cluster cluster) {
        for (AsgCapacityProvider p : providersOf(cluster)) {
            providers.groups().find(p.groupName()).ifPresent(g -> ecs.ec2Launcher().placeWaiting(cluster, p.name(), memberIds(g)));
            kick(p);
        }
    }

    /** A task of a group provider changed (stopped, for one): its provider looks again. */
    void taskChanged(Task t) {
        Optional.ofNullable(t.spec().capacityProviderName()).flatMap(providers::active).ifPresent(this::kick);
    }

    /** The EC2 instance ids of the group's instances: the container instances a provider's tasks may use. */
    static Set<String> memberIds(CapacityGroups.Group g) {
        return g.members().stream().map(CapacityGroups.Member::instanceId).collect(Collectors.toSet());
    }

    private List<AsgCapacityProvider> providersOf(Cluster cluster) {
        List<AsgCapacityProvider> out = new ArrayList<>();
        for (String name : cluster.capacityProviders()) {
            providers.active(name).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Cluster> clusterOf(AsgCapacityProvider p) {
        return ecs.clusters().stream().filter(Cluster::isActive).filter(c -> c.capacityProviders().contains(p.name())).findFirst();
    }

    private void evaluate(AsgCapacityProvider p) {
        p.evaluationScheduled(0);
        Optional<Cluster> cluster = clusterOf(p);
        Optional<CapacityGroups.Group> group = providers.groups().find(p.groupName());
        if (!p.isActive() || cluster.isEmpty() || group.isEmpty()) {
            return;
        }
        Clock clock = ecs.clock();
        List<Task> waiting = stopTimedOut(ecs.ec2Launcher().waitingOn(p.name()));
        CapacityGroups.Group g = group.get();
        Map<String, Integer> tasksByInstance = tasksByInstance(g);
        int busy = (int) tasksByInstance.values().stream().filter(n -> n > 0).count();
        int needed = busy + newInstancesFor(waiting, g);
        CapacityReservation r = new CapacityReservation(g.members().size(), needed, g.members().size() - busy);
        boolean pending = !waiting.isEmpty();
        if (p.settings().managedScaling().enabled()) {
            AsgCapacityProvider.Scaling s = p.settings().managedScaling();
            int out = r.scaleOut(g.desiredCapacity(), s, g.minSize(), g.maxSize());
            int in = r.scaleIn(g.desiredCapacity(), s, g.minSize());
            Duration warmup = scaled(Duration.ofSeconds(s.instanceWarmupPeriod()));
            if (out > g.desiredCapacity()) {
                if (!clock.now().isBefore(p.lastScaleOut().plus(warmup))) {
                    providers.groups().setDesiredCapacity(g.name(), out, TRIGGER);
                    p.scaledOut(clock.now());
                }
                pending = true;
            } else if (in < g.desiredCapacity()) {
                if (p.aboveNeedSince().isEmpty()) {
                    p.aboveNeed(clock.now());
                }
                if (!clock.now().isBefore(p.aboveNeedSince().get().plus(scaled(SCALE_IN_AFTER)))) {
                    scaleIn(p, g, tasksByInstance, g.desiredCapacity() - in);
                    providers.groups().setDesiredCapacity(g.name(), in, TRIGGER);
                    p.aboveNeed(null);
                } else {
                    pending = true;
                }
            } else {
                p.aboveNeed(null);
            }
        }
        if (p.settings().terminationProtection()) {
            protectBusy(p, g, tasksByInstance);
        }
        if (pending) {
            kick(p);
        }
    }

    /** Stops the tasks that waited past the timeout; returns those still waiting. */
    private List<Task> stopTimedOut(List<Task> waiting) {
        List<Task> left = new ArrayList<>();
        for (Task t : waiting) {
            if (!ecs.clock().now().isBefore(t.spec().createdAt().plus(scaled(PROVISIONING_TIMEOUT)))) {
                ecs.stopForCapacity(t, TIMED_OUT);
            } else {
                left.add(t);
            }
        }
        return left;
    }

    /** Instance id → tasks (not stopped) its container instance runs; 0 for instances not (yet) registered. */
    private Map<String, Integer> tasksByInstance(CapacityGroups.Group g) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (CapacityGroups.Member m : g.members()) {
            int n = ecs.containerInstances().forInstance(m.instanceId())
                    .filter(ci -> ci.status() != ContainerInstance.Status.INACTIVE).map(ci -> ci.reservations().size()).orElse(0);
            out.put(m.instanceId(), n);
        }
        return out;
    }

    /**
     * New instances of the group's launch type the waiting tasks need, by task definition: ceil(tasks / tasks per
     * instance). A definition no instance of the type can take adds none (growing cannot help; diagnose says so).
     */
    private int newInstancesFor(List<Task> waiting, CapacityGroups.Group g) {
        Optional<InstanceType> type = g.launchInstanceType().flatMap(InstanceTypes::find).filter(InstanceType::hasKnownSize);
        if (waiting.isEmpty() || type.isEmpty()) {
            return 0;
        }
        Map<TaskDefinition, Integer> byDefinition = new LinkedHashMap<>();
        waiting.forEach(t -> byDefinition.merge(t.spec().taskDefinition(), 1, Integer::sum));
        int instances = 0;
        for (Map.Entry<TaskDefinition, Integer> e : byDefinition.entrySet()) {
            instances += CapacityCalculator.instancesFor(e.getValue(), perInstance(type.get(), e.getKey())).orElse(0);
        }
        return instances;
    }

    /** How many tasks of the definition one new instance of the type takes, with the account's trunking setting. */
    CapacityCalculator.Answer perInstance(InstanceType type, TaskDefinition td) {
        return perInstance(type, td, "enabled".equals(ecs.accountSetting(ecs.arns().rootPrincipal(), "awsvpcTrunking")));
    }

    static CapacityCalculator.Answer perInstance(InstanceType type, TaskDefinition td, boolean trunking) {
        return CapacityCalculator.perInstance(type, TaskNeeds.of(td.document(), td.requiresAttributes()), trunking,
                ContainerInstance.RESERVED_MEMORY_MIB);
    }

    /** Lets go of {@code count} empty instances (the newest first), so the group's scale-in takes exactly those. */
    private void scaleIn(AsgCapacityProvider p, CapacityGroups.Group g, Map<String, Integer> tasksByInstance, int count) {
        if (!p.settings().terminationProtection()) {
            return;
        }
        List<String> empty = new ArrayList<>();
        for (int i = g.members().size() - 1; i >= 0 && empty.size() < count; i--) {
            CapacityGroups.Member m = g.members().get(i);
            if (tasksByInstance.get(m.instanceId()) == 0 && m.inService()) {
                empty.add(m.instanceId());
            }
        }
        List<String> release = empty.stream().filter(id -> g.members().stream().anyMatch(m -> m.instanceId().equals(id)
                && m.protectedFromScaleIn())).toList();
        if (!release.isEmpty()) {
            providers.groups().protect(g.name(), release, false);
        }
    }

    /** Managed termination protection: every InService instance that runs a task is protected from scale-in. */
    private void protectBusy(AsgCapacityProvider p, CapacityGroups.Group g, Map<String, Integer> tasksByInstance) {
        List<String> protect = g.members().stream().filter(m -> m.inService() && !m.protectedFromScaleIn()
                && tasksByInstance.get(m.instanceId()) > 0).map(CapacityGroups.Member::instanceId).toList();
        if (!protect.isEmpty()) {
            providers.groups().protect(g.name(), protect, true);
        }
    }
}
