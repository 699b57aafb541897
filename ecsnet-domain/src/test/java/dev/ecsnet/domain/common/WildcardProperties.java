package dev.ecsnet.domain.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The regex-free matcher means exactly what the regex EC2 filters used to be built into means. */
class WildcardProperties {

    /** The former implementation: {@code *} → {@code .*}, {@code ?} → {@code .}, all else quoted, DOTALL. */
    private static boolean byRegex(String pattern, String text, boolean questionMark) {
        StringBuilder re = new StringBuilder();
        pattern.codePoints().forEach(c -> {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?' && questionMark) {
                re.append('.');
            } else {
                re.append(Pattern.quote(new String(Character.toChars(c))));
            }
        });
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('a', 'b', '*', '?', '\n', '.', '\\').ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b', '?', '*', '\n', '.').ofMaxLength(10);
    }

    @Property(tries = 3000)
    void ec2WildcardsMatchAsTheirRegexDid(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        assertThat(Wildcard.ec2(pattern).matches(text)).as("'%s' ~ '%s'", pattern, text).isEqualTo(byRegex(pattern, text, true));
    }

    @Property(tries = 2000)
    void starOnlyKeepsQuestionMarksLiteral(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        assertThat(Wildcard.starOnly(pattern).matches(text)).isEqualTo(byRegex(pattern, text, false));
    }

    @Test
    void questionMarkIsOneCodePointNotOneUtf16Unit() {
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(Wildcard.ec2("a?b").matches("a" + emoji + "b")).isTrue().isEqualTo(byRegex("a?b", "a" + emoji + "b", true));
        assertThat(Wildcard.ec2("a??b").matches("a" + emoji + "b")).isFalse();
    }

    @Test
    void aMillionCharacterPatternIsMatchedWithoutCompilingAnything() {
        String huge = "a".repeat(1_000_000);
        assertThat(Wildcard.ec2(huge).matches("subnet-0123456789abcdef0")).isFalse();
        assertThat(Wildcard.ec2("*" + "a".repeat(500)).matches("a".repeat(600))).isTrue();
    }
}
