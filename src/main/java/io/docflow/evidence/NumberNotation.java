package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The numbers a written amount can mean. {@code 1.234,50}, {@code 1,234.50}, {@code 1'234.50} and {@code 1 234,50}
 * mean 1234.50 (with both marks, the last one is the decimal mark); {@code 1,234} alone can be 1234 or 1.234, so
 * both readings are kept and the value decides.
 */
final class NumberNotation {

    private NumberNotation() {
    }

    /** The readings of a token of digits and marks; empty when the marks make no sense as a number. */
    static List<BigDecimal> readings(String token) {
        // apostrophes and spaces only ever group thousands
        String digits = token.replaceAll("['\u00A0\u202F\u2009 ]", "");
        if (!digits.matches("\\d(?:[\\d.,]*\\d)?")) {
            return List.of();
        }
        int dot = digits.lastIndexOf('.');
        int comma = digits.lastIndexOf(',');
        if (dot < 0 && comma < 0) {
            return List.of(new BigDecimal(digits));
        }
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char grouping = dot > comma ? ',' : '.';
            if (digits.indexOf(decimal) != digits.lastIndexOf(decimal)) {
                return List.of();
            }
            return List.of(new BigDecimal(digits.replace(String.valueOf(grouping), "").replace(decimal, '.')));
        }
        char mark = dot >= 0 ? '.' : ',';
        String[] parts = digits.split(mark == '.' ? "\\." : ",", -1);
        if (parts.length > 2) {
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].length() != 3) {
                    return List.of();
                }
            }
            return parts[0].length() <= 3 ? List.of(new BigDecimal(String.join("", parts))) : List.of();
        }
        BigDecimal decimal = new BigDecimal(parts[0] + "." + parts[1]);
        boolean couldGroupThousands = parts[1].length() == 3 && parts[0].length() <= 3 && !parts[0].equals("0");
        return couldGroupThousands ? List.of(new BigDecimal(parts[0] + parts[1]), decimal) : List.of(decimal);
    }

    /** A number the model wrote as text: plain ({@code 1234.50}) or in a notation with one reading. */
    static Optional<BigDecimal> parse(String text) {
        String trimmed = text.strip().replaceAll("^[^\\d\\-+]+|[^\\d]+$", "");
        boolean negative = trimmed.startsWith("-");
        String unsigned = trimmed.replaceFirst("^[-+]", "");
        if (!unsigned.matches("\\d[\\d.,'\u00A0\u202F\u2009 ]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(unsigned)).map(value -> negative ? value.negate() : value);
        } catch (NumberFormatException notPlain) {
            List<BigDecimal> readings = readings(unsigned);
            return readings.size() == 1
                    ? Optional.of(negative ? readings.get(0).negate() : readings.get(0))
                    : Optional.empty();
        }
    }
}
