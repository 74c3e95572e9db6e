package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 6901 JSON Pointers into extracted fields, plus one extension for rules: the segment {@code *} stands for every
 * item of a list ({@code /lineItems/*}{@code /amount}).
 */
final class Pointers {

    static final String ANY_ITEM = "*";

    private Pointers() {
    }

    /** A pointer's unescaped segments; {@code ""} (the whole document) has none. */
    static List<String> segments(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON Pointer starts with '/': " + pointer);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    static boolean isWithin(String pointer, String ancestor) {
        return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }

    static int wildcards(String pointer) {
        return (int) segments(pointer).stream().filter(ANY_ITEM::equals).count();
    }

    /** How messages name a field: the pointer without its leading slash ({@code lineItems/2/amount}). */
    static String display(String pointer) {
        return pointer.startsWith("/") ? pointer.substring(1) : pointer;
    }

    /** The non-null values at {@code pointer} under {@code root}, {@code *} expanded over list items in order. */
    static List<Located> resolve(JsonNode root, String pointer) {
        List<Located> found = new ArrayList<>();
        resolve(root, "", segments(pointer), 0, found);
        return found;
    }

    /** The one non-null value at a pointer without wildcards, or null. */
    static JsonNode at(JsonNode root, String pointer) {
        List<Located> found = resolve(root, pointer);
        return found.isEmpty() ? null : found.get(0).value();
    }

    /**
     * The pointer of the list a wildcard pointer walks ({@code /lineItems} for {@code /lineItems/*}{@code /amount}),
     * or null without a wildcard.
     */
    static String listOf(String pointer) {
        int star = pointer.indexOf("/" + ANY_ITEM);
        return star < 0 ? null : pointer.substring(0, star);
    }

    private static void resolve(JsonNode node, String at, List<String> segments, int index, List<Located> found) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (index == segments.size()) {
            found.add(new Located(at, node));
            return;
        }
        String segment = segments.get(index);
        if (node.isArray() && ANY_ITEM.equals(segment)) {
            for (int item = 0; item < node.size(); item++) {
                resolve(node.get(item), child(at, item), segments, index + 1, found);
            }
        } else if (node.isObject()) {
            resolve(node.get(segment), child(at, segment), segments, index + 1, found);
        } else if (node.isArray() && isIndex(segment)) {
            int item = Integer.parseInt(segment);
            resolve(node.get(item), child(at, item), segments, index + 1, found);
        }
    }

    static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit)
                && (segment.length() == 1 || segment.charAt(0) != '0');
    }

    /** A value and where it is. */
    record Located(String pointer, JsonNode value) {
    }
}
