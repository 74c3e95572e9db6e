package io.docflow.local.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the values printed after labels in a document's lines ("Invoice No: INV-1", "Total due   120.00").
 * Candidates come best first: a label opening its line with a colon, then a label with a colon anywhere (two
 * fields on one line), then a label opening its line followed by the value without a colon.
 */
final class LabeledValues {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern CELL_BREAK = Pattern.compile("\\t| {2,}|\\|");
    private static final Pattern BULLET = Pattern.compile("^[-*•]\\s+");

    private final List<String> lines;

    LabeledValues(List<String> lines) {
        this.lines = lines.stream().map(line -> BULLET.matcher(line.strip()).replaceFirst("")).toList();
    }

    List<String> candidates(List<String> labels) {
        return located(labels).stream().map(Located::raw).toList();
    }

    /** The candidates with the line each was read from. */
    List<Located> located(List<String> labels) {
        List<Located> values = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (String label : labels) {
                Pattern pattern = PATTERNS.computeIfAbsent(label, LabeledValues::compile);
                for (int i = 0; i < lines.size(); i++) {
                    Located value = match(pattern, i, tier);
                    if (value != null && !value.raw().isEmpty()) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private Located match(Pattern pattern, int lineIndex, Tier tier) {
        Matcher m = pattern.matcher(lines.get(lineIndex));
        boolean found = tier == Tier.COLON_ANYWHERE ? m.find() : m.lookingAt();
        if (!found) {
            return null;
        }
        boolean colon = m.group("sep") != null;
        String value = cell(lines.get(lineIndex).substring(m.end()));
        return switch (tier) {
            case COLON_AT_START, COLON_ANYWHERE -> !colon ? null
                    : value.isEmpty() ? nextLine(lineIndex) : new Located(value, lineIndex);
            case NO_COLON_AT_START -> colon || value.contains(":") ? null : new Located(value, lineIndex);
        };
    }

    private Located nextLine(int lineIndex) {
        for (int i = lineIndex + 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return new Located(cell(lines.get(i)), i);
            }
        }
        return null;
    }

    private static String cell(String rest) {
        return CELL_BREAK.split(rest.strip(), 2)[0].strip().replaceAll("[,;]$", "");
    }

    private static Pattern compile(String label) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = label.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        if (Character.isLetterOrDigit(label.charAt(label.length() - 1))) {
            regex.append("(?![\\p{L}\\p{N}])");
        }
        // an abbreviation's dot ("Invoice no.") or a parenthesis ("Tax (20%): 20.00") may follow the label
        regex.append("\\.?(?:\\s*\\([^)]*\\))?\\s*(?<sep>[:=])?\\s*");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private enum Tier {
        COLON_AT_START, COLON_ANYWHERE, NO_COLON_AT_START
    }
}
