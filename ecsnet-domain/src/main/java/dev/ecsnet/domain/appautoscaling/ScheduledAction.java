package dev.ecsnet.domain.appautoscaling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A scheduled action: when it runs ({@code schedule}, read in {@code timezone}, within StartTime and EndTime) and
 * the capacity bounds it sets. {@code generation} changes whenever the action is put again, so a timer set for an
 * earlier version does nothing.
 */
public record ScheduledAction(String name, String arn, String resourceId, String scheduleText, Schedule schedule, String timezone,
                              Optional<Instant> startTime, Optional<Instant> endTime, Optional<Integer> minCapacity,
                              Optional<Integer> maxCapacity, Instant creationTime, Instant anchor, long generation) {

    ZoneId zone() {
        return ZoneId.of(timezone);
    }

    Optional<Instant> nextRun(Instant after) {
        return schedule.next(after, zone(), startTime, endTime, anchor);
    }
}
