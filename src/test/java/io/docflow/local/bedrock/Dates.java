package io.docflow.local.bedrock;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a date written in one of the common forms and gives it as a {@link LocalDate}. */
final class Dates {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
            + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?![\\p{L}])";
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?:of\\s+)?" + MONTH + ",?[\\s-]+(\\d{4})");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private Dates() {
    }

    static Optional<LocalDate> find(String text) {
        Matcher m = ISO.matcher(text);
        if (m.find()) {
            return date(num(m.group(1)), num(m.group(2)), num(m.group(3)));
        }
        m = DAY_MONTH.matcher(text);
        if (m.find()) {
            return date(num(m.group(3)), month(m.group(2)), num(m.group(1)));
        }
        m = MONTH_DAY.matcher(text);
        if (m.find()) {
            return date(num(m.group(3)), month(m.group(1)), num(m.group(2)));
        }
        m = NUMERIC.matcher(text);
        if (m.find()) {
            return numeric(num(m.group(1)), m.group(2), num(m.group(3)), num(m.group(4)));
        }
        return Optional.empty();
    }

    /**
     * Day first unless that cannot be: docflow's documents are mostly European, and "01/03/2026" is the 1st of
     * March there; a first number over 12 only fits day-first, a second over 12 only month-first.
     */
    private static Optional<LocalDate> numeric(int first, String separator, int second, int year) {
        int fullYear = year < 100 ? 2000 + year : year;
        boolean monthFirst = !separator.equals(".") && second > 12 && first <= 12;
        return monthFirst ? date(fullYear, first, second) : date(fullYear, second, first);
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
