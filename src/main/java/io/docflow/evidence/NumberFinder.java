package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a number in a quote whatever its notation ({@link NumberNotation}). Only whole numbers of the text count: a
 * quote cut in the middle of 37.50 does not show 7.50. Signs are not compared (a debit printed as 37.50 in a
 * "paid out" column is -37.50 in the fields), but a value whose sign the quote does not show gets a note.
 */
final class NumberFinder {

    private static final String BEFORE = "(?<!\\d)(?<!\\d[.,])";
    private static final String AFTER = "(?!\\d|[.,]\\d)";
    private static final Pattern NUMBER = Pattern.compile(BEFORE + "\\d(?:[\\d.,'\u00A0\u202F\u2009]*\\d)?" + AFTER);
    private static final Pattern SPACE_GROUPED = Pattern.compile(BEFORE + "\\d{1,3}(?: \\d{3})+(?:[.,]\\d+)?" + AFTER);

    private NumberFinder() {
    }

    static ValueMatch find(String text, int from, int to, BigDecimal value) {
        List<String> seen = new ArrayList<>();
        for (Pattern pattern : List.of(NUMBER, SPACE_GROUPED)) {
            Matcher matcher = pattern.matcher(text).region(from, to).useTransparentBounds(true);
            while (matcher.find()) {
                List<BigDecimal> readings = NumberNotation.readings(matcher.group());
                if (matches(readings, value)) {
                    return ValueMatch.at(matcher.start(), matcher.end(), notes(text, matcher.start(), matcher.end(), value, readings));
                }
                if (readings.isEmpty()) {
                    ValueMatch inPart = findInCommaSeparatedParts(text, matcher.start(), matcher.group(), value);
                    if (inPart != null) {
                        return inPart;
                    }
                }
                if (pattern == NUMBER) {
                    seen.add(matcher.group());
                }
            }
        }
        String shown = seen.isEmpty() ? "no number in it" : "numbers in it: " + String.join(", ", seen.subList(0, Math.min(5, seen.size())));
        return ValueMatch.missing("the quote does not contain " + Amounts.format(value) + " (" + shown + ")");
    }

    private static boolean matches(List<BigDecimal> readings, BigDecimal value) {
        return readings.stream().anyMatch(reading -> reading.compareTo(value.abs()) == 0);
    }

    /** Values separated by commas alone, as in CSV text: 3,12.50,37.50 is no number but three. */
    private static ValueMatch findInCommaSeparatedParts(String text, int start, String token, BigDecimal value) {
        int partStart = start;
        for (String part : token.split(",", -1)) {
            if (!part.isEmpty()) {
                List<BigDecimal> readings = NumberNotation.readings(part);
                if (matches(readings, value)) {
                    int partEnd = partStart + part.length();
                    return ValueMatch.at(partStart, partEnd, notes(text, partStart, partEnd, value, readings));
                }
            }
            partStart += part.length() + 1;
        }
        return null;
    }

    private static String notes(String text, int start, int end, BigDecimal value, List<BigDecimal> readings) {
        List<String> notes = new ArrayList<>();
        String written = text.substring(start, end);
        if (readings.size() > 1) {
            notes.add(written + " read as " + Amounts.format(value.abs()) + " (it could also be "
                    + readings.stream().filter(reading -> reading.compareTo(value.abs()) != 0).map(Amounts::format).findFirst().orElse("") + ")");
        }
        if (value.signum() < 0 && !showsMinus(text, start, end)) {
            notes.add("the quote shows " + written + " without a minus sign");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static boolean showsMinus(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || "$€£¥₹".indexOf(text.charAt(before)) >= 0)) {
            before--;
        }
        boolean signBefore = before >= 0 && "-\u2212(".indexOf(text.charAt(before)) >= 0;
        boolean signAfter = end < text.length() && "-\u2212)".indexOf(text.charAt(end)) >= 0;
        return signBefore || signAfter;
    }
}
