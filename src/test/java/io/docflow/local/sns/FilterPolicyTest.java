package io.docflow.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filter policies match message attributes (and JSON bodies) as SNS evaluates them. */
class FilterPolicyTest {

    private static final Map<String, MessageAttribute> READY_PRIORITY_3 = Map.of(
            "status", string("ready"),
            "priority", new MessageAttribute("Number", "3", null),
            "source", string("scanner-7"),
            "tags", new MessageAttribute("String.Array", "[\"invoice\", 2024, true]", null),
            "blob", new MessageAttribute("Binary", null, new byte[] {1, 2}));

    @Test
    void exactStringsAreOredWithinAKeyAndAndedAcrossKeys() {
        assertThat(matches("{\"status\": [\"draft\", \"ready\"]}")).isTrue();
        assertThat(matches("{\"status\": [\"draft\"]}")).isFalse();
        assertThat(matches("{\"status\": [\"ready\"], \"source\": [\"scanner-7\"]}")).isTrue();
        assertThat(matches("{\"status\": [\"ready\"], \"source\": [\"mail\"]}")).isFalse();
        assertThat(matches("{\"missing\": [\"ready\"]}")).isFalse();
    }

    @Test
    void numbersMatchNumberAttributesByValueNotStringOnes() {
        assertThat(matches("{\"priority\": [3]}")).isTrue();
        assertThat(matches("{\"priority\": [3.0]}")).isTrue();
        assertThat(matches("{\"priority\": [\"3\"]}")).isFalse();
        assertThat(matches("{\"status\": [3]}")).isFalse();
        assertThat(matches("{\"priority\": [{\"numeric\": [\"=\", 3]}]}")).isTrue();
    }

    @Test
    void numericRanges() {
        assertThat(matches("{\"priority\": [{\"numeric\": [\">\", 0, \"<=\", 3]}]}")).isTrue();
        assertThat(matches("{\"priority\": [{\"numeric\": [\">\", 3]}]}")).isFalse();
        assertThat(matches("{\"priority\": [{\"numeric\": [\">=\", 3, \"<\", 5]}]}")).isTrue();
        assertThat(matches("{\"priority\": [{\"numeric\": [\"<\", 3]}]}")).isFalse();
        assertThat(matches("{\"status\": [{\"numeric\": [\">\", 0]}]}")).isFalse();
    }

    @Test
    void prefixSuffixAndCase() {
        assertThat(matches("{\"source\": [{\"prefix\": \"scan\"}]}")).isTrue();
        assertThat(matches("{\"source\": [{\"prefix\": \"mail\"}]}")).isFalse();
        assertThat(matches("{\"source\": [{\"suffix\": \"-7\"}]}")).isTrue();
        assertThat(matches("{\"status\": [{\"equals-ignore-case\": \"READY\"}]}")).isTrue();
    }

    @Test
    void anythingButNeedsThePresentValueOutsideTheList() {
        assertThat(matches("{\"status\": [{\"anything-but\": [\"draft\", \"deleted\"]}]}")).isTrue();
        assertThat(matches("{\"status\": [{\"anything-but\": \"ready\"}]}")).isFalse();
        assertThat(matches("{\"priority\": [{\"anything-but\": [1, 2]}]}")).isTrue();
        assertThat(matches("{\"priority\": [{\"anything-but\": 3}]}")).isFalse();
        assertThat(matches("{\"source\": [{\"anything-but\": {\"prefix\": \"scan\"}}]}")).isFalse();
        assertThat(matches("{\"missing\": [{\"anything-but\": [\"x\"]}]}")).isFalse();
    }

    @Test
    void existsTestsWhetherTheAttributeIsThere() {
        assertThat(matches("{\"status\": [{\"exists\": true}]}")).isTrue();
        assertThat(matches("{\"blob\": [{\"exists\": true}]}")).isTrue();
        assertThat(matches("{\"missing\": [{\"exists\": true}]}")).isFalse();
        assertThat(matches("{\"missing\": [{\"exists\": false}]}")).isTrue();
        assertThat(matches("{\"status\": [{\"exists\": false}]}")).isFalse();
        assertThat(matches("{\"missing\": [\"x\", {\"exists\": false}]}")).isTrue();
    }

    @Test
    void stringArrayAttributesMatchOnAnyElement() {
        assertThat(matches("{\"tags\": [\"invoice\"]}")).isTrue();
        assertThat(matches("{\"tags\": [2024]}")).isTrue();
        assertThat(matches("{\"tags\": [\"receipt\"]}")).isFalse();
        assertThat(matches("{\"tags\": [{\"prefix\": \"inv\"}]}")).isTrue();
    }

    @Test
    void messageBodyScopeFollowsTheJsonNesting() {
        FilterPolicy policy = FilterPolicy.parse(
                "{\"document\": {\"type\": [\"invoice\"], \"pages\": [{\"numeric\": [\">\", 1]}]}, \"draft\": [{\"exists\": false}]}",
                FilterPolicy.Scope.MessageBody);
        assertThat(policy.matches(Map.of(), "{\"document\": {\"type\": \"invoice\", \"pages\": 3}}")).isTrue();
        assertThat(policy.matches(Map.of(), "{\"document\": {\"type\": \"invoice\", \"pages\": 1}}")).isFalse();
        assertThat(policy.matches(Map.of(), "{\"document\": {\"type\": \"invoice\", \"pages\": 3}, \"draft\": 1}")).isFalse();
        assertThat(policy.matches(Map.of(), "{\"document\": {\"type\": [\"memo\", \"invoice\"], \"pages\": [2]}}")).isTrue();
        assertThat(policy.matches(Map.of(), "not json")).isFalse();
        assertThat(policy.matches(Map.of("type", string("invoice")), "{}")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[\"ready\"]",
            "{}",
            "{\"status\": \"ready\"}",
            "{\"status\": []}",
            "{\"status\": {\"nested\": [\"x\"]}}",
            "{\"status\": [{\"wildcard\": \"r*\"}]}",
            "{\"status\": [{\"prefix\": 1}]}",
            "{\"status\": [{\"prefix\": \"a\", \"suffix\": \"b\"}]}",
            "{\"priority\": [{\"numeric\": [\">\", \"zero\"]}]}",
            "{\"priority\": [{\"numeric\": [\"<\", 5, \">\", 0]}]}",
            "{\"priority\": [{\"numeric\": [\">\", 5, \"<\", 1]}]}",
            "{\"priority\": [{\"numeric\": [\"~\", 5]}]}",
            "{\"status\": [{\"exists\": \"yes\"}]}",
            "{\"status\": [{\"anything-but\": [{\"x\": 1}]}]}"})
    void invalidPoliciesAreRejected(String policy) {
        assertThatThrownBy(() -> FilterPolicy.parse(policy, FilterPolicy.Scope.MessageAttributes))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean matches(String policy) {
        return FilterPolicy.parse(policy, FilterPolicy.Scope.MessageAttributes).matches(READY_PRIORITY_3, "ignored");
    }

    private static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }
}
