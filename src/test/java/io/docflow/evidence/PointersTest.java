package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointersTest {

    @Test
    void segmentsAreUnescaped() {
        assertThat(Pointers.segments("/a~1b/c~0d/0")).containsExactly("a/b", "c~d", "0");
        assertThat(Pointers.child("", "a/b")).isEqualTo("/a~1b");
    }

    @Test
    void aWildcardResolvesToEveryItemsValueAndAbsentValuesAreLeftOut() {
        assertThat(Pointers.resolve(json("{'items': [{'a': 1}, {'b': 2}, {'a': null}, {'a': 3}]}"), "/items/*/a"))
                .extracting(Pointers.Located::pointer).containsExactly("/items/0/a", "/items/3/a");
        assertThat(Pointers.at(json("{'items': [5, 6]}"), "/items/1").asInt()).isEqualTo(6);
        assertThat(Pointers.listOf("/items/*/a")).isEqualTo("/items");
    }

    @Test
    void leavesComeInDocumentOrder() {
        assertThat(Leaves.of(json("{'a': 1, 'b': {'c': 'x', 'd': null}, 'e': [true, {'f': 2}]}")))
                .extracting(Pointers.Located::pointer).containsExactly("/a", "/b/c", "/e/0", "/e/1/f");
    }
}
