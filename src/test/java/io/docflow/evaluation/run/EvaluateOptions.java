package io.docflow.evaluation.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.docflow.evaluation.set.EvaluationSet;

/**
 * The evaluate command's options (docs/evaluation.md, "The evaluate command"), {@code --name=value} each; several
 * may share one argument separated by spaces (how Maven passes {@code -Devaluate.args}). {@code --a.<setting>} and
 * {@code --b.<setting>} are docflow settings of configuration A and B; any {@code --b.} setting asks for an A/B run.
 */
record EvaluateOptions(Map<String, String> options, Map<String, String> settingsA, Map<String, String> settingsB) {

    static final Set<String> KNOWN = Set.of("set", "classes", "seed", "per-class", "api", "b-api", "token", "b-token",
            "a-label", "b-label", "baseline", "out", "in-flight", "timeout-minutes", "min-class-accuracy", "min-field-f1",
            "min-list-completeness", "min-fully-correct");

    static EvaluateOptions parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+(?=--)")) {
                if (part.isBlank()) {
                    continue;
                }
                if (!part.startsWith("--") || !part.contains("=")) {
                    throw new IllegalArgumentException("Options are --name=value; got '" + part + "'");
                }
                String key = part.substring(2, part.indexOf('='));
                String value = part.substring(part.indexOf('=') + 1);
                if (key.startsWith("a.")) {
                    a.put(key.substring(2), value);
                } else if (key.startsWith("b.")) {
                    b.put(key.substring(2), value);
                } else if (KNOWN.contains(key)) {
                    options.put(key, value);
                } else {
                    throw new IllegalArgumentException("Unknown option --" + key + "; known: " + KNOWN.stream().sorted().toList()
                            + ", and --a.<docflow setting>, --b.<docflow setting>");
                }
            }
        }
        EvaluateOptions parsed = new EvaluateOptions(options, a, b);
        if (parsed.deployed() && (!a.isEmpty() || !b.isEmpty())) {
            throw new IllegalArgumentException("--a.<setting> and --b.<setting> configure local docflows; a deployed docflow "
                    + "(--api) keeps its own settings: compare two deployments with --api and --b-api");
        }
        return parsed;
    }

    /** Against docflows already running (--api, and --b-api for an A/B of two deployments). */
    boolean deployed() {
        return options.containsKey("api");
    }

    boolean ab() {
        return !settingsB.isEmpty() || options.containsKey("b-api") || options.containsKey("b-label");
    }

    boolean baseline() {
        return Boolean.parseBoolean(options.getOrDefault("baseline", Boolean.toString(!deployed())));
    }

    String labelA() {
        return options.getOrDefault("a-label", deployed() ? options.get("api") : settingsA.isEmpty() ? "docflow" : describe(settingsA));
    }

    String labelB() {
        return options.getOrDefault("b-label", options.containsKey("b-api") ? options.get("b-api") : describe(settingsB));
    }

    Path out(String stamp) {
        return Path.of(options.getOrDefault("out", "target/evaluation/" + stamp));
    }

    int inFlight() {
        return Integer.parseInt(options.getOrDefault("in-flight", "8"));
    }

    int timeoutMinutes() {
        return Integer.parseInt(options.getOrDefault("timeout-minutes", "10"));
    }

    long seed() {
        return Long.parseLong(options.getOrDefault("seed", Long.toString(EvaluationSet.DEFAULT_SEED)));
    }

    String get(String name) {
        return options.get(name);
    }

    private static String describe(Map<String, String> settings) {
        List<String> parts = settings.entrySet().stream()
                .map(e -> e.getKey().replaceFirst("^docflow\\.", "") + "=" + e.getValue()).toList();
        return String.join(" ", parts);
    }
}
