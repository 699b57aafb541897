package dev.ecsnet.domain.appautoscaling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scheduled action's {@code Schedule}: {@code at(yyyy-mm-ddThh:mm:ss)} once, {@code rate(value unit)} every
 * so often, or {@code cron(fields)}; {@code at} and {@code cron} are read in the action's time zone. Recurring
 * schedules run only between the action's StartTime and EndTime.
 */
sealed interface Schedule {
    Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.+)\\)");

    /**
     * The first time strictly after {@code after} at which the action runs. {@code anchor} is when a rate schedule
     * starts counting (its StartTime, else when the action was last put).
     */
    Optional<Instant> next(Instant after, ZoneId zone, Optional<Instant> start, Optional<Instant> end, Instant anchor);

    record At(LocalDateTime at) implements Schedule {
        @Override
        public Optional<Instant> next(Instant after, ZoneId zone, Optional<Instant> start, Optional<Instant> end, Instant anchor) {
            Instant when = at.atZone(zone).toInstant();
            return when.isAfter(after) ? Optional.of(when) : Optional.empty();
        }
    }

    record Rate(Duration period) implements Schedule {
        @Override
        public Optional<Instant> next(Instant after, ZoneId zone, Optional<Instant> start, Optional<Instant> end, Instant anchor) {
            // runs at base + k * period: from k = 0 at an explicit StartTime, else one period after the anchor
            Instant base = start.orElse(anchor);
            long first = start.isPresent() ? 0 : 1;
            long k = after.isBefore(base) ? first : Math.max(first, Duration.between(base, after).toMillis() / period.toMillis() + 1);
            Instant when = base.plus(period.multipliedBy(k));
            return end.filter(e -> when.isAfter(e)).isPresent() ? Optional.empty() : Optional.of(when);
        }
    }

    record Cron(CronExpression expression) implements Schedule {
        @Override
        public Optional<Instant> next(Instant after, ZoneId zone, Optional<Instant> start, Optional<Instant> end, Instant anchor) {
            Instant from = start.filter(s -> s.isAfter(after)).map(s -> s.minusSeconds(1)).orElse(after);
            Optional<Instant> when = expression.next(LocalDateTime.ofInstant(from, zone)).map(t -> t.atZone(zone).toInstant());
            return when.filter(w -> end.isEmpty() || !w.isAfter(end.get()));
        }
    }

    /** The schedule {@code text} describes; empty when it is none of the three forms. */
    static Optional<Schedule> parse(String text) {
        Matcher m = AT.matcher(text);
        if (m.matches()) {
            try {
                return Optional.of(new At(LocalDateTime.parse(m.group(1))));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        m = RATE.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            boolean singular = !m.group(2).endsWith("s");
            if (n < 1 || singular != (n == 1)) {
                return Optional.empty();
            }
            Duration unit = m.group(2).startsWith("minute") ? Duration.ofMinutes(1) : m.group(2).startsWith("hour") ? Duration.ofHours(1) : Duration.ofDays(1);
            return Optional.of(new Rate(unit.multipliedBy(n)));
        }
        m = CRON.matcher(text);
        if (m.matches()) {
            return CronExpression.parse(m.group(1)).map(Cron::new);
        }
        return Optional.empty();
    }
}
