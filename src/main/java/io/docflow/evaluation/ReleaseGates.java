package io.docflow.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --min-*} thresholds of the evaluate command: a release gate. Each one missed is a failure with the
 * figure and the threshold; an unset threshold checks nothing. A figure that could not be measured (no lists in
 * the set, say) misses its threshold rather than passing it.
 */
public record ReleaseGates(Double minClassAccuracy, Double minFieldF1, Double minListCompleteness,
                           Double minFullyCorrect) {

    public static final ReleaseGates NONE = new ReleaseGates(null, null, null, null);

    /** From command-line options: {@code min-class-accuracy}, {@code min-field-f1}, {@code min-list-completeness}, {@code min-fully-correct}. */
    public static ReleaseGates fromOptions(Map<String, String> options) {
        return new ReleaseGates(fraction(options, "min-class-accuracy"), fraction(options, "min-field-f1"),
                fraction(options, "min-list-completeness"), fraction(options, "min-fully-correct"));
    }

    public Map<String, Double> thresholds() {
        Map<String, Double> set = new LinkedHashMap<>();
        put(set, "min-class-accuracy", minClassAccuracy);
        put(set, "min-field-f1", minFieldF1);
        put(set, "min-list-completeness", minListCompleteness);
        put(set, "min-fully-correct", minFullyCorrect);
        return set;
    }

    /** What {@code scores} misses, one line each; empty when every gate passes. */
    public List<String> failures(ConfigurationScores scores) {
        List<String> failures = new ArrayList<>();
        check(failures, "class accuracy", scores.classification().accuracy(), minClassAccuracy);
        check(failures, "field F1", scores.fields().overall().f1(), minFieldF1);
        check(failures, "list completeness", scores.listCompleteness(), minListCompleteness);
        check(failures, "fully correct documents", scores.fullyCorrectShare(), minFullyCorrect);
        return failures;
    }

    private static void check(List<String> failures, String figure, double value, Double minimum) {
        if (minimum != null && (Double.isNaN(value) || value < minimum)) {
            failures.add("%s %s is below the minimum %.3f".formatted(figure,
                    Double.isNaN(value) ? "(not measured)" : "%.3f".formatted(value), minimum));
        }
    }

    private static Double fraction(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        double parsed;
        try {
            parsed = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                    : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a fraction (0.92) or a percentage (92%); got " + value);
        }
        if (parsed < 0 || parsed > 1) {
            throw new IllegalArgumentException("--" + name + " must be between 0 and 1 (or 0% and 100%); got " + value);
        }
        return parsed;
    }

    private static void put(Map<String, Double> set, String name, Double value) {
        if (value != null) {
            set.put(name, value);
        }
    }
}
