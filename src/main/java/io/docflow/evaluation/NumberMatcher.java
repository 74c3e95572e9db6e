package io.docflow.evaluation;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Numbers within an absolute tolerance (0.01 by default: a cent, as the schemas' sum rules). A number given as text
 * ("12.50") is read as the number; anything else that is not a number is wrong.
 */
public final class NumberMatcher implements ValueMatcher {

    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.01");

    private final BigDecimal tolerance;

    public NumberMatcher(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    public NumberMatcher() {
        this(DEFAULT_TOLERANCE);
    }

    @Override
    public boolean matches(JsonNode expected, JsonNode actual) {
        BigDecimal e = number(expected);
        BigDecimal a = number(actual);
        return e != null && a != null && e.subtract(a).abs().compareTo(tolerance) <= 0;
    }

    /** Relative nearness, so that 99.00 for 100.00 pairs before 12.00 does when list rows are aligned. */
    @Override
    public double similarity(JsonNode expected, JsonNode actual) {
        if (matches(expected, actual)) {
            return 1;
        }
        BigDecimal e = number(expected);
        BigDecimal a = number(actual);
        if (e == null || a == null) {
            return 0;
        }
        double scale = Math.max(Math.abs(e.doubleValue()), Math.abs(a.doubleValue()));
        return Math.max(0, 0.99 - Math.abs(e.doubleValue() - a.doubleValue()) / scale);
    }

    static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "number ±" + tolerance.toPlainString();
    }
}
