package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.ec2.LaunchTemplateVersion;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Closes the gap between a group's desired and actual capacity, on the clock: it applies {@link ScalingDecision}'s
 * plan (launching instances through {@link Instances}, each with its primary ENI in its subnet, or terminating
 * them), records the scaling activities, and follows the instances: Pending → InService when EC2 says they run, gone
 * when they are terminated, and replaced when they stop outside the group (the EC2 health check). Every timer
 * carries the group's ARN and does nothing when that group is gone or was replaced. Engine thread only.
 */
final class GroupController implements Instances.Listener {
    static final String TAG_GROUP_NAME = "aws:autoscaling:groupName";
    /** Timer kinds (key: the group's ARN): a reconcile, a retry after a failed launch, an instance's failed health check (args: its id). */
    private static final String RECONCILE = "autoscaling.group.reconcile";
    private static final String RETRY = "autoscaling.group.retry";
    private static final String HEALTH_CHECK = "autoscaling.instance.health-check";

    private final Map<String, AutoScalingGroup> groups;
    private final List<ScalingActivity> activities;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final AutoScalingTiming timing;
    private final Network network;
    private final Instances instances;
    private final LaunchTemplates templates;
    private final GroupRules rules;
    // insertion-ordered, so that a snapshot lists them in the same order in a restored controller
    private final Set<String> scheduled = new LinkedHashSet<>();
    private final Map<String, Duration> retryAfter = new LinkedHashMap<>();

    GroupController(Map<String, AutoScalingGroup> groups, List<ScalingActivity> activities, IdSource ids, Clock clock, Timers timers,
                    AutoScalingTiming timing, Network network, Instances instances, LaunchTemplates templates, GroupRules rules) {
        this.groups = groups;
        this.activities = activities;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        this.network = network;
        this.instances = instances;
        this.templates = templates;
        this.rules = rules;
        on(RECONCILE, (group, args) -> {
            scheduled.remove(group.arn());
            reconcile(group);
        });
        on(RETRY, (group, args) -> requestReconcile(group));
        on(HEALTH_CHECK, (group, instanceId) -> group.instance(instanceId).ifPresent(m -> healthCheckFailed(group, m)));
    }

    /** Timers of {@code kind} run {@code step} on their group while it is still the one of that name (not replaced). */
    private void on(String kind, java.util.function.BiConsumer<AutoScalingGroup, String> step) {
        timers.on(kind, (arn, args) -> {
            Optional<AutoScalingGroup> current = groups.values().stream().filter(g -> g.arn().equals(arn)).findFirst();
            if (current.isPresent()) {
                step.accept(current.get(), args);
            } else {
                scheduled.remove(arn);
            }
        });
    }

    /** The ARNs of the groups with a reconcile armed, which merges the requests made until it falls due. */
    Set<String> reconcilesPending() {
        return scheduled;
    }

    /** By group ARN, the wait before the next launch retry, after the one armed now. */
    Map<String, Duration> retryBackOff() {
        return retryAfter;
    }

    /** Asks for one reconcile of the group after the reaction time; requests made meanwhile are merged. */
    void requestReconcile(AutoScalingGroup g) {
        if (scheduled.add(g.arn())) {
            timers.schedule(timing.reaction(), RECONCILE, g.arn());
        }
    }


    private void reconcile(AutoScalingGroup g) {
        if (g.deleting()) {
            return;
        }
        List<GroupInstance> capacity = g.capacity();
        Optional<LaunchTemplateVersion> current = currentVersion(g);
        ScalingDecision.Plan plan = ScalingDecision.compute(new ScalingDecision.Group(g.minSize(), g.maxSize(), g.desiredCapacity(),
                rules.launchZones(g.settings()), g.settings().terminationPolicies(), current.map(LaunchTemplateVersion::number).orElse(-1L)),
                capacity.stream().map(GroupController::member).toList(), clock.now());
        Optional<String> trigger = g.takePendingCause();
        int from = capacity.size();
        if (!plan.launchSubnets().isEmpty() && !g.suspended("Launch")) {
            launch(g, plan.launchSubnets(), trigger, from);
        }
        if (!plan.terminations().isEmpty() && !g.suspended("Terminate")) {
            for (String id : plan.terminations()) {
                String cause = ScalingCauses.scaledIn(trigger, clock.now(), from, g.desiredCapacity(), id);
                g.instance(id).ifPresent(m -> terminate(g, m, cause));
            }
        }
    }

    private Optional<LaunchTemplateVersion> currentVersion(AutoScalingGroup g) {
        LaunchTemplateSpec spec = g.settings().launchTemplate();
        try {
            return Optional.of(templates.resolve(new LaunchTemplates.Ref(spec.id(), null), spec.version()));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static ScalingDecision.Member member(GroupInstance i) {
        return new ScalingDecision.Member(i.instanceId(), i.availabilityZone(), i.subnetId(), i.protectedFromScaleIn(), i.launchTime(),
                i.templateVersion());
    }

    /** One launch per planned subnet; a subnet that has no room gives way to the group's others, as AWS tries other zones. */
    private void launch(AutoScalingGroup g, List<String> subnets, Optional<String> trigger, int from) {
        for (String planned : subnets) {
            String cause = ScalingCauses.launched(trigger, clock.now(), from, g.desiredCapacity());
            List<String> tries = new ArrayList<>(List.of(planned));
            rules.launchZones(g.settings()).forEach(z -> z.subnetIds().stream().filter(s -> !tries.contains(s)).forEach(tries::add));
            DomainException failure = null;
            for (String subnet : tries) {
                try {
                    launchInto(g, subnet, cause);
                    failure = null;
                    break;
                } catch (DomainException e) {
                    failure = failure == null ? e : failure;
                    if (e.kind() != DomainException.Kind.INSUFFICIENT_CAPACITY) {
                        break;
                    }
                }
            }
            if (failure != null) {
                Subnet s = network.findSubnet(planned).orElse(null);
                ScalingActivity a = activity(g, null, "Launching a new EC2 instance", cause,
                        ScalingCauses.details(planned, s == null ? "" : s.zone().name()), ActivityStatus.IN_PROGRESS, 0);
                a.fail(clock.now(), ScalingCauses.launchFailed(failure.getMessage()));
                retryLater(g);
                return;
            }
        }
        retryAfter.remove(g.arn());
    }

    private void launchInto(AutoScalingGroup g, String subnetId, String cause) {
        LaunchTemplateSpec spec = g.settings().launchTemplate();
        LaunchTemplateVersion version = templates.resolve(new LaunchTemplates.Ref(spec.id(), null), spec.version());
        Map<String, String> tags = new LinkedHashMap<>();
        g.tags().stream().filter(GroupTag::propagateAtLaunch).forEach(t -> tags.put(t.key(), t.value()));
        tags.put(TAG_GROUP_NAME, g.name());
        Instance instance = instances.run(templates.launch(version, subnetId, tags)).get(0);
        g.add(new GroupInstance(instance.id(), instance.type().name(), instance.image().imageId(), instance.zone().name(),
                instance.zone().zoneId(), subnetId, spec, version.number(), instance.launchTime(), g.settings().newInstancesProtectedFromScaleIn()));
        activity(g, instance.id(), "Launching a new EC2 instance: " + instance.id(), cause,
                ScalingCauses.details(subnetId, instance.zone().name()), ActivityStatus.PRE_IN_SERVICE, 30);
    }

    private void retryLater(AutoScalingGroup g) {
        Duration wait = retryAfter.getOrDefault(g.arn(), timing.firstRetry());
        Duration next = wait.multipliedBy(2);
        retryAfter.put(g.arn(), next.compareTo(timing.maxRetry()) > 0 ? timing.maxRetry() : next);
        timers.schedule(wait, RETRY, g.arn());
    }

    /** Takes the instance out of service and terminates it through EC2; its activity ends when EC2 has terminated it. */
    ScalingActivity terminate(AutoScalingGroup g, GroupInstance m, String cause) {
        m.moveTo(LifecycleState.TERMINATING);
        ScalingActivity a = activity(g, m.instanceId(), "Terminating EC2 instance: " + m.instanceId(), cause,
                ScalingCauses.details(m.subnetId(), m.availabilityZone()), ActivityStatus.IN_PROGRESS, 0);
        if (instances.find(m.instanceId()).isPresent()) {
            // a no-op for an instance already shutting down or terminated (stopped outside the group)
            instances.terminate(List.of(m.instanceId()));
        }
        return a;
    }

    private ScalingActivity activity(AutoScalingGroup g, String instanceId, String description, String cause, String details,
                                     ActivityStatus status, int progress) {
        ScalingActivity a = new ScalingActivity(ids.uuid(), g.name(), g.arn(), instanceId, description, cause, details, clock.now(), status, progress);
        activities.add(a);
        return a;
    }

    private Optional<ScalingActivity> openActivity(String instanceId) {
        for (int i = activities.size() - 1; i >= 0; i--) {
            ScalingActivity a = activities.get(i);
            if (a.status().inProgress() && a.instanceId().filter(instanceId::equals).isPresent()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    Optional<AutoScalingGroup> groupOf(String instanceId) {
        return groups.values().stream().filter(g -> g.instance(instanceId).isPresent()).findFirst();
    }

    @Override
    public void running(Instance instance) {
        groupOf(instance.id()).ifPresent(g -> {
            GroupInstance m = g.instance(instance.id()).orElseThrow();
            if (m.lifecycle() == LifecycleState.PENDING) {
                m.moveTo(LifecycleState.IN_SERVICE);
                openActivity(instance.id()).ifPresent(a -> a.succeed(clock.now()));
                g.cooldownUntil(clock.now().plusSeconds(g.settings().defaultCooldown()));
            }
        });
    }

    /** Stopped outside the group: the EC2 health check notices after a while (unless suspended) and the group replaces it. */
    @Override
    public void shuttingDown(Instance instance) {
        groupOf(instance.id()).ifPresent(g -> {
            if (g.instance(instance.id()).map(m -> m.lifecycle() != LifecycleState.TERMINATING).orElse(false)) {
                timers.schedule(timing.healthCheck(), HEALTH_CHECK, g.arn(), instance.id());
            }
        });
    }

    private void healthCheckFailed(AutoScalingGroup g, GroupInstance m) {
        if (m.lifecycle() == LifecycleState.TERMINATING || g.suspended("HealthCheck")) {
            return;
        }
        m.markUnhealthy();
        if (g.suspended("ReplaceUnhealthy")) {
            return;
        }
        openActivity(m.instanceId()).ifPresent(a -> a.fail(clock.now(), "Instance " + m.instanceId()
                + " was terminated before it entered service"));
        terminate(g, m, ScalingCauses.healthCheckFailed(clock.now()));
        requestReconcile(g);
    }

    @Override
    public void terminated(Instance instance) {
        Optional<AutoScalingGroup> group = groupOf(instance.id());
        if (group.isEmpty()) {
            return;
        }
        AutoScalingGroup g = group.get();
        GroupInstance m = g.instance(instance.id()).orElseThrow();
        if (m.lifecycle() != LifecycleState.TERMINATING) {
            healthCheckFailed(g, m);
            if (m.lifecycle() != LifecycleState.TERMINATING) {
                return;
            }
        }
        m.moveTo(LifecycleState.TERMINATED);
        openActivity(instance.id()).ifPresent(a -> a.succeed(clock.now()));
        g.remove(instance.id());
        g.cooldownUntil(clock.now().plusSeconds(g.settings().defaultCooldown()));
        if (g.deleting()) {
            if (g.instances().isEmpty()) {
                groups.remove(g.name());
                retryAfter.remove(g.arn());
            }
        } else {
            requestReconcile(g);
        }
    }
}
