package dev.turnpike.cron;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed cron expression: {@code minute hour day-of-month month day-of-week}, evaluated at
 * minute resolution in a given time zone.
 *
 * <p>Syntax, as in Resin: whitespace-separated fields, each a comma-separated list of items
 * {@code *}, {@code N} or {@code N-M}, each optionally followed by {@code /step}
 * (<code>*&#47;15</code> is 0,15,30,45; {@code 5/10} is 5 only, its range being 5-5). Ranges: minute
 * 0-59, hour 0-23, day-of-month 1-31, month 1-12, day-of-week 0-7 with 0 and 7 both Sunday.
 * Fields may be left off at the end: a missing hour is {@code *}, a missing day-of-month, month
 * or day-of-week does not constrain the day. So {@code 5} fires at minute 5 of every hour.
 *
 * <p>Meaning: the documented, standard cron meaning rather than Resin's code.
 * <ul>
 *   <li>The month is honoured (Resin parses it but ignores it).</li>
 *   <li>Day-of-month and day-of-week combine as in Vixie cron: a field counts as restricted
 *       unless it is missing or its text starts with {@code *}; when both are restricted a day
 *       matches if <em>either</em> matches, otherwise it must match both. So
 *       {@code 0 0 1,15 * 1} fires on the 1st, the 15th and every Monday, while
 *       <code>0 0 *&#47;2 * 1</code> fires on Mondays with an odd day of the month.</li>
 *   <li>Times are local times of the zone. A local time inside a daylight-saving gap does not
 *       exist and never matches; a local time that occurs twice (the repeated hour when clocks
 *       go back) matches once, at its first occurrence.</li>
 * </ul>
 *
 * <p>An expression whose days can never occur, such as {@code 0 0 30 2 *}, parses but has no
 * next or previous time. Searches look at most 400 years (a full Gregorian cycle) away.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CronSchedule {

    /** What {@link #nextTime} and {@link #prevTime} return when there is no such time. */
    public static final long NONE = -1;

    private static final int SEARCH_YEARS = 401;
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1000;
    private static final long MIN_SECONDS = Long.MIN_VALUE / 1000;
    private static final long MINUTE_MILLIS = 60_000;
    private static final long GAP = Long.MIN_VALUE;
    private static final int[] MONTH_LENGTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final String text;
    private final long minutes;
    private final long hours;
    private final long days;
    private final long months;
    private final long weekdays;
    private final boolean eitherDay;
    private final boolean possible;

    private CronSchedule(String text, long minutes, long hours, long days, long months, long weekdays,
            boolean eitherDay) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.weekdays = weekdays;
        this.eitherDay = eitherDay;
        this.possible = eitherDay || hasCalendarDay(days, months);
    }

    /**
     * Parses a cron expression of one to five fields.
     *
     * @throws CronSyntaxException for empty text, more than five fields, or a field item that is
     *         malformed or out of range; the message names the field, the item and the text
     */
    public static CronSchedule parse(String text) {
        Objects.requireNonNull(text, "text");
        List<String> fields = fields(text);
        if (fields.isEmpty()) {
            throw new CronSyntaxException("empty cron expression; expected 'minute hour day-of-month month"
                    + " day-of-week', trailing fields optional");
        }
        if (fields.size() > 5) {
            throw new CronSyntaxException("cron expression '" + text + "' has " + fields.size()
                    + " fields; at most 5 are allowed: minute hour day-of-month month day-of-week");
        }
        long minutes = field(fields, CronField.MINUTE, text);
        long hours = field(fields, CronField.HOUR, text);
        long days = field(fields, CronField.DAY_OF_MONTH, text);
        long months = field(fields, CronField.MONTH, text);
        long weekdays = field(fields, CronField.DAY_OF_WEEK, text);
        weekdays = (weekdays | (weekdays >>> 7)) & 0x7F;
        boolean dayRestricted = fields.size() > 2 && !fields.get(2).startsWith("*");
        boolean weekdayRestricted = fields.size() > 4 && !fields.get(4).startsWith("*");
        return new CronSchedule(text, minutes, hours, days, months, weekdays, dayRestricted && weekdayRestricted);
    }

    /**
     * The earliest matching minute strictly after {@code epochMillis}.
     *
     * @param zone the time zone whose local time the fields describe
     * @return epoch milliseconds of the start of that minute, or {@link #NONE} ({@code -1}, never a
     *         whole minute) when the expression never matches
     */
    public long nextTime(long epochMillis, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (!possible) {
            return NONE;
        }
        LocalDateTime from = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone)
                .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = from.toLocalDate();
        LocalDate last = date.plusYears(SEARCH_YEARS);
        int firstHour = from.getHour();
        int firstMinute = from.getMinute();
        while (!date.isAfter(last)) {
            if (!has(months, date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
            } else {
                if (matchesDay(date)) {
                    for (int h = nextBit(hours, firstHour); h >= 0; h = nextBit(hours, h + 1)) {
                        int m0 = h == firstHour ? firstMinute : 0;
                        for (int m = nextBit(minutes, m0); m >= 0; m = nextBit(minutes, m + 1)) {
                            long seconds = epochSecond(rules, date.atTime(h, m));
                            if (seconds == GAP) {
                                continue;
                            }
                            if (seconds > MAX_SECONDS) {
                                return NONE;
                            }
                            if (seconds * 1000 > epochMillis) {
                                return seconds * 1000;
                            }
                        }
                    }
                }
                date = date.plusDays(1);
            }
            firstHour = 0;
            firstMinute = 0;
        }
        return NONE;
    }

    /**
     * The latest matching minute at or before the next whole minute after {@code epochMillis}, so
     * up to a minute ahead: at 08:59:30 a schedule for 09:00 already reports 09:00, as in Resin.
     *
     * @param zone the time zone whose local time the fields describe
     * @return epoch milliseconds of the start of that minute, or {@link #NONE} ({@code -1}, never a
     *         whole minute) when the expression never matches
     */
    public long prevTime(long epochMillis, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (!possible) {
            return NONE;
        }
        long limitMinute = Math.floorDiv(epochMillis, MINUTE_MILLIS) + 1;
        long limit = limitMinute > Long.MAX_VALUE / MINUTE_MILLIS ? Long.MAX_VALUE : limitMinute * MINUTE_MILLIS;
        LocalDateTime from = LocalDateTime.ofInstant(Instant.ofEpochMilli(limit), zone)
                .truncatedTo(ChronoUnit.MINUTES);
        ZoneOffsetTransition transition = rules.getTransition(from);
        if (transition != null && transition.isOverlap()) {
            // the first occurrence of every later local minute of the repeated hour may precede the limit
            from = transition.getDateTimeBefore().minusNanos(1).truncatedTo(ChronoUnit.MINUTES);
        }
        LocalDate date = from.toLocalDate();
        LocalDate last = date.minusYears(SEARCH_YEARS);
        int firstHour = from.getHour();
        int firstMinute = from.getMinute();
        while (!date.isBefore(last)) {
            if (!has(months, date.getMonthValue())) {
                date = date.withDayOfMonth(1).minusDays(1);
            } else {
                if (matchesDay(date)) {
                    for (int h = prevBit(hours, firstHour); h >= 0; h = prevBit(hours, h - 1)) {
                        int m0 = h == firstHour ? firstMinute : 59;
                        for (int m = prevBit(minutes, m0); m >= 0; m = prevBit(minutes, m - 1)) {
                            long seconds = epochSecond(rules, date.atTime(h, m));
                            if (seconds == GAP) {
                                continue;
                            }
                            if (seconds < MIN_SECONDS) {
                                return NONE;
                            }
                            if (seconds * 1000 <= limit) {
                                return seconds * 1000;
                            }
                        }
                    }
                }
                date = date.minusDays(1);
            }
            firstHour = 23;
            firstMinute = 59;
        }
        return NONE;
    }

    /**
     * Whether a rule with {@code enable-at} and {@code disable-at} schedules is on at {@code now}
     * ({@code resin:IfCron}): the enable schedule has a previous time, and the disable schedule
     * has none or one no later than it. Both previous times are as in {@link #prevTime}.
     */
    public static boolean activeWindow(CronSchedule enable, CronSchedule disable, long now, ZoneId zone) {
        long enabled = enable.prevTime(now, zone);
        if (enabled == NONE) {
            return false;
        }
        long disabled = disable.prevTime(now, zone);
        return disabled == NONE || disabled <= enabled;
    }

    /** The expression as it was given to {@link #parse}. */
    @Override
    public String toString() {
        return text;
    }

    private boolean matchesDay(LocalDate date) {
        boolean day = has(days, date.getDayOfMonth());
        boolean weekday = has(weekdays, date.getDayOfWeek().getValue() % 7);
        return eitherDay ? day || weekday : day && weekday;
    }

    /** Epoch seconds of a local time at its first occurrence, or {@link #GAP} if it does not exist. */
    private static long epochSecond(ZoneRules rules, LocalDateTime local) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        return offsets.isEmpty() ? GAP : local.toEpochSecond(offsets.get(0));
    }

    private static boolean hasCalendarDay(long days, long months) {
        for (int month = nextBit(months, 1); month >= 0; month = nextBit(months, month + 1)) {
            if ((days & ((1L << (MONTH_LENGTH[month] + 1)) - 1)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The field's values as bits; a missing field admits every value. */
    private static long field(List<String> fields, CronField field, String text) {
        int index = field.ordinal();
        return index < fields.size() ? field.parse(fields.get(index), text) : field.all();
    }

    private static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(text.substring(start, i));
            }
        }
        return fields;
    }

    private static boolean has(long bits, int value) {
        return (bits & (1L << value)) != 0;
    }

    private static int nextBit(long bits, int from) {
        if (from > 63) {
            return -1;
        }
        long rest = bits & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    private static int prevBit(long bits, int from) {
        if (from < 0) {
            return -1;
        }
        long rest = from >= 63 ? bits : bits & ((1L << (from + 1)) - 1);
        return rest == 0 ? -1 : 63 - Long.numberOfLeadingZeros(rest);
    }
}
