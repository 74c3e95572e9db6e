package io.docflow.evaluation.set;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * How a document writes its amounts: a currency, its grouping and decimal marks ({@code 1,234.56},
 * {@code 1.234,56}, {@code 1 234,56}, {@code 1'234.56}, {@code 1234.56}) and where the symbol or code goes.
 */
record Money(String code, Marks marks, Sign sign) {

    enum Marks {
        US(',', '.'), CONTINENTAL('.', ','), SPACED(' ', ','), SWISS('\'', '.'), PLAIN((char) 0, '.');

        private final char grouping;
        private final char decimal;

        Marks(char grouping, char decimal) {
            this.grouping = grouping;
            this.decimal = decimal;
        }

        String format(BigDecimal amount, int decimals) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
            symbols.setDecimalSeparator(decimal);
            if (grouping != 0) {
                symbols.setGroupingSeparator(grouping);
            }
            String pattern = (grouping != 0 ? "#,##0" : "0") + (decimals > 0 ? "." + "0".repeat(decimals) : "");
            DecimalFormat format = new DecimalFormat(pattern, symbols);
            format.setGroupingUsed(grouping != 0);
            return format.format(amount);
        }
    }

    /** Symbol before ({@code $12.00}), code before ({@code EUR 12.00}) or code after ({@code 12,00 EUR}). */
    enum Sign { SYMBOL, CODE_BEFORE, CODE_AFTER }

    private static final List<String> CODES = List.of("USD", "EUR", "GBP", "CHF", "CAD", "AUD");

    /** A currency with the marks and sign its documents commonly use. */
    static Money any(Pick pick) {
        String code = pick.one(CODES);
        return switch (code) {
            case "EUR" -> new Money(code, pick.oneOf(Marks.CONTINENTAL, Marks.CONTINENTAL, Marks.SPACED, Marks.US),
                    pick.oneOf(Sign.SYMBOL, Sign.CODE_AFTER, Sign.CODE_BEFORE));
            case "CHF" -> new Money(code, pick.oneOf(Marks.SWISS, Marks.PLAIN), pick.oneOf(Sign.CODE_BEFORE, Sign.CODE_AFTER));
            case "CAD", "AUD" -> new Money(code, Marks.US, pick.oneOf(Sign.CODE_BEFORE, Sign.SYMBOL));
            default -> new Money(code, pick.oneOf(Marks.US, Marks.US, Marks.PLAIN), pick.oneOf(Sign.SYMBOL, Sign.SYMBOL, Sign.CODE_BEFORE));
        };
    }

    String symbol() {
        return switch (code) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "CAD" -> "CA$";
            case "AUD" -> "A$";
            default -> code + " ";
        };
    }

    /** The bare number, {@code 1,234.56}; negative with a leading minus. */
    String number(BigDecimal amount) {
        return marks.format(amount, 2);
    }

    /** The amount with its currency, {@code $1,234.56} or {@code 1.234,56 EUR}. */
    String amount(BigDecimal amount) {
        String sign = amount.signum() < 0 ? "-" : "";
        String number = number(amount.abs());
        return switch (this.sign) {
            case SYMBOL -> sign + symbol() + number;
            case CODE_BEFORE -> sign + code + " " + number;
            case CODE_AFTER -> sign + number + " " + code;
        };
    }

    /** Whether {@link #amount} names the currency by its code; if not, the document has to say it elsewhere. */
    boolean showsCode() {
        return sign != Sign.SYMBOL || "CHF".equals(code);
    }
}
