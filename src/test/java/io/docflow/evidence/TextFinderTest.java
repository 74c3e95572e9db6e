package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFinderTest {

    private static String found(String text, ValueMatch match) {
        assertThat(match.found()).as(match.reason()).isTrue();
        return text.substring(match.start(), match.end());
    }

    @Test
    void textIsFoundIgnoringCaseSpacingAndLineBreakHyphens() {
        String text = "Sold by: ACME  Wid-\ngets Ltd, Berlin";
        ValueMatch match = TextFinder.find(text, 0, text.length(), "Acme Widgets LTD");

        assertThat(found(text, match)).isEqualTo("ACME  Wid-\ngets Ltd");
        assertThat(match.note()).isNull();
    }

    @Test
    void textNotInTheQuoteIsMissingWithTheValueInTheReason() {
        String text = "Sold by: ACME Ltd";
        ValueMatch match = TextFinder.find(text, 0, text.length(), "Initech");

        assertThat(match.found()).isFalse();
        assertThat(match.reason()).isEqualTo("the quote does not contain \"Initech\"");
    }

    @Test
    void aBlankValueIsNeverFound() {
        assertThat(TextFinder.find("anything", 0, 8, " \n ").reason()).isEqualTo("the value is blank");
    }

    @Test
    void onlyTheRangeIsSearchedAndOffsetsAreThoseOfTheWholeText() {
        String text = "ACME | Sold by ACME";
        int from = text.indexOf("Sold");

        ValueMatch match = TextFinder.find(text, from, text.length(), "acme");

        assertThat(match.start()).isEqualTo(text.lastIndexOf("ACME"));
        assertThat(TextFinder.find(text, 0, 4, "Sold").found()).isFalse();
    }

    @Test
    void alphanumericValuesAreComparedByLettersAndDigitsAlone() {
        String text = "IBAN: DE89 3704-0044 0532 0130 00";
        ValueMatch match = TextFinder.findAlphanumeric(text, 0, text.length(), "de89370400440532013000");

        assertThat(found(text, match)).isEqualTo("DE89 3704-0044 0532 0130 00");
    }

    @Test
    void aMaskedValueIsFoundByItsVisibleDigits() {
        String text = "Card ending 1234, paid";

        assertThat(found(text, TextFinder.findAlphanumeric(text, 0, text.length(), "****1234"))).isEqualTo("1234");
    }

    @Test
    void alphanumericMissesSayWhyAndHow() {
        assertThat(TextFinder.findAlphanumeric("Ref 123", 0, 7, "---").reason())
                .isEqualTo("the value \"---\" has no letters or digits to look for");
        assertThat(TextFinder.findAlphanumeric("Ref 123", 0, 7, "R-124").reason())
                .isEqualTo("the quote does not contain \"R-124\" (letters and digits compared)");
    }

    @Test
    void alphanumericSearchStaysInTheRange() {
        String text = "AB12 | CD34";
        int from = text.indexOf("CD");

        assertThat(TextFinder.findAlphanumeric(text, from, text.length(), "ab12").found()).isFalse();
        assertThat(TextFinder.findAlphanumeric(text, from, text.length(), "cd 34").start()).isEqualTo(from);
    }
}
