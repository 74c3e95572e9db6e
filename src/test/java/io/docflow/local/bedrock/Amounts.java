package io.docflow.local.bedrock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses money amounts written the English or the continental way: {@code $1,234.56}, {@code 1.234,56 EUR}. */
final class Amounts {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.,\\-])(?:([-\u2212])\\s?)?[$€£¥]?\\s?(\\d[\\d.,']*\\d|\\d)");
    private static final Pattern CURRENCY_AFTER = Pattern.compile("\\s?([$€£¥]|[A-Z]{3}(?![\\p{L}]))");
    private static final Pattern MONEY_LIKE = Pattern.compile("[$€£¥]|\\d[.,]\\d{2}$");

    private Amounts() {
    }

    /** The first amount in {@code text}. */
    static Optional<BigDecimal> first(String text) {
        List<BigDecimal> all = all(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The last amount in {@code text}, e.g. the total at the end of a "Total (incl. 20% VAT): 120.00" line. */
    static Optional<BigDecimal> last(String text) {
        List<BigDecimal> all = all(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The last amount in {@code text} written like money: with a currency sign or code, or two decimals. This
     * skips counts such as the 3 in "Total items: 3".
     */
    static Optional<BigDecimal> lastMoney(String text) {
        BigDecimal last = null;
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String after = text.substring(m.end());
            if (looksLikeMoney(m.group()) || CURRENCY_AFTER.matcher(after).lookingAt()) {
                BigDecimal value = parseDigits(m.group(2));
                last = m.group(1) == null ? value : value.negate();
            }
        }
        return Optional.ofNullable(last);
    }

    static List<BigDecimal> all(String text) {
        List<BigDecimal> amounts = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            BigDecimal value = parseDigits(m.group(2));
            amounts.add(m.group(1) == null ? value : value.negate());
        }
        return amounts;
    }

    /** Whether a token reads like money rather than a count or a code: a currency sign or two decimals. */
    static boolean looksLikeMoney(String token) {
        return MONEY_LIKE.matcher(token.trim()).find();
    }

    /** A plain JSON-friendly form: no exponent, no trailing zeros. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal parseDigits(String token) {
        String digits = token.replace("'", "");
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            return decimal(digits, decimal);
        }
        if (lastComma >= 0) {
            boolean oneComma = digits.indexOf(',') == lastComma;
            boolean thousands = !oneComma || digits.length() - lastComma - 1 == 3;
            return thousands ? new BigDecimal(digits.replace(",", "")) : decimal(digits, ',');
        }
        if (lastDot >= 0 && digits.indexOf('.') != lastDot) {
            return new BigDecimal(digits.replace(".", ""));
        }
        return new BigDecimal(digits);
    }

    private static BigDecimal decimal(String digits, char decimalSeparator) {
        int at = digits.lastIndexOf(decimalSeparator);
        String whole = digits.substring(0, at).replaceAll("[.,]", "");
        return new BigDecimal(whole + "." + digits.substring(at + 1));
    }
}
