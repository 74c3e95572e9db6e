package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FirstOccurrencesTest {

    @Test
    void findsTheFirstOccurrenceOfEachPatternInOnePass() {
        Map<String, Integer> found = FirstOccurrences.in("ushers she hers", List.of("he", "she", "his", "hers", "rs h"));
        // "his" and "rs h" do not occur

        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("he", 2, "she", 1, "hers", 2));
    }

    @Test
    void patternsInsideOtherPatternsAndRepeatsAreFound() {
        Map<String, Integer> found = FirstOccurrences.in("aaab", List.of("aab", "ab", "b", "aab", "", "c"));

        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("aab", 1, "ab", 2, "b", 3));
    }

    @Test
    void agreesWithIndexOf() {
        String text = "the quick brown fox jumps over the lazy dog; the quick red fox; 12.50 37.50 12.5";
        List<String> patterns = List.of("quick", "fox;", "red", "12.5", "37.50 12", "dog", "the l", "zzz", "o");

        Map<String, Integer> found = FirstOccurrences.in(text, patterns);

        for (String pattern : patterns) {
            assertThat(found.getOrDefault(pattern, -1)).as(pattern).isEqualTo(text.indexOf(pattern));
        }
    }
}
