package io.docflow.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Numbers read from fields and written into messages. */
final class Amounts {

    private Amounts() {
    }

    /** A field's number: a JSON number, or text holding one (models sometimes quote their numbers). */
    static Optional<BigDecimal> of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        return node.isTextual() ? NumberNotation.parse(node.asText()) : Optional.empty();
    }

    static String format(BigDecimal value) {
        return formatter(List.of(value)).apply(value);
    }

    /**
     * One way of writing all the numbers of a message: as many decimals as the most precise of them, and two rather
     * than one, so that a sum of amounts reads 617.96 + 30.90 = 648.86, not 617.96 + 30.9 = 648.86.
     */
    static Function<BigDecimal, String> formatter(Collection<BigDecimal> values) {
        int scale = values.stream().mapToInt(value -> Math.max(0, value.stripTrailingZeros().scale())).max().orElse(0);
        int used = scale == 1 ? 2 : scale;
        return value -> value.setScale(used, RoundingMode.HALF_UP).toPlainString();
    }

    static Function<BigDecimal, String> formatter(BigDecimal... values) {
        return formatter(Arrays.asList(values));
    }
}
