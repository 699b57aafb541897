package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scheduled actions of the region's scalable targets. Each action is armed with a timer for its next run; a
 * run sets the target's bounds (and so, if needed, the service's desired count), records an activity and arms the
 * next run. A timer whose action was put again, deleted or deregistered meanwhile does nothing.
 */
public final class ScheduledScaling {
    private static final Pattern NAME = Pattern.compile("(?!((^[ ]+.*)|(.*([\\u0000-\\u001f]|[\\u007f-\\u009f]|[:/|])+.*)|(.*[ ]+$))).{1,256}");

    /** What PutScheduledAction asks for; on an existing action, members left out stay as they were, except the times. */
    public record PutRequest(String name, Optional<String> schedule, Optional<String> timezone, Optional<Instant> startTime,
                             Optional<Instant> endTime, boolean targetActionGiven, Optional<Integer> minCapacity,
                             Optional<Integer> maxCapacity) {
    }

    private final ApplicationAutoScaling owner;
    private final IdSource ids;
    private final Clock clock;
    /** Timer kind: a scheduled action (key: its target's resource id, args: its generation) runs and re-arms. */
    private static final String RUN = "application-autoscaling.scheduled-action.run";

    private final Timers timers;
    private final PerTarget<ScheduledAction> actions = new PerTarget<>(ScheduledAction::name);
    private long generations;

    ScheduledScaling(ApplicationAutoScaling owner, IdSource ids, Clock clock, Timers timers) {
        this.owner = owner;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        timers.on(RUN, (resourceId, generation) -> run(resourceId, Long.parseLong(generation)));
    }

    public ScheduledAction put(ScalableTarget target, PutRequest r) {
        if (!NAME.matcher(r.name()).matches()) {
            throw AasErrors.validation("1 validation error detected: Value '" + r.name() + "' at 'scheduledActionName' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: (?!((^[ ]+.*)|(.*([\\u0000-\\u001f]|[\\u007f-\\u009f]|[:/|])+.*)|(.*[ ]+$))).+");
        }
        Optional<ScheduledAction> existing = actions.get(target.resourceId(), r.name());
        String text = r.schedule().or(() -> existing.map(ScheduledAction::scheduleText))
                .orElseThrow(() -> AasErrors.validation("Schedule must be specified when creating a scheduled action."));
        Schedule schedule = Schedule.parse(text).orElseThrow(() -> AasErrors.validation("Invalid schedule expression: " + text
                + ". Use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year)."));
        String timezone = r.timezone().or(() -> existing.map(ScheduledAction::timezone)).orElse("UTC");
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw AasErrors.validation("Invalid timezone: " + timezone + ". Use a time zone name of the IANA database, such as Europe/London.");
        }
        if (r.startTime().isPresent() && r.endTime().isPresent() && !r.endTime().get().isAfter(r.startTime().get())) {
            throw AasErrors.validation("EndTime must be later than StartTime.");
        }
        Optional<Integer> min = r.targetActionGiven() ? r.minCapacity() : existing.flatMap(ScheduledAction::minCapacity);
        Optional<Integer> max = r.targetActionGiven() ? r.maxCapacity() : existing.flatMap(ScheduledAction::maxCapacity);
        if (min.isEmpty() && max.isEmpty()) {
            throw AasErrors.validation("At least one of minimum capacity and maximum capacity should be provided");
        }
        ApplicationAutoScaling.checkBounds(min.orElse(0), max.orElse(Integer.MAX_VALUE));
        Instant now = clock.now();
        String arn = existing.map(ScheduledAction::arn).orElseGet(() -> "arn:aws:autoscaling:" + owner.key().region() + ":"
                + owner.key().accountId() + ":scheduledAction:" + ids.uuid() + ":resource/ecs/" + target.resourceId()
                + ":scheduledActionName/" + r.name());
        ScheduledAction a = new ScheduledAction(r.name(), arn, target.resourceId(), text, schedule, timezone, r.startTime(), r.endTime(),
                min, max, existing.map(ScheduledAction::creationTime).orElse(now), now, ++generations);
        actions.put(target.resourceId(), a);
        arm(a, now);
        return a;
    }

    private void arm(ScheduledAction a, Instant after) {
        a.nextRun(after).ifPresent(at -> timers.schedule(Duration.between(clock.now(), at), RUN, a.resourceId(), Long.toString(a.generation())));
    }

    /** Generations are unique across actions: a put again or deleted action leaves its old timer nothing to find. */
    private void run(String resourceId, long generation) {
        Optional<ScheduledAction> a = actions.list(Optional.of(resourceId), List.of()).stream().filter(x -> x.generation() == generation).findFirst();
        Optional<ScalableTarget> target = owner.find(resourceId);
        if (a.isEmpty() || target.isEmpty()) {
            return;
        }
        if (!target.get().suspendedState().scheduledScalingSuspended()) {
            owner.runScheduled(target.get(), a.get());
        }
        arm(a.get(), clock.now());
    }

    /** DescribeScheduledActions: the target's (or every target's) actions, optionally only those named. */
    public List<ScheduledAction> describe(String namespace, Optional<String> dimension, Optional<String> resourceId, List<String> names) {
        return ApplicationAutoScaling.modelled(namespace, dimension) ? actions.list(resourceId, names) : List.of();
    }

    public void delete(String namespace, String resourceId, String dimension, String name) {
        ApplicationAutoScaling.ecsService(namespace, resourceId, dimension);
        if (!actions.remove(resourceId, name)) {
            throw AasErrors.notFound("scheduled action", resourceId, name);
        }
    }

    void removeAll(String resourceId) {
        actions.removeAll(resourceId);
    }

    Map<String, List<ScheduledAction>> groups() {
        return actions.groups();
    }

    /** The last generation given out: pending timers carry generations up to it. */
    long generations() {
        return generations;
    }

    /** For a restore: the recorded actions and generation counter; their pending timers are the engine's, not armed here. */
    void restore(Map<String, List<ScheduledAction>> groups, long lastGeneration) {
        actions.restore(groups);
        generations = lastGeneration;
    }
}
