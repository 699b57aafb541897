package dev.ecsnet.domain.appautoscaling;

import java.time.Instant;
import java.util.Optional;

/** One scaling activity, with AWS's description, cause and status texts. */
public record ScalingActivity(String activityId, String resourceId, String description, String cause, Instant startTime,
                              Optional<Instant> endTime, String statusCode, String statusMessage) {
}
