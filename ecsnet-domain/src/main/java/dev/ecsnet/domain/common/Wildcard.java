package dev.ecsnet.domain.common;

/**
 * A client's wildcard pattern, matched without building a regular expression: {@code *} stands for any run of
 * characters (none included) and, when enabled, {@code ?} for exactly one; everything else stands for itself.
 * Characters are code points, as a regex {@code .} counts them. Matching is linear in the text for patterns
 * without {@code *}, and at worst pattern length × text length, with no compile step, so a pattern cannot cost
 * more than its size allows.
 */
public final class Wildcard {
    private final int[] pattern;
    private final boolean questionMark;

    private Wildcard(String pattern, boolean questionMark) {
        this.pattern = pattern.codePoints().toArray();
        this.questionMark = questionMark;
    }

    /** EC2 filter values: {@code *} and {@code ?}. */
    public static Wildcard ec2(String pattern) {
        return new Wildcard(pattern, true);
    }

    /** The ECS cluster query language's {@code =~}: {@code *} only. */
    public static Wildcard starOnly(String pattern) {
        return new Wildcard(pattern, false);
    }

    public boolean matches(String text) {
        int[] s = text.codePoints().toArray();
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < s.length) {
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length && (pattern[p] == s[t] || questionMark && pattern[p] == '?')) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }
}
