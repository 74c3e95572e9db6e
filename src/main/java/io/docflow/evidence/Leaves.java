package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The leaf values of extracted fields (strings, numbers, booleans; nulls are "not stated"), in document order. */
final class Leaves {

    private Leaves() {
    }

    static List<Pointers.Located> of(JsonNode fields) {
        List<Pointers.Located> leaves = new ArrayList<>();
        collect(fields, "", leaves);
        return leaves;
    }

    /** The arrays among the fields, outermost first, each with its pointer. */
    static List<Pointers.Located> lists(JsonNode fields) {
        List<Pointers.Located> lists = new ArrayList<>();
        collectLists(fields, "", lists);
        return lists;
    }

    private static void collect(JsonNode node, String at, List<Pointers.Located> leaves) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(field.getValue(), Pointers.child(at, field.getKey()), leaves));
        } else if (node.isArray()) {
            for (int item = 0; item < node.size(); item++) {
                collect(node.get(item), Pointers.child(at, item), leaves);
            }
        } else {
            leaves.add(new Pointers.Located(at, node));
        }
    }

    private static void collectLists(JsonNode node, String at, List<Pointers.Located> lists) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            lists.add(new Pointers.Located(at, node));
            for (int item = 0; item < node.size(); item++) {
                collectLists(node.get(item), Pointers.child(at, item), lists);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> collectLists(field.getValue(), Pointers.child(at, field.getKey()), lists));
        }
    }
}
