package io.docflow.evidence;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether fields state something: null, a blank string, an empty list or object state nothing. */
final class Presence {

    private Presence() {
    }

    static boolean states(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.asText().isBlank();
        }
        return !value.isContainerNode() || !value.isEmpty();
    }

    static List<Pointers.Located> stated(JsonNode fields, String pointer) {
        return Pointers.resolve(fields, pointer).stream().filter(found -> states(found.value())).toList();
    }

    static String names(List<String> pointers) {
        return String.join(", ", pointers.stream().map(Pointers::display).toList());
    }
}
