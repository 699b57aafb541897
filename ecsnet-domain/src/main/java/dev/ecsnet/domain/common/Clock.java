package dev.ecsnet.domain.common;

import java.time.Instant;

/** The only source of time in the domain. Tests use a manual clock; the server uses the system clock. */
@FunctionalInterface
public interface Clock {
    Instant now();
}
