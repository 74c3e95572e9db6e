package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

class PresenceTest {

    @Test
    void nothingNullBlankOrEmptyStatesNothing() {
        assertThat(Presence.states(null)).isFalse();
        assertThat(Presence.states(NullNode.getInstance())).isFalse();
        assertThat(Presence.states(MissingNode.getInstance())).isFalse();
        assertThat(Presence.states(json("' \\n\\t '"))).isFalse();
        assertThat(Presence.states(json("''"))).isFalse();
        assertThat(Presence.states(json("[]"))).isFalse();
        assertThat(Presence.states(json("{}"))).isFalse();
    }

    @Test
    void zeroFalseAndNonEmptyValuesStateSomething() {
        assertThat(Presence.states(json("0"))).isTrue();
        assertThat(Presence.states(json("false"))).isTrue();
        assertThat(Presence.states(json("'x'"))).isTrue();
        assertThat(Presence.states(json("[null]"))).isTrue();
        assertThat(Presence.states(json("{'a': null}"))).isTrue();
    }

    @Test
    void statedValuesAreThoseAtThePointerThatStateSomething() {
        var fields = json("{'lineItems': [{'amount': 5}, {'amount': null}, {'amount': ' '}, {}, {'amount': 0}]}");

        assertThat(Presence.stated(fields, "/lineItems/*/amount")).extracting(Pointers.Located::pointer)
                .containsExactly("/lineItems/0/amount", "/lineItems/4/amount");
        assertThat(Presence.stated(fields, "/total")).isEmpty();
    }

    @Test
    void namesAreThePointersWithoutTheirLeadingSlash() {
        assertThat(Presence.names(List.of("/subtotal", "/lineItems/2/amount"))).isEqualTo("subtotal, lineItems/2/amount");
        assertThat(Presence.names(List.of())).isEmpty();
    }
}
