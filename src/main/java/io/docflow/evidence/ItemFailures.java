package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;

/** The items of a list a rule found wrong: the first few are described, all are counted and their fields named. */
final class ItemFailures {

    private static final int DESCRIBED = 5;

    private final List<String> descriptions = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private int count;

    void add(String description, List<String> itemFields) {
        count++;
        if (descriptions.size() < DESCRIBED) {
            descriptions.add(description);
        }
        fields.addAll(itemFields);
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    List<String> fields() {
        return fields;
    }

    String describe() {
        String described = String.join("; ", descriptions);
        return count > descriptions.size() ? described + "; and " + (count - descriptions.size()) + " more" : described;
    }
}
