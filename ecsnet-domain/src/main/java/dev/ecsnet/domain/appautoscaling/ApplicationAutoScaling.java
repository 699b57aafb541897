package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Application Auto Scaling of one account in one region, for ECS services: scalable targets, their scaling
 * policies and scheduled actions, and the scaling activities. The service's desired count is kept within the
 * target's bounds: whenever the bounds change (RegisterScalableTarget, or a scheduled action firing on the clock) a
 * count outside them is set to the nearest bound through ECS, as UpdateService sets it, and an activity records it.
 * Scaling policies are stored and described but never trigger: ecsnet has no metrics. Other service namespaces
 * are refused. Used only on the engine thread.
 */
public final class ApplicationAutoScaling {
    static final Duration ACTIVITY_RETENTION = Duration.ofDays(42);
    static final int MAX_TAGS = 50;
    private static final Pattern RESOURCE_ID = Pattern.compile("service/([A-Za-z0-9_-]{1,255})/([A-Za-z0-9_-]{1,255})");

    /** What RegisterScalableTarget asks for; members left out keep their values on an existing target. */
    public record RegisterRequest(String namespace, String resourceId, String dimension, Optional<Integer> minCapacity,
                                  Optional<Integer> maxCapacity, Optional<String> roleArn, Optional<Boolean> dynamicScalingInSuspended,
                                  Optional<Boolean> dynamicScalingOutSuspended, Optional<Boolean> scheduledScalingSuspended,
                                  Map<String, String> tags) {
        public RegisterRequest {
            tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }
    }

    private final AccountRegion key;
    private final IdSource ids;
    private final Clock clock;
    private final ScalableServices services;
    private final Map<String, ScalableTarget> targets = new LinkedHashMap<>();
    /** Newest first, as DescribeScalingActivities lists them. */
    private final List<ScalingActivity> activities = new ArrayList<>();
    private final ScalingPolicies policies;
    private final ScheduledScaling schedules;

    public ApplicationAutoScaling(AccountRegion key, IdSource ids, Clock clock, Timers timers, ScalableServices services) {
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.services = services;
        this.policies = new ScalingPolicies(this, ids, clock);
        this.schedules = new ScheduledScaling(this, ids, clock, timers);
    }

    public ScalingPolicies policies() {
        return policies;
    }

    public ScheduledScaling schedules() {
        return schedules;
    }

    AccountRegion key() {
        return key;
    }

    // ---- scalable targets ---------------------------------------------------------------------------------------

    /**
     * The cluster and service a target's identity names, after checking that it is an ECS service's desired count:
     * ecsnet models no other namespace.
     */
    static Matcher ecsService(String namespace, String resourceId, String dimension) {
        if (!namespace.equals(ScalableTarget.NAMESPACE)) {
            throw AasErrors.validation("ecsnet emulates Application Auto Scaling for ECS services only (ServiceNamespace ecs, "
                    + "ScalableDimension ecs:service:DesiredCount); service namespace " + namespace + " is not modelled.");
        }
        Matcher m = RESOURCE_ID.matcher(resourceId);
        if (!dimension.equals(ScalableTarget.DIMENSION) || !m.matches()) {
            throw AasErrors.validation("Unsupported service namespace, resource type or scalable dimension");
        }
        return m;
    }

    public ScalableTarget register(RegisterRequest r) {
        Matcher m = ecsService(r.namespace(), r.resourceId(), r.dimension());
        ScalableTarget existing = targets.get(r.resourceId());
        Optional<Integer> min = r.minCapacity().or(() -> Optional.ofNullable(existing).map(ScalableTarget::minCapacity));
        Optional<Integer> max = r.maxCapacity().or(() -> Optional.ofNullable(existing).map(ScalableTarget::maxCapacity));
        if (min.isEmpty() || max.isEmpty()) {
            throw AasErrors.validation("MinCapacity and MaxCapacity must be specified when registering a new scalable target.");
        }
        checkBounds(min.get(), max.get());
        if (services.desiredCount(m.group(1), m.group(2)).isEmpty()) {
            throw AasErrors.validation("ECS service doesn't exist: " + r.resourceId());
        }
        SuspendedState was = existing == null ? SuspendedState.NONE : existing.suspendedState();
        SuspendedState suspended = new SuspendedState(r.dynamicScalingInSuspended().orElse(was.dynamicScalingInSuspended()),
                r.dynamicScalingOutSuspended().orElse(was.dynamicScalingOutSuspended()),
                r.scheduledScalingSuspended().orElse(was.scheduledScalingSuspended()));
        ScalableTarget t = existing;
        if (t == null) {
            checkTagCount(r.tags().size());
            t = new ScalableTarget(r.resourceId(), m.group(1), m.group(2), "arn:aws:application-autoscaling:" + key.region() + ":"
                    + key.accountId() + ":scalable-target/" + ids.hex(36), clock.now(), min.get(), max.get(),
                    r.roleArn().orElse(serviceLinkedRole()), suspended);
            // tags are set on creation only; TagResource changes them afterwards
            t.tag(r.tags());
            targets.put(t.resourceId(), t);
        } else {
            t.bounds(min.get(), max.get());
            r.roleArn().ifPresent(t::roleArn);
            t.suspendedState(suspended);
        }
        keepWithinBounds(t);
        return t;
    }

    static void checkBounds(int min, int max) {
        if (min < 0 || max < 0) {
            throw AasErrors.validation("Minimum and maximum capacity must be greater than or equal to 0.");
        }
        if (min > max) {
            throw AasErrors.validation("Minimum capacity cannot be greater than maximum capacity");
        }
    }

    /** The service-linked role AWS uses for ECS services when RegisterScalableTarget names none. */
    String serviceLinkedRole() {
        return "arn:aws:iam::" + key.accountId()
                + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService";
    }

    /** Whether a describe call's namespace and dimension are ones ecsnet keeps anything for (describes of others find nothing). */
    static boolean modelled(String namespace, Optional<String> dimension) {
        return namespace.equals(ScalableTarget.NAMESPACE) && dimension.filter(d -> !d.equals(ScalableTarget.DIMENSION)).isEmpty();
    }

    /** DescribeScalableTargets: the namespace's targets (none outside ecs), filtered by resource ids and dimension. */
    public List<ScalableTarget> targets(String namespace, List<String> resourceIds, Optional<String> dimension) {
        if (!modelled(namespace, dimension)) {
            return List.of();
        }
        return targets.values().stream().filter(t -> resourceIds.isEmpty() || resourceIds.contains(t.resourceId())).toList();
    }

    /** The registered target a policy or scheduled action names. */
    public ScalableTarget target(String namespace, String resourceId, String dimension) {
        ecsService(namespace, resourceId, dimension);
        return Optional.ofNullable(targets.get(resourceId)).orElseThrow(() -> AasErrors.noTarget(resourceId));
    }

    Optional<ScalableTarget> find(String resourceId) {
        return Optional.ofNullable(targets.get(resourceId));
    }

    /** DeregisterScalableTarget: the target goes, with its scaling policies and scheduled actions. */
    public void deregister(String namespace, String resourceId, String dimension) {
        ecsService(namespace, resourceId, dimension);
        if (!targets.containsKey(resourceId)) {
            throw DomainException.notFound("ObjectNotFoundException", "No scalable target found for service namespace: ecs, resource ID: "
                    + resourceId + ", scalable dimension: " + ScalableTarget.DIMENSION);
        }
        targets.remove(resourceId);
        policies.removeAll(resourceId);
        schedules.removeAll(resourceId);
    }

    // ---- capacity and activities --------------------------------------------------------------------------------

    /** Sets a service whose desired count lies outside its target's bounds to the nearest bound. */
    void keepWithinBounds(ScalableTarget t) {
        OptionalInt desired = services.desiredCount(t.cluster(), t.service());
        if (desired.isEmpty()) {
            return;
        }
        if (desired.getAsInt() < t.minCapacity()) {
            setDesiredCount(t, t.minCapacity(), "minimum capacity was set to " + t.minCapacity());
        } else if (desired.getAsInt() > t.maxCapacity()) {
            setDesiredCount(t, t.maxCapacity(), "maximum capacity was set to " + t.maxCapacity());
        }
    }

    private void setDesiredCount(ScalableTarget t, int count, String cause) {
        Instant now = clock.now();
        String description = "Setting desired count to " + count + ".";
        try {
            services.setDesiredCount(t.cluster(), t.service(), count);
        } catch (DomainException e) {
            // ECS refused the change (its service is no longer updatable): the activity fails as it would in AWS
            record(new ScalingActivity(ids.uuid(), t.resourceId(), description, cause, now, Optional.of(now), "Failed",
                    "Failed to set desired count to " + count + ". Reason: " + e.getMessage()));
            return;
        }
        record(new ScalingActivity(ids.uuid(), t.resourceId(), description, cause, now, Optional.of(now), "Successful",
                "Successfully set desired count to " + count + ". Change successfully fulfilled by ecs."));
    }

    /** A scheduled action runs: the target takes its bounds (the other bound follows if they would cross), then the count. */
    void runScheduled(ScalableTarget t, ScheduledAction a) {
        int min = a.minCapacity().orElse(t.minCapacity());
        int max = a.maxCapacity().orElse(t.maxCapacity());
        if (a.maxCapacity().isEmpty() && min > max) {
            max = min;
        } else if (a.minCapacity().isEmpty() && max < min) {
            min = max;
        }
        t.bounds(min, max);
        List<String> parts = new ArrayList<>();
        a.minCapacity().ifPresent(v -> parts.add("min capacity to " + v));
        a.maxCapacity().ifPresent(v -> parts.add("max capacity to " + v));
        String what = String.join(" and ", parts);
        Instant now = clock.now();
        record(new ScalingActivity(ids.uuid(), t.resourceId(), "Setting " + what, "scheduled action name " + a.name() + " was triggered",
                now, Optional.empty(), "Successful", "Successfully set " + what));
        keepWithinBounds(t);
    }

    private void record(ScalingActivity a) {
        activities.add(0, a);
    }

    /** DescribeScalingActivities: the last six weeks' activities of the namespace, newest first. */
    public List<ScalingActivity> activities(String namespace, Optional<String> resourceId, Optional<String> dimension) {
        if (!modelled(namespace, dimension)) {
            return List.of();
        }
        Instant oldest = clock.now().minus(ACTIVITY_RETENTION);
        activities.removeIf(a -> a.startTime().isBefore(oldest));
        return activities.stream().filter(a -> resourceId.isEmpty() || resourceId.get().equals(a.resourceId())).toList();
    }

    // ---- tags -----------------------------------------------------------------------------------------------------

    public ScalableTarget byArn(String arn) {
        return targets.values().stream().filter(t -> t.arn().equals(arn)).findFirst()
                .orElseThrow(() -> DomainException.notFound("ResourceNotFoundException", "No scalable target found for ARN " + arn + "."));
    }

    public void tag(String arn, Map<String, String> tags) {
        ScalableTarget t = byArn(arn);
        checkTagCount(t.tags().size() + (int) tags.keySet().stream().filter(k -> !t.tags().containsKey(k)).count());
        t.tag(tags);
    }

    public void untag(String arn, List<String> keys) {
        byArn(arn).untag(keys);
    }

    private static void checkTagCount(int count) {
        if (count > MAX_TAGS) {
            throw DomainException.invalid("TooManyTagsException", "A scalable target can have at most " + MAX_TAGS + " tags.");
        }
    }

    public Collection<ScalableTarget> allTargets() {
        return targets.values();
    }

    /** Targets, activities, policies and scheduled actions as plain records (with the scheduled actions' generation counter). */
    public ApplicationAutoScalingRecord export() {
        return AasSnapshots.export(targets.values(), activities, policies.groups(), schedules.groups(), schedules.generations());
    }

    /**
     * On an aggregate just built, the recorded state as it was. Changes no desired count and arms no timer: the
     * pending scheduled-action timers are the engine's and find their actions by resource id and generation.
     */
    public void restore(ApplicationAutoScalingRecord record) {
        targets.clear();
        AasSnapshots.targets(record).forEach(t -> targets.put(t.resourceId(), t));
        activities.clear();
        activities.addAll(AasSnapshots.activities(record));
        policies.restore(AasSnapshots.policies(record));
        schedules.restore(AasSnapshots.scheduledActions(record), record.generations());
    }
}
