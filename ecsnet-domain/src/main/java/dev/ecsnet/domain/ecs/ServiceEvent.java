package dev.ecsnet.domain.ecs;

import java.time.Instant;

/** One entry of a service's {@code events}: AWS's message text, when it was written and a UUID. */
public record ServiceEvent(String id, Instant createdAt, String message) {
}
