package dev.ecsnet.domain.appautoscaling;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When at(), rate() and cron() schedules run next, in their time zone and within StartTime and EndTime. */
class ScheduleTest {
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private static Optional<Instant> next(String schedule, String zone, String after, String start, String end) {
        return Schedule.parse(schedule).orElseThrow().next(Instant.parse(after), ZoneId.of(zone),
                Optional.ofNullable(start).map(Instant::parse), Optional.ofNullable(end).map(Instant::parse), CREATED);
    }

    @ParameterizedTest(name = "{0} in {1} after {2} -> {5}")
    @CsvSource(nullValues = "-", value = {
            // weekday mornings in Berlin (UTC+1 in winter, +2 in summer); 2026-01-01 is a Thursday
            "cron(0 8 ? * MON-FRI *),Europe/Berlin,2026-01-01T00:00:00Z,-,-,2026-01-01T07:00:00Z",
            "cron(0 8 ? * MON-FRI *),Europe/Berlin,2026-01-02T07:00:00Z,-,-,2026-01-05T07:00:00Z",
            "cron(0 8 ? * MON-FRI *),Europe/Berlin,2026-07-01T00:00:00Z,-,-,2026-07-01T06:00:00Z",
            "cron(15 10 * * ? *),UTC,2026-01-01T10:15:00Z,-,-,2026-01-02T10:15:00Z",
            "cron(0/15 * * * ? *),UTC,2026-01-01T00:07:00Z,-,-,2026-01-01T00:15:00Z",
            "cron(0 0 L * ? *),UTC,2026-02-10T00:00:00Z,-,-,2026-02-28T00:00:00Z",
            "cron(0 9 ? * 2#1 *),UTC,2026-01-01T00:00:00Z,-,-,2026-01-05T09:00:00Z",
            "cron(0 9 ? * 6L *),UTC,2026-01-01T00:00:00Z,-,-,2026-01-30T09:00:00Z",
            "'cron(0 12 1 JAN,JUL ? 2027)',UTC,2026-01-01T00:00:00Z,-,-,2027-01-01T12:00:00Z",
            "cron(0 12 * * ? *),UTC,2026-01-01T00:00:00Z,2026-03-01T00:00:00Z,-,2026-03-01T12:00:00Z",
            "cron(0 12 * * ? *),UTC,2026-01-01T13:00:00Z,-,2026-01-02T11:00:00Z,-",
            "at(2026-01-01T12:00:00),UTC,2026-01-01T00:00:00Z,-,-,2026-01-01T12:00:00Z",
            "at(2026-01-01T12:00:00),America/New_York,2026-01-01T00:00:00Z,-,-,2026-01-01T17:00:00Z",
            "at(2026-01-01T12:00:00),UTC,2026-01-01T12:00:00Z,-,-,-",
            // rate: one period after the action was put, or from its StartTime on
            "rate(5 minutes),UTC,2026-01-01T00:00:00Z,-,-,2026-01-01T00:05:00Z",
            "rate(5 minutes),UTC,2026-01-01T00:05:00Z,-,-,2026-01-01T00:10:00Z",
            "rate(1 hour),UTC,2026-01-01T00:00:00Z,2026-01-01T06:00:00Z,-,2026-01-01T06:00:00Z",
            "rate(1 day),UTC,2026-01-01T00:00:00Z,-,2026-01-01T12:00:00Z,-",
    })
    void nextRun(String schedule, String zone, String after, String start, String end, String expected) {
        assertThat(next(schedule, zone, after, start, end)).isEqualTo(Optional.ofNullable(expected).map(Instant::parse));
    }

    /** A daily cron runs next within a day, strictly later, at its own hour and minute in its zone (here one with a half-hour offset). */
    @Property
    void aDailyCronRunsNextWithinADayAtItsTime(@ForAll @IntRange(max = 23) int hour, @ForAll @IntRange(max = 59) int minute,
                                              @ForAll @LongRange(min = 1_700_000_000L, max = 2_100_000_000L) long seconds) {
        Instant after = Instant.ofEpochSecond(seconds);
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        Instant next = Schedule.parse("cron(" + minute + " " + hour + " * * ? *)").orElseThrow()
                .next(after, zone, Optional.empty(), Optional.empty(), CREATED).orElseThrow();
        assertThat(next).isAfter(after).isBeforeOrEqualTo(after.plus(Duration.ofDays(1)));
        ZonedDateTime local = next.atZone(zone);
        assertThat(local.getHour()).isEqualTo(hour);
        assertThat(local.getMinute()).isEqualTo(minute);
        assertThat(local.getSecond()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"every 5 minutes", "rate(5 minute)", "rate(1 minutes)", "rate(0 minutes)", "cron(0 8 * * * *)", "cron(0 8 ? * ? *)",
            "cron(61 8 ? * MON *)", "cron(0 8 ? *)", "cron(0 8 15W * ? *)", "at(2026-13-01T00:00:00)", "at(2026-01-01)"})
    void schedulesAwsWouldRefuseDoNotParse(String schedule) {
        assertThat(Schedule.parse(schedule)).isEmpty();
    }
}
