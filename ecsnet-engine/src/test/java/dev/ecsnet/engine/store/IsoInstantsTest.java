package dev.ecsnet.engine.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {
    @Property(tries = 2000)
    void readsBackWhatInstantWrites(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
                                    @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int precision) {
        int unit = new int[]{1, 1_000, 1_000_000, 1_000_000_000}[precision];
        Instant instant = Instant.ofEpochSecond(seconds, nanos / unit * unit);
        assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
    }

    @Test
    void acceptsWhatInstantParseAcceptsOutsideTheCanonicalShape() {
        for (String text : new String[]{"2026-01-01T00:00:00.5Z", "2016-12-31T23:59:60Z", "+10000-01-01T00:00:00Z",
                "2026-01-01T00:00:00+01:00", "-0001-01-01T00:00:00Z",
                "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.Z"}) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : new String[]{"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01 00:00:00Z",
                "2026-01-01T00:00:00.1234567890Z", "20x6-01-01T00:00:00Z", "yesterday"}) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
