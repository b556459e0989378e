package dev.turnpike.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CronScheduleTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");

    // ---- parsing: which values each field admits -------------------------------------------

    static Stream<Arguments> minutes() {
        return Stream.of(
                Arguments.of("0", List.of(0)),
                Arguments.of("59", List.of(59)),
                Arguments.of("05", List.of(5)),
                Arguments.of("*/15", List.of(0, 15, 30, 45)),
                Arguments.of("5-20/5", List.of(5, 10, 15, 20)),
                Arguments.of("50-59/4", List.of(50, 54, 58)),
                // N/step is the range N-N with a step: N only
                Arguments.of("7/10", List.of(7)),
                Arguments.of("*/59", List.of(0, 59)),
                Arguments.of("1,2,3", List.of(1, 2, 3)),
                Arguments.of("10-12,30", List.of(10, 11, 12, 30)),
                Arguments.of("30,3,3", List.of(3, 30)),
                Arguments.of("0-59/30,7", List.of(0, 7, 30)),
                Arguments.of("58-59", List.of(58, 59)));
    }

    @ParameterizedTest
    @MethodSource
    void minutes(String field, List<Integer> expected) {
        // all in the hour after 2024-01-01T00:00Z
        assertEquals(expected, matches(field + " 0", "2024-01-01T00:00Z", 60, t -> t.getMinute()));
    }

    static Stream<Arguments> hours() {
        return Stream.of(
                Arguments.of("0 */6", List.of(0, 6, 12, 18)),
                Arguments.of("0 22-23", List.of(22, 23)),
                Arguments.of("0 1-3,5", List.of(1, 2, 3, 5)),
                Arguments.of("0 0-23/12", List.of(0, 12)),
                Arguments.of("30 23", List.of(23)));
    }

    @ParameterizedTest
    @MethodSource
    void hours(String expression, List<Integer> expected) {
        assertEquals(expected, matches(expression, "2024-01-01T00:00Z", 24 * 60, t -> t.getHour()));
    }

    static Stream<Arguments> daysOfJanuary() {
        return Stream.of(
                Arguments.of("0 0 1,15,31", List.of(1, 15, 31)),
                Arguments.of("0 0 */10", List.of(1, 11, 21, 31)),
                Arguments.of("0 0 28-31/2", List.of(28, 30)),
                // 2024-01-01 is a Monday; 0 and 7 are both Sunday
                Arguments.of("0 0 * * 0", List.of(7, 14, 21, 28)),
                Arguments.of("0 0 * * 7", List.of(7, 14, 21, 28)),
                Arguments.of("0 0 * * 0,7", List.of(7, 14, 21, 28)),
                Arguments.of("0 0 * * 6-7", List.of(6, 7, 13, 14, 20, 21, 27, 28)),
                Arguments.of("0 0 * * 1-5/2", List.of(1, 3, 5, 8, 10, 12, 15, 17, 19, 22, 24, 26, 29, 31)),
                Arguments.of("0 0 * * */3", List.of(3, 6, 7, 10, 13, 14, 17, 20, 21, 24, 27, 28, 31)),
                // both day fields restricted: either one matches (the 10th, or any Sunday)
                Arguments.of("0 0 10 * 0", List.of(7, 10, 14, 21, 28)),
                // day-of-month starts with '*': both must match (odd days that are Mondays)
                Arguments.of("0 0 */2 * 1", List.of(1, 15, 29)),
                // day-of-week starts with '*': both must match
                Arguments.of("0 0 1-10 * */7", List.of(7)),
                // a day-of-week of '*' does not widen a restricted day-of-month
                Arguments.of("0 0 20 * *", List.of(20)),
                Arguments.of("0 0 20 1", List.of(20)));
    }

    @ParameterizedTest
    @MethodSource
    void daysOfJanuary(String expression, List<Integer> expected) {
        assertEquals(expected, matches(expression, "2024-01-01T00:00Z", 31 * 24 * 60, t -> t.getDayOfMonth()));
    }

    static Stream<Arguments> monthsOf2024() {
        return Stream.of(
                Arguments.of("0 0 1 */3", List.of(1, 4, 7, 10)),
                Arguments.of("0 0 1 12", List.of(12)),
                Arguments.of("0 0 1 2-3,11", List.of(2, 3, 11)),
                // the month is honoured (Resin would ignore it and fire every month)
                Arguments.of("0 0 1 6 *", List.of(6)),
                Arguments.of("0 0 31 * *", List.of(1, 3, 5, 7, 8, 10, 12)));
    }

    @ParameterizedTest
    @MethodSource
    void monthsOf2024(String expression, List<Integer> expected) {
        assertEquals(expected, matches(expression, "2024-01-01T00:00Z", 366 * 24 * 60, t -> t.getMonthValue()));
    }

    @Test
    void missingFieldsLeaveTheRestUnconstrained() {
        // minute only: minute 5 of every hour
        assertEquals(24, matches("5", "2024-01-01T00:00Z", 24 * 60, t -> t.getHour()).size());
        assertEquals("2024-01-01T01:05Z", next("5", "2024-01-01T00:05Z", UTC));
        // minute and hour: every day
        assertEquals(31, matches("0 12", "2024-01-01T00:00Z", 31 * 24 * 60, t -> t.getDayOfMonth()).size());
        // up to the month: day-of-week unconstrained
        assertEquals("2024-02-29T00:00Z", next("0 0 29 2", "2024-01-01T00:00Z", UTC));
    }

    @Test
    void whitespaceSeparatesFieldsAndToStringIsTheOriginalText() {
        CronSchedule schedule = CronSchedule.parse(" 0\t12 \n * ");
        assertEquals(" 0\t12 \n * ", schedule.toString());
        assertEquals(next("0 12 *", "2024-01-01T00:00Z", UTC), format(schedule.nextTime(millis("2024-01-01T00:00Z"),
                UTC), UTC));
    }

    static Stream<Arguments> errors() {
        String ranges = " is not *, N or N-M, optionally followed by /step (names, ?, L, W and # are not supported)";
        return Stream.of(
                Arguments.of("", "empty cron expression; expected 'minute hour day-of-month month day-of-week',"
                        + " trailing fields optional"),
                Arguments.of(" \t ", "empty cron expression; expected 'minute hour day-of-month month day-of-week',"
                        + " trailing fields optional"),
                Arguments.of("0 0 * * * *", "cron expression '0 0 * * * *' has 6 fields; at most 5 are allowed:"
                        + " minute hour day-of-month month day-of-week"),
                Arguments.of("61 * * * *", "minute value 61 out of range 0-59 in '61 * * * *'"),
                Arguments.of("0 24", "hour value 24 out of range 0-23 in '0 24'"),
                Arguments.of("0 20-24 * * *", "hour value 24 out of range 0-23 in '0 20-24 * * *'"),
                Arguments.of("0 0 0", "day-of-month value 0 out of range 1-31 in '0 0 0'"),
                Arguments.of("0 0 32 * *", "day-of-month value 32 out of range 1-31 in '0 0 32 * *'"),
                Arguments.of("0 0 * 0", "month value 0 out of range 1-12 in '0 0 * 0'"),
                Arguments.of("0 0 * 13 *", "month value 13 out of range 1-12 in '0 0 * 13 *'"),
                Arguments.of("0 0 * * 8", "day-of-week value 8 out of range 0-7 in '0 0 * * 8'"),
                Arguments.of("9999999999", "minute value 9999999999 out of range 0-59 in '9999999999'"),
                Arguments.of("30-10 * * * *", "minute range 30-10 has its start after its end in '30-10 * * * *'"),
                Arguments.of("*/0", "minute step 0 out of range 1-59 in '*/0'"),
                Arguments.of("*/60", "minute step 60 out of range 1-59 in '*/60'"),
                Arguments.of("0 0 * * */8", "day-of-week step 8 out of range 1-7 in '0 0 * * */8'"),
                Arguments.of("*/99999999999", "minute step 99999999999 out of range 1-59 in '*/99999999999'"),
                Arguments.of("1,,2", "minute list '1,,2' has an empty item in '1,,2'"),
                Arguments.of("0 1,", "hour list '1,' has an empty item in '0 1,'"),
                Arguments.of("0 0 * * MON", "day-of-week item 'MON'" + ranges + " in '0 0 * * MON'"),
                Arguments.of("0 0 * JAN", "month item 'JAN'" + ranges + " in '0 0 * JAN'"),
                Arguments.of("0 0 ? * 1", "day-of-month item '?'" + ranges + " in '0 0 ? * 1'"),
                Arguments.of("0 0 L", "day-of-month item 'L'" + ranges + " in '0 0 L'"),
                Arguments.of("-5", "minute item '-5'" + ranges + " in '-5'"),
                Arguments.of("5-", "minute item '5-'" + ranges + " in '5-'"),
                Arguments.of("1-2-3", "minute item '1-2-3'" + ranges + " in '1-2-3'"),
                Arguments.of("*-5", "minute item '*-5'" + ranges + " in '*-5'"),
                Arguments.of("**", "minute item '**'" + ranges + " in '**'"),
                Arguments.of("*/", "minute item '*/'" + ranges + " in '*/'"),
                Arguments.of("1/2/3", "minute item '1/2/3'" + ranges + " in '1/2/3'"),
                Arguments.of("+5", "minute item '+5'" + ranges + " in '+5'"),
                Arguments.of("0 0 1 1 1#2", "day-of-week item '1#2'" + ranges + " in '0 0 1 1 1#2'"));
    }

    @ParameterizedTest
    @MethodSource
    void errors(String expression, String message) {
        CronSyntaxException e = assertThrows(CronSyntaxException.class, () -> CronSchedule.parse(expression));
        assertEquals(message, e.getMessage());
    }

    @Test
    void syntaxErrorsAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("x"));
    }

    // ---- next and previous times -----------------------------------------------------------

    static Stream<Arguments> nextAndPrevious() {
        return Stream.of(
                // expression, now, next, previous (all UTC)
                Arguments.of("*", "2024-05-05T10:00:30Z", "2024-05-05T10:01Z", "2024-05-05T10:01Z"),
                // next is strictly after now; previous may be up to the next whole minute
                Arguments.of("0 12 * * *", "2024-05-05T12:00Z", "2024-05-06T12:00Z", "2024-05-05T12:00Z"),
                Arguments.of("0 12 * * *", "2024-05-05T11:59:59.999Z", "2024-05-05T12:00Z", "2024-05-05T12:00Z"),
                Arguments.of("0 12 * * *", "2024-05-05T11:59Z", "2024-05-05T12:00Z", "2024-05-05T12:00Z"),
                Arguments.of("0 12 * * *", "2024-05-05T11:58:59.999Z", "2024-05-05T12:00Z", "2024-05-04T12:00Z"),
                Arguments.of("0 12 * * *", "2024-05-05T12:00:30Z", "2024-05-06T12:00Z", "2024-05-05T12:00Z"),
                // month ends
                Arguments.of("0 0 1 * *", "2024-01-31T12:00Z", "2024-02-01T00:00Z", "2024-01-01T00:00Z"),
                Arguments.of("0 0 31 * *", "2024-04-15T00:00Z", "2024-05-31T00:00Z", "2024-03-31T00:00Z"),
                Arguments.of("0 0 30 * *", "2024-02-01T00:00Z", "2024-03-30T00:00Z", "2024-01-30T00:00Z"),
                Arguments.of("59 23 31 12 *", "2025-01-01T00:00Z", "2025-12-31T23:59Z", "2024-12-31T23:59Z"),
                Arguments.of("0 0 1 1 *", "2024-12-31T23:59:30Z", "2025-01-01T00:00Z", "2025-01-01T00:00Z"),
                Arguments.of("0 0 1 1 *", "2025-06-01T00:00Z", "2026-01-01T00:00Z", "2025-01-01T00:00Z"),
                // leap day
                Arguments.of("0 0 29 2 *", "2024-03-01T00:00Z", "2028-02-29T00:00Z", "2024-02-29T00:00Z"),
                Arguments.of("0 0 29 2 *", "2024-02-28T23:59:30Z", "2024-02-29T00:00Z", "2024-02-29T00:00Z"),
                Arguments.of("0 0 29 2 *", "2097-01-01T00:00Z", "2104-02-29T00:00Z", "2096-02-29T00:00Z"),
                // a leap day that is a Sunday: 40 years apart across 2100
                Arguments.of("0 0 29 2 */7", "2089-01-01T00:00Z", "2128-02-29T00:00Z", "2088-02-29T00:00Z"),
                // the month is honoured
                Arguments.of("0 12 * 6 *", "2024-01-15T00:00Z", "2024-06-01T12:00Z", "2023-06-30T12:00Z"),
                Arguments.of("*/15 9-10 * 3 1-5", "2024-02-29T23:00Z", "2024-03-01T09:00Z", "2023-03-31T10:45Z"),
                // Friday or the 13th (2024-10-13 is a Sunday)
                Arguments.of("0 0 13 * 5", "2024-10-11T00:00Z", "2024-10-13T00:00Z", "2024-10-11T00:00Z"),
                Arguments.of("0 0 13 * 5", "2024-10-13T00:00Z", "2024-10-18T00:00Z", "2024-10-13T00:00Z"),
                // Mondays with an odd day of the month: October 2024 has Mondays on the 7th, 14th, 21st, 28th
                Arguments.of("0 0 */2 * 1", "2024-10-08T00:00Z", "2024-10-21T00:00Z", "2024-10-07T00:00Z"),
                Arguments.of("0 0 */2 * 1", "2024-10-22T00:00Z", "2024-11-11T00:00Z", "2024-10-21T00:00Z"),
                // weekday 7 is Sunday like 0
                Arguments.of("0 0 * * 7", "2024-10-01T00:00Z", "2024-10-06T00:00Z", "2024-09-29T00:00Z"),
                Arguments.of("0 0 * * 0", "2024-10-01T00:00Z", "2024-10-06T00:00Z", "2024-09-29T00:00Z"),
                Arguments.of("0 0 * * 5-7", "2024-10-01T00:00Z", "2024-10-04T00:00Z", "2024-09-29T00:00Z"),
                // steps and lists in every field
                Arguments.of("5-20/5 */6 1,15 * *", "2024-01-15T06:20Z", "2024-01-15T12:05Z", "2024-01-15T06:20Z"),
                Arguments.of("7/10 3/5", "2024-01-15T04:00Z", "2024-01-16T03:07Z", "2024-01-15T03:07Z"));
    }

    @ParameterizedTest
    @MethodSource
    void nextAndPrevious(String expression, String now, String next, String previous) {
        assertEquals(next, next(expression, now, UTC), "next");
        assertEquals(previous, previous(expression, now, UTC), "previous");
    }

    @Test
    void daysThatNeverOccurHaveNoTimes() {
        for (String expression : List.of("0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 30-31 2")) {
            CronSchedule schedule = CronSchedule.parse(expression);
            assertEquals(CronSchedule.NONE, schedule.nextTime(0, UTC), expression);
            assertEquals(CronSchedule.NONE, schedule.prevTime(0, UTC), expression);
        }
        // with both day fields restricted a February Sunday still matches
        assertEquals("2025-02-02T00:00Z", next("0 0 30 2 0", "2024-10-01T00:00Z", UTC));
    }

    @Test
    void timesAtTheEndsOfTheRange() {
        CronSchedule everyMinute = CronSchedule.parse("*");
        assertEquals(CronSchedule.NONE, everyMinute.nextTime(Long.MAX_VALUE, UTC));
        assertEquals(CronSchedule.NONE, CronSchedule.parse("0 0 1 1 *").prevTime(Long.MIN_VALUE, UTC));
        assertEquals(Math.floorDiv(Long.MAX_VALUE, 60_000L) * 60_000L, everyMinute.prevTime(Long.MAX_VALUE, UTC));
        assertEquals(-60_000L, everyMinute.prevTime(-60_001L, UTC));
    }

    // ---- daylight saving time --------------------------------------------------------------

    static Stream<Arguments> daylightSaving() {
        return Stream.of(
                // Berlin, 2024-03-31: 02:00 CET becomes 03:00 CEST; 02:xx does not exist that day
                Arguments.of("30 2 * * *", BERLIN, "2024-03-30T12:00+01:00", "2024-04-01T02:30+02:00",
                        "2024-03-30T02:30+01:00"),
                Arguments.of("30 2 * * *", BERLIN, "2024-03-31T12:00+02:00", "2024-04-01T02:30+02:00",
                        "2024-03-30T02:30+01:00"),
                Arguments.of("*/15 * * * *", BERLIN, "2024-03-31T01:50+01:00", "2024-03-31T03:00+02:00",
                        "2024-03-31T01:45+01:00"),
                Arguments.of("*/15 * * * *", BERLIN, "2024-03-31T03:00+02:00", "2024-03-31T03:15+02:00",
                        "2024-03-31T03:00+02:00"),
                Arguments.of("0 3 * * *", BERLIN, "2024-03-31T01:59:30+01:00", "2024-03-31T03:00+02:00",
                        "2024-03-31T03:00+02:00"),
                // Berlin, 2024-10-27: 03:00 CEST becomes 02:00 CET; 02:xx occurs twice, it counts once (the first)
                Arguments.of("30 2 * * *", BERLIN, "2024-10-27T00:00+02:00", "2024-10-27T02:30+02:00",
                        "2024-10-26T02:30+02:00"),
                Arguments.of("30 2 * * *", BERLIN, "2024-10-27T02:20+02:00", "2024-10-27T02:30+02:00",
                        "2024-10-26T02:30+02:00"),
                Arguments.of("30 2 * * *", BERLIN, "2024-10-27T02:40+02:00", "2024-10-28T02:30+01:00",
                        "2024-10-27T02:30+02:00"),
                // in the second pass of the repeated hour the first 02:30 has already happened
                Arguments.of("30 2 * * *", BERLIN, "2024-10-27T02:10+01:00", "2024-10-28T02:30+01:00",
                        "2024-10-27T02:30+02:00"),
                Arguments.of("30 2 * * *", BERLIN, "2024-10-27T02:40+01:00", "2024-10-28T02:30+01:00",
                        "2024-10-27T02:30+02:00"),
                Arguments.of("0 * * * *", BERLIN, "2024-10-27T02:00+02:00", "2024-10-27T03:00+01:00",
                        "2024-10-27T02:00+02:00"),
                Arguments.of("0 * * * *", BERLIN, "2024-10-27T02:30+01:00", "2024-10-27T03:00+01:00",
                        "2024-10-27T02:00+02:00"),
                // New York, 2024-03-10: 02:00 EST becomes 03:00 EDT
                Arguments.of("30 2 * * *", NEW_YORK, "2024-03-09T12:00-05:00", "2024-03-11T02:30-04:00",
                        "2024-03-09T02:30-05:00"),
                Arguments.of("0 9 * * 1-5", NEW_YORK, "2024-03-08T10:00-05:00", "2024-03-11T09:00-04:00",
                        "2024-03-08T09:00-05:00"),
                Arguments.of("0 9 * * 1-5", NEW_YORK, "2024-03-11T10:00-04:00", "2024-03-12T09:00-04:00",
                        "2024-03-11T09:00-04:00"),
                // New York, 2024-11-03: 02:00 EDT becomes 01:00 EST; 01:xx occurs twice
                Arguments.of("30 1 * * *", NEW_YORK, "2024-11-03T00:00-04:00", "2024-11-03T01:30-04:00",
                        "2024-11-02T01:30-04:00"),
                Arguments.of("30 1 * * *", NEW_YORK, "2024-11-03T01:30-04:00", "2024-11-04T01:30-05:00",
                        "2024-11-03T01:30-04:00"),
                Arguments.of("30 1 * * *", NEW_YORK, "2024-11-03T01:45-05:00", "2024-11-04T01:30-05:00",
                        "2024-11-03T01:30-04:00"),
                Arguments.of("0 17 * * 1-5", NEW_YORK, "2024-11-01T18:00-04:00", "2024-11-04T17:00-05:00",
                        "2024-11-01T17:00-04:00"));
    }

    @ParameterizedTest
    @MethodSource
    void daylightSaving(String expression, ZoneId zone, String now, String next, String previous) {
        assertEquals(next, next(expression, now, zone), "next");
        assertEquals(previous, previous(expression, now, zone), "previous");
    }

    @Test
    void searchesAreBoundedAndFast() {
        // 02:30 on the last Sunday of March never exists in Berlin since 1981; before, it did
        CronSchedule never = CronSchedule.parse("30 2 25-31 3 */7");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(CronSchedule.NONE, never.nextTime(millis("2024-01-01T00:00Z"), BERLIN));
            assertEquals("1980-03-30T02:30+01:00", previous("30 2 25-31 3 */7", "2024-01-01T00:00Z", BERLIN));
        });
        CronSchedule everyMinute = CronSchedule.parse("*");
        CronSchedule leapSunday = CronSchedule.parse("0 0 29 2 */7");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            long t = millis("2024-01-01T00:00Z");
            for (int i = 0; i < 10_000; i++) {
                t = everyMinute.nextTime(t, BERLIN);
            }
            assertEquals(millis("2024-01-07T22:40Z"), t);
            for (int i = 0; i < 1_000; i++) {
                assertEquals(millis("2032-02-29T00:00+01:00"), leapSunday.nextTime(t, BERLIN));
                assertEquals(millis("2004-02-29T00:00+01:00"), leapSunday.prevTime(t, BERLIN));
            }
        });
    }

    // ---- IfCron ----------------------------------------------------------------------------

    static Stream<Arguments> activeWindow() {
        String open = "0 9 * * 1-5";
        String close = "0 17 * * 1-5";
        return Stream.of(
                // 2024-10-14 is a Monday
                Arguments.of(open, close, "2024-10-14T10:00Z", true),
                Arguments.of(open, close, "2024-10-14T09:00Z", true),
                Arguments.of(open, close, "2024-10-14T08:00Z", false),
                // up to a minute early, as in Resin
                Arguments.of(open, close, "2024-10-14T08:59:30Z", true),
                Arguments.of(open, close, "2024-10-14T08:58:59Z", false),
                Arguments.of(open, close, "2024-10-14T16:59:30Z", false),
                Arguments.of(open, close, "2024-10-14T16:58:59Z", true),
                Arguments.of(open, close, "2024-10-14T17:30Z", false),
                Arguments.of(open, close, "2024-10-19T12:00Z", false),
                Arguments.of(open, close, "2024-10-18T16:00Z", true),
                // across midnight
                Arguments.of("0 22 * * *", "0 6 * * *", "2024-10-14T23:00Z", true),
                Arguments.of("0 22 * * *", "0 6 * * *", "2024-10-15T03:00Z", true),
                Arguments.of("0 22 * * *", "0 6 * * *", "2024-10-15T07:00Z", false),
                // same minute: disable is not after enable, so on
                Arguments.of("0 9 * * *", "0 9 * * *", "2024-10-14T10:00Z", true),
                // a disable time that never comes counts as earliest
                Arguments.of("0 9 * * *", "0 0 30 2 *", "2024-10-14T10:00Z", true),
                // an enable time that never comes: never on
                Arguments.of("0 0 30 2 *", "0 9 * * *", "2024-10-14T10:00Z", false),
                Arguments.of("0 0 30 2 *", "0 0 31 2 *", "2024-10-14T10:00Z", false));
    }

    @ParameterizedTest
    @MethodSource
    void activeWindow(String enable, String disable, String now, boolean active) {
        assertEquals(active, CronSchedule.activeWindow(CronSchedule.parse(enable), CronSchedule.parse(disable),
                millis(now), UTC));
    }

    @Test
    void activeWindowInTheLocalZone() {
        CronSchedule open = CronSchedule.parse("0 9 * * 1-5");
        CronSchedule close = CronSchedule.parse("0 17 * * 1-5");
        // 09:30 in Berlin is 07:30 UTC in summer
        assertTrue(CronSchedule.activeWindow(open, close, millis("2024-07-01T07:30Z"), BERLIN));
        assertFalse(CronSchedule.activeWindow(open, close, millis("2024-07-01T07:30Z"), UTC));
        // the Monday after the spring change, at 09:00 local
        assertTrue(CronSchedule.activeWindow(open, close, millis("2024-03-11T09:00-04:00"), NEW_YORK));
        assertFalse(CronSchedule.activeWindow(open, close, millis("2024-03-11T08:30-04:00"), NEW_YORK));
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The values {@code part} takes at the matching minutes in {@code minutes} minutes from {@code start}. */
    private static List<Integer> matches(String expression, String start, int minutes,
            ToIntFunction<OffsetDateTime> part) {
        CronSchedule schedule = CronSchedule.parse(expression);
        long from = millis(start) - 1;
        long end = millis(start) + minutes * 60_000L;
        List<Integer> values = new ArrayList<>();
        for (long t = schedule.nextTime(from, UTC); t != CronSchedule.NONE && t < end; t = schedule.nextTime(t, UTC)) {
            values.add(part.applyAsInt(Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC)));
        }
        return values;
    }

    private static String next(String expression, String now, ZoneId zone) {
        return format(CronSchedule.parse(expression).nextTime(millis(now), zone), zone);
    }

    private static String previous(String expression, String now, ZoneId zone) {
        return format(CronSchedule.parse(expression).prevTime(millis(now), zone), zone);
    }

    private static long millis(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant().toEpochMilli();
    }

    private static String format(long millis, ZoneId zone) {
        if (millis == CronSchedule.NONE) {
            return "none";
        }
        return MINUTE.format(Instant.ofEpochMilli(millis).atZone(zone));
    }
}
