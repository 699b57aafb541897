package dev.ecsnet.domain.net;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv4Properties {
    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    @Property(tries = 3000)
    void readsBackEveryAddressItFormats(@ForAll int address) {
        assertThat(Ipv4.parse(Ipv4.format(address))).isEqualTo(address & 0xffffffffL);
    }

    @Property(tries = 5000)
    void acceptsExactlyTheDottedQuadsWithOctetsUpTo255(@ForAll("addressLike") String text) {
        boolean valid = DOTTED_QUAD.matcher(text).matches() && java.util.Arrays.stream(text.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255);
        long parsed = Ipv4.parse(text);
        if (valid) {
            long expected = 0;
            for (String p : text.split("\\.")) {
                expected = (expected << 8) | Integer.parseInt(p);
            }
            assertThat(parsed).as(text).isEqualTo(expected);
        } else {
            assertThat(parsed).as(text).isEqualTo(-1L);
        }
    }

    @Provide
    Arbitrary<String> addressLike() {
        Arbitrary<String> octet = Arbitraries.oneOf(Arbitraries.integers().between(0, 300).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789.x٣ ").ofMinLength(0).ofMaxLength(4));
        return octet.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join(".", parts));
    }
}
