package io.docflow.review;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The field-level difference of two field trees (the model's answer and the reviewed fields): one change per value
 * that differs, named by its JSON pointer, in the order of the fields (the model's first, then those only the
 * reviewer gave). Objects are compared member by member and lists item by item, down to their values; a value
 * present on one side only, or whose kind differs (a value against a list), is one change. Numbers compare by value
 * ({@code 693.86} equals {@code 693.860}); a member that is absent equals one that is null.
 */
public final class FieldChanges {

    private FieldChanges() {
    }

    public static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", orNull(before), orNull(after), changes);
        return changes;
    }

    /** The pointers of the changes. */
    public static List<String> fields(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::field).toList();
    }

    private static void compare(String pointer, JsonNode before, JsonNode after, List<FieldChange> changes) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(pointer + "/" + escape(name), orNull(before.get(name)), orNull(after.get(name)), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(pointer + "/" + i, orNull(before.get(i)), orNull(after.get(i)), changes);
            }
        } else if (!same(before, after)) {
            changes.add(new FieldChange(pointer, before, after));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            // an empty object or list against null: nothing was stated either way
            return isEmpty(a) && isEmpty(b) ? true : a.equals(b);
        }
        return a.equals(b);
    }

    private static boolean isEmpty(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        if (!node.isContainerNode()) {
            return false;
        }
        for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
            if (!isEmpty(values.next())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
