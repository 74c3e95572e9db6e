package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalTextTest {

    @Test
    void whitespaceCaseSoftHyphensAndTypographicMarksAreReduced() {
        assertThat(CanonicalText.canonical(" Total\u00A0 Due:\n\t693.86 ")).isEqualTo("totaldue:693.86");
        assertThat(CanonicalText.canonical("ship\u00ADping “fee” – 5")).isEqualTo("shipping\"fee\"-5");
    }

    @Test
    void hyphensThatJoinWordsOrBreakLinesGoButOtherHyphensStay() {
        assertThat(CanonicalText.canonical("invoice-\n  number")).isEqualTo("invoicenumber");
        assertThat(CanonicalText.canonical("invoice-number")).isEqualTo("invoicenumber");
        assertThat(CanonicalText.canonical("2024-03-01")).isEqualTo("2024-03-01");
        assertThat(CanonicalText.canonical("37.50-\n")).isEqualTo("37.50-");
        assertThat(CanonicalText.canonical("A - B")).isEqualTo("a-b");
    }

    @Test
    void everyKeptCharacterKnowsWhereItCameFrom() {
        String text = "ab  c-\nd";
        CanonicalText canonical = CanonicalText.of(text);

        assertThat(canonical.chars()).isEqualTo("abcd");
        assertThat(canonical.originalStart(2)).isEqualTo(4);
        assertThat(canonical.originalEnd(4)).isEqualTo(text.length());
        assertThat(canonical.indexAtOrAfter(3)).isEqualTo(2);
        assertThat(canonical.indexAtOrAfter(99)).isEqualTo(4);
    }

    @Test
    void aRangeKeepsTheOffsetsOfTheWholeText() {
        CanonicalText part = CanonicalText.of("xx A b", 2, 6);

        assertThat(part.chars()).isEqualTo("ab");
        assertThat(part.originalStart(1)).isEqualTo(5);
    }
}
