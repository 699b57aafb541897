package dev.ecsnet.engine.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads back what {@link Instant#toString()} writes ({@code 2026-01-01T00:00:00Z}, with 0, 3, 6 or 9 fraction
 * digits), without {@link java.time.format.DateTimeFormatter}: a snapshot of 100,000 tasks holds about a million
 * instants, and the formatter's parse context per instant was two thirds of a restart's decoding samples in a
 * profile (bench/README.md, "Restart from a snapshot").
 * Anything else falls back to {@link Instant#parse}, so every ISO-8601 instant is still accepted.
 */
final class IsoInstants {
    private IsoInstants() {
    }

    static Instant parse(String text) {
        Instant fast = parseCanonical(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant, or null when {@code text} is not in {@code Instant.toString()}'s shape for years 0000–9999. */
    private static Instant parseCanonical(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
        int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("not a date: " + e.getMessage(), text, 0);
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
