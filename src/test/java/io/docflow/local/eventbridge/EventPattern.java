package io.docflow.local.eventbridge;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.Machine;

/**
 * A rule's event pattern, compiled and matched by event-ruler, the matcher EventBridge itself runs, so prefix,
 * anything-but, numeric, exists, wildcard and {@code $or} patterns behave here exactly as they do on AWS.
 */
final class EventPattern {

    private static final String RULE = "rule";

    private final String text;
    private final Machine machine;

    private EventPattern(String text, Machine machine) {
        this.text = text;
        this.machine = machine;
    }

    /** Compiles {@code text}; an invalid pattern fails as on AWS, with InvalidEventPatternException. */
    static EventPattern compile(String text) {
        Machine machine = Machine.builder().build();
        try {
            machine.addRule(RULE, text);
        } catch (JsonProcessingException e) {
            throw invalid(e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            throw invalid(e.getMessage());
        }
        return new EventPattern(text, machine);
    }

    private static ApiError invalid(String reason) {
        return ApiError.of("InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
    }

    String text() {
        return text;
    }

    boolean matches(JsonNode event) {
        return !machine.rulesForJSONEvent(event).isEmpty();
    }
}
