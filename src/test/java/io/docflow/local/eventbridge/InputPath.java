package io.docflow.local.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A target's InputPath: the JSONPath subset that selects one part of the event ({@code $}, {@code $.detail},
 * {@code $.detail.object['key']}, {@code $.resources[0]}). Filters and wildcards are refused when the target is
 * put, rather than silently delivering something else.
 */
final class InputPath {

    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\['([^']+)']|\\[(\\d+)]");

    private final String text;
    private final List<Object> steps;

    private InputPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    static InputPath parse(String text) {
        if (!text.startsWith("$")) {
            throw invalid(text);
        }
        List<Object> steps = new ArrayList<>();
        Matcher step = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!step.find(at) || step.start() != at || "*".equals(step.group(1))) {
                throw invalid(text);
            }
            if (step.group(1) != null) {
                steps.add(step.group(1));
            } else if (step.group(2) != null) {
                steps.add(step.group(2));
            } else {
                steps.add(Integer.valueOf(step.group(3)));
            }
            at = step.end();
        }
        return new InputPath(text, List.copyOf(steps));
    }

    private static ApiError invalid(String text) {
        return ApiError.validation("InputPath '" + text + "' is not a JSONPath the local EventBridge supports: "
                + "use $, .name, ['name'] and [index] steps");
    }

    String text() {
        return text;
    }

    /** The selected part of {@code event}, or empty when the event has nothing at this path. */
    Optional<JsonNode> select(JsonNode event) {
        JsonNode node = event;
        for (Object step : steps) {
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
        }
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }
}
