package dev.ecsnet.domain.appautoscaling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six-field cron expressions of Application Auto Scaling schedules: {@code minutes hours day-of-month month
 * day-of-week year}, with {@code *}, {@code ?}, lists, ranges, steps, month and day names, {@code L} (last day of
 * the month, or last given weekday of it as {@code 6L}) and {@code #} (nth weekday, as {@code 2#1}). Day-of-week
 * runs 1-7 from Sunday. One of the day fields must be {@code ?}. {@code W} (nearest weekday) is not supported.
 */
final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    static final int LAST_YEAR = 2199;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final DayRule dayOfMonth;
    private final DayRule dayOfWeek;

    /** A day-of-month or day-of-week field: any day ({@code ?} or {@code *}), a set, the last day, or the nth weekday. */
    private record DayRule(boolean any, BitSet values, boolean last, int nth) {
    }

    private CronExpression(BitSet minutes, BitSet hours, DayRule dayOfMonth, BitSet months, DayRule dayOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    /** The expression inside {@code cron(...)}; empty when it is not one this model can read. */
    static Optional<CronExpression> parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 6) {
            return Optional.empty();
        }
        try {
            DayRule dom = dayRule(f[2], 1, 31, List.of(), false);
            DayRule dow = dayRule(f[4], 1, 7, DAYS, true);
            boolean domQuestion = f[2].equals("?");
            boolean dowQuestion = f[4].equals("?");
            if (domQuestion == dowQuestion) {
                return Optional.empty();
            }
            return Optional.of(new CronExpression(set(f[0], 0, 59, List.of()), set(f[1], 0, 23, List.of()), dom,
                    set(f[3], 1, 12, MONTHS), dow, set(f[5], 1970, LAST_YEAR, List.of())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DayRule dayRule(String field, int min, int max, List<String> names, boolean weekdays) {
        if (field.equals("?") || field.equals("*")) {
            return new DayRule(true, new BitSet(), false, 0);
        }
        if (field.equals("L") && !weekdays) {
            return new DayRule(false, new BitSet(), true, 0);
        }
        if (weekdays && field.matches("[1-7A-Za-z]{1,3}L")) {
            BitSet b = new BitSet();
            b.set(value(field.substring(0, field.length() - 1), names, min));
            return new DayRule(false, b, true, 0);
        }
        if (weekdays && field.matches("[1-7A-Za-z]{1,3}#[1-5]")) {
            BitSet b = new BitSet();
            b.set(value(field.substring(0, field.indexOf('#')), names, min));
            return new DayRule(false, b, false, Integer.parseInt(field.substring(field.indexOf('#') + 1)));
        }
        return new DayRule(false, set(field, min, max, names), false, 0);
    }

    private static BitSet set(String field, int min, int max, List<String> names) {
        BitSet out = new BitSet();
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
                if (step < 1) {
                    throw new IllegalArgumentException(part);
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = value(range.substring(0, range.indexOf('-')), names, min);
                to = value(range.substring(range.indexOf('-') + 1), names, min);
            } else {
                from = value(range, names, min);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException(part);
            }
            for (int v = from; v <= to; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    private static int value(String text, List<String> names, int min) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        return named >= 0 ? named + min : Integer.parseInt(text);
    }

    /** The first matching minute strictly after {@code after}, or empty when none comes before year 2200. */
    Optional<LocalDateTime> next(LocalDateTime after) {
        LocalDateTime from = after.withSecond(0).withNano(0).plusMinutes(1);
        for (LocalDate day = from.toLocalDate(); day.getYear() <= LAST_YEAR; day = day.plusDays(1)) {
            if (!years.get(day.getYear()) || !months.get(day.getMonthValue()) || !matchesDay(day)) {
                continue;
            }
            LocalTime start = day.equals(from.toLocalDate()) ? from.toLocalTime() : LocalTime.MIDNIGHT;
            for (int h = hours.nextSetBit(start.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
                int m = minutes.nextSetBit(h == start.getHour() ? start.getMinute() : 0);
                if (m >= 0) {
                    return Optional.of(LocalDateTime.of(day, LocalTime.of(h, m)));
                }
            }
        }
        return Optional.empty();
    }

    private boolean matchesDay(LocalDate day) {
        if (!dayOfMonth.any()) {
            return dayOfMonth.last() ? day.getDayOfMonth() == YearMonth.from(day).lengthOfMonth() : dayOfMonth.values().get(day.getDayOfMonth());
        }
        if (dayOfWeek.any()) {
            return true;
        }
        int weekday = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1;
        if (!dayOfWeek.values().get(weekday)) {
            return false;
        }
        if (dayOfWeek.last()) {
            return day.plusWeeks(1).getMonthValue() != day.getMonthValue();
        }
        return dayOfWeek.nth() == 0 || (day.getDayOfMonth() - 1) / 7 + 1 == dayOfWeek.nth();
    }
}
