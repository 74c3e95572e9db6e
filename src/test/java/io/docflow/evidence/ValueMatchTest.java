package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueMatchTest {

    @Test
    void aFoundValueHasARangeAndNoReason() {
        ValueMatch match = ValueMatch.at(3, 9, "a note");

        assertThat(match.found()).isTrue();
        assertThat(match.start()).isEqualTo(3);
        assertThat(match.end()).isEqualTo(9);
        assertThat(match.reason()).isNull();
    }

    @Test
    void aMissingValueHasAReasonAndNoRange() {
        ValueMatch match = ValueMatch.missing("not there");

        assertThat(match.found()).isFalse();
        assertThat(match.start()).isEqualTo(-1);
        assertThat(match.end()).isEqualTo(-1);
        assertThat(match.note()).isNull();
        assertThat(match.reason()).isEqualTo("not there");
    }

    @Test
    void anExtraNoteComesBeforeTheNoteAFoundValueHas() {
        assertThat(ValueMatch.at(0, 1, null).withNote("matched as text").note()).isEqualTo("matched as text");
        assertThat(ValueMatch.at(0, 1, "ambiguous").withNote("matched as text").note()).isEqualTo("matched as text; ambiguous");
        assertThat(ValueMatch.at(0, 1, "ambiguous").withNote(null)).isEqualTo(ValueMatch.at(0, 1, "ambiguous"));
    }

    @Test
    void aMissingValueGetsNoNote() {
        assertThat(ValueMatch.missing("not there").withNote("matched as text")).isEqualTo(ValueMatch.missing("not there"));
    }
}
