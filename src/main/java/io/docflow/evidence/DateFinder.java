package io.docflow.evidence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a calendar day in a quote written as 2024-03-01, 01/03/2024, 1.3.24, 1 March 2024, 1st of March, 2024 or
 * March 1, 2024. A numeric date whose day and month could be swapped (01/03/2024) is read the way the schema
 * declares ({@code x-docflow-date-order}); where it declares nothing, either reading grounds the value and the note
 * says the date was ambiguous and which reading was taken. Two-digit years are read as 20yy, and the note says so.
 */
final class DateFinder {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th|er)?[\\s./-]*(?:of\\s+)?(\\p{L}{3,9})[\\s.,/-]*(\\d{4})(?!\\d)", FLAGS);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<!\\p{L})(\\p{L}{3,9})[\\s./-]*(\\d{1,2})(?:st|nd|rd|th|er)?[\\s.,/-]*(\\d{4})(?!\\d)", FLAGS);

    private DateFinder() {
    }

    static ValueMatch find(String text, int from, int to, LocalDate value, DateOrder order) {
        Map<String, List<LocalDate>> seen = new LinkedHashMap<>();
        for (Pattern pattern : List.of(ISO, NUMERIC, DAY_MONTH, MONTH_DAY)) {
            Matcher matcher = pattern.matcher(text).region(from, to).useTransparentBounds(true);
            while (matcher.find()) {
                Readings readings = readings(pattern, matcher, order);
                if (readings.dates().isEmpty()) {
                    continue;
                }
                seen.putIfAbsent(matcher.group(), readings.dates());
                if (readings.dates().contains(value)) {
                    return ValueMatch.at(matcher.start(), matcher.end(), readings.note(matcher.group(), value));
                }
            }
        }
        List<String> shown = new ArrayList<>();
        seen.forEach((written, dates) -> shown.add(written + " = " + String.join(" or ", dates.stream().map(LocalDate::toString).toList())));
        return ValueMatch.missing("the quote does not contain the date " + value + " ("
                + (shown.isEmpty() ? "no date in it" : "dates in it: " + String.join(", ", shown)) + ")");
    }

    private static Readings readings(Pattern pattern, Matcher m, DateOrder order) {
        if (pattern == ISO) {
            return Readings.of(date(number(m, 1), number(m, 3), number(m, 4)));
        }
        if (pattern == NUMERIC) {
            int year = year(m.group(4));
            LocalDate dayFirst = order == DateOrder.MONTH_FIRST ? null : date(year, number(m, 3), number(m, 1));
            LocalDate monthFirst = order == DateOrder.DAY_FIRST ? null : date(year, number(m, 1), number(m, 3));
            return new Readings(dayFirst, monthFirst, m.group(4).length() == 2);
        }
        boolean dayFirst = pattern == DAY_MONTH;
        Integer month = MonthNames.month(m.group(dayFirst ? 2 : 1));
        int day = number(m, dayFirst ? 1 : 2);
        return month == null ? Readings.of(null) : Readings.of(date(number(m, 3), month, day));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int year(String written) {
        return written.length() == 2 ? 2000 + Integer.parseInt(written) : Integer.parseInt(written);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADay) {
            return null;
        }
    }

    /** The days a written date can be: one, or two for a numeric date read day first and month first. */
    private record Readings(LocalDate dayFirst, LocalDate monthFirst, boolean twoDigitYear) {

        static Readings of(LocalDate date) {
            return new Readings(date, null, false);
        }

        List<LocalDate> dates() {
            List<LocalDate> dates = new ArrayList<>();
            if (dayFirst != null) {
                dates.add(dayFirst);
            }
            if (monthFirst != null && !monthFirst.equals(dayFirst)) {
                dates.add(monthFirst);
            }
            return dates;
        }

        String note(String written, LocalDate value) {
            List<String> notes = new ArrayList<>();
            if (dates().size() == 2) {
                notes.add(written + " is ambiguous: " + dayFirst + " read day first, " + monthFirst
                        + " month first; the value takes it " + (value.equals(dayFirst) ? "day" : "month") + " first");
            }
            if (twoDigitYear) {
                notes.add("two-digit year in " + written + " read as " + value.getYear());
            }
            return notes.isEmpty() ? null : String.join("; ", notes);
        }
    }
}
