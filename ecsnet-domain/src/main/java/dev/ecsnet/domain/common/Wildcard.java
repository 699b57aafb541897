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
    /** The pattern itself when it has no wildcard character, else null. */
    private final String literal;

    private Wildcard(String pattern, boolean questionMark) {
        this.pattern = pattern.codePoints().toArray();
        this.questionMark = questionMark;
        boolean wild = pattern.indexOf('*') >= 0 || questionMark && pattern.indexOf('?') >= 0;
        this.literal = wild ? null : pattern;
    }

    /** EC2 filter values: {@code *} and {@code ?}. */
    public static Wildcard ec2(String pattern) {
        return new Wildcard(pattern, true);
    }

    /** The ECS cluster query language's {@code =~}: {@code *} only. */
    public static Wildcard starOnly(String pattern) {
        return new Wildcard(pattern, false);
    }

    /** Whether the pattern has no wildcard, so it matches only its own text. */
    public boolean isLiteral() {
        return literal != null;
    }

    public boolean matches(String text) {
        if (literal != null) {
            return literal.equals(text);
        }
        // walks the text by code points in place: no copy of it per resource
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            int c = text.codePointAt(t);
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length && (pattern[p] == c || questionMark && pattern[p] == '?')) {
                p++;
                t += Character.charCount(c);
            } else if (star >= 0) {
                p = star + 1;
                resume += Character.charCount(text.codePointAt(resume));
                t = resume;
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
