package io.docflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Prints the tables (Markdown, so they paste into docs/benchmarks.md) and writes the JSON results. */
final class Report {

    static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A column of figures under a heading. */
    record Column(String heading, Measurement measurement) {
    }

    /** A ratio column: column {@code numerator} over column {@code denominator} (indexes into the columns). */
    record Ratio(String heading, int numerator, int denominator) {
    }

    private Report() {
    }

    static String table(String title, List<Column> columns, List<Ratio> ratios) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> c.measurement().figures.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
        StringBuilder out = new StringBuilder("\n").append(title).append("\n\n| figure |");
        columns.forEach(c -> out.append(' ').append(c.heading()).append(" |"));
        ratios.forEach(r -> out.append(' ').append(r.heading()).append(" |"));
        out.append("\n| --- |");
        for (int i = 0; i < columns.size() + ratios.size(); i++) {
            out.append(" ---: |");
        }
        out.append('\n');
        for (String name : names) {
            out.append("| ").append(name).append(" |");
            for (Column c : columns) {
                out.append(' ').append(format(name, c.measurement().get(name))).append(" |");
            }
            for (Ratio r : ratios) {
                Double a = columns.get(r.numerator()).measurement().get(name);
                Double b = columns.get(r.denominator()).measurement().get(name);
                boolean meaningful = a != null && b != null && b != 0 && !a.isNaN() && !b.isNaN()
                        && !name.equals(Measurement.DOCUMENTS) && !name.startsWith("failures");
                out.append(' ').append(meaningful ? String.format(Locale.ROOT, "%.2f", a / b) : "").append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String format(String name, Double value) {
        if (value == null || value.isNaN()) {
            return "—";
        }
        if (name.contains("/min") || name.endsWith(" s")) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (name.contains("%")) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (name.contains("utilization") || name.contains("ratio")) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static void writeJson(Path file, Map<String, Object> content) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
