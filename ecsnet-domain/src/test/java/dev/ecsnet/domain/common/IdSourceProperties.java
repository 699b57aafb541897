package dev.ecsnet.domain.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journals and saved states are replayed, and must draw the same ids they drew when first run: {@link IdSource}'s
 * and {@link RandomStream}'s streams stay exactly {@code java.util.Random}'s for the same seed, whatever mix of
 * draws is asked of them, and a stream resumed from its written-down state draws what the original would.
 */
class IdSourceProperties {

    @Property(tries = 300)
    void drawsWhatJavaUtilRandomDraws(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2_000_000_000) int bound) {
        IdSource ids = new IdSource(seed);
        Random reference = new Random(seed);
        for (int round = 0; round < 5; round++) {
            assertThat(ids.hex(17)).isEqualTo(hex(reference, 17));
            assertThat(ids.nextInt(bound)).isEqualTo(reference.nextInt(bound));
            assertThat(ids.nextInt(10)).isEqualTo(reference.nextInt(10));
            assertThat(ids.nextInt(1 << 20)).isEqualTo(reference.nextInt(1 << 20));
            assertThat(ids.macAddress()).isEqualTo(mac(reference));
            assertThat(ids.uuid()).isEqualTo(uuid(reference));
        }
    }

    @Property(tries = 300)
    void aDerivedStreamIsJavaUtilRandomsAndResumesFromItsState(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2_000_000_000) int bound,
                                                               @ForAll @IntRange(min = 0, max = 50) int drawsBeforeTheSnapshot) {
        RandomStream stream = new RandomStream(seed);
        Random reference = new Random(seed);
        for (int i = 0; i < drawsBeforeTheSnapshot; i++) {
            assertThat(stream.nextInt(bound)).isEqualTo(reference.nextInt(bound));
        }
        RandomStream resumed = RandomStream.resumed(stream.state());
        for (int round = 0; round < 5; round++) {
            long expectedLong = reference.nextLong();
            int expectedInt = reference.nextInt();
            int expectedBounded = reference.nextInt(bound);
            assertThat(stream.nextLong()).isEqualTo(expectedLong);
            assertThat(stream.nextInt()).isEqualTo(expectedInt);
            assertThat(stream.nextInt(bound)).isEqualTo(expectedBounded);
            assertThat(resumed.nextLong()).isEqualTo(expectedLong);
            assertThat(resumed.nextInt()).isEqualTo(expectedInt);
            assertThat(resumed.nextInt(bound)).isEqualTo(expectedBounded);
        }
    }

    private static String hex(Random r, int digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    private static String mac(Random r) {
        int first = (r.nextInt(64) << 2) | 0x02;
        StringBuilder b = new StringBuilder(String.format("%02x", first));
        for (int i = 0; i < 5; i++) {
            b.append(':').append(hex(r, 2));
        }
        return b.toString();
    }

    private static String uuid(Random r) {
        String h = hex(r, 32);
        char variant = "0123456789abcdef".charAt(8 + r.nextInt(4));
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant + h.substring(17, 20) + "-"
                + h.substring(20, 32);
    }
}
