package io.docflow.evidence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields that {@code SchemaValidator}'s messages point at: {@code $.lineItems[2].amount: string found, number
 * expected} is about {@code /lineItems/2/amount}; {@code $: required property 'total' not found} about the document.
 */
public final class SchemaErrorLocations {

    private SchemaErrorLocations() {
    }

    static Set<String> pointers(List<String> errors) {
        Set<String> pointers = new HashSet<>();
        for (String error : errors) {
            int colon = error.indexOf(": ");
            String location = colon < 0 ? error : error.substring(0, colon);
            if (location.startsWith("$")) {
                pointers.add(pointer(location.substring(1)));
            }
        }
        return pointers;
    }

    /**
     * The JSON pointer a validator message is about ({@code ""} for the whole document), and the message without its
     * location: {@code $.total: string found, number expected} is {@code /total} and {@code string found, number expected}.
     */
    public static String[] pointerAndMessage(String error) {
        int colon = error.indexOf(": ");
        String location = colon < 0 ? "$" : error.substring(0, colon);
        String message = colon < 0 ? error : error.substring(colon + 2);
        return new String[] {location.startsWith("$") ? pointer(location.substring(1)) : "", message};
    }

    private static String pointer(String path) {
        StringBuilder pointer = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                pointer.replace(0, pointer.length(), Pointers.child(pointer.toString(), path.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    break;
                }
                String inside = path.substring(i + 1, end);
                String name = inside.startsWith("'") && inside.endsWith("'") && inside.length() >= 2
                        ? inside.substring(1, inside.length() - 1) : inside;
                pointer.replace(0, pointer.length(), Pointers.child(pointer.toString(), name));
                i = end + 1;
            } else {
                i++;
            }
        }
        return pointer.toString();
    }
}
