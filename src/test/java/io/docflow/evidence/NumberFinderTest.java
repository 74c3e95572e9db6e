package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class NumberFinderTest {

    private static ValueMatch find(String text, String value) {
        return NumberFinder.find(text, 0, text.length(), new BigDecimal(value));
    }

    private static String found(String text, ValueMatch match) {
        assertThat(match.found()).as(match.reason()).isTrue();
        return text.substring(match.start(), match.end());
    }

    @Test
    void aNumberIsFoundInAnyNotation() {
        for (String written : new String[] {"1.234,50", "1,234.50", "1'234.50", "1234.5", "1 234,50", "1\u00A0234,50"}) {
            String text = "Total: " + written + " EUR";
            ValueMatch match = find(text, "1234.50");
            assertThat(found(text, match)).as(written).isEqualTo(written);
            assertThat(match.note()).as(written).isNull();
        }
    }

    @Test
    void aNotationWithTwoReadingsIsReadAsTheValueWithANote() {
        String text = "Weight 1,234 kg";

        ValueMatch small = find(text, "1.234");
        ValueMatch large = find(text, "1234");

        assertThat(found(text, small)).isEqualTo("1,234");
        assertThat(small.note()).isEqualTo("1,234 read as 1.234 (it could also be 1234)");
        assertThat(large.note()).isEqualTo("1,234 read as 1234 (it could also be 1.234)");
    }

    @Test
    void onlyWholeNumbersOfTheTextCount() {
        String text = "Paid 37.50 and 137";
        int cut = text.indexOf('7');

        ValueMatch inside = NumberFinder.find(text, cut, text.indexOf(" and"), new BigDecimal("7.50"));
        assertThat(inside.found()).isFalse();
        assertThat(inside.reason()).isEqualTo("the quote does not contain 7.50 (no number in it)");

        assertThat(find(text, "37").found()).isFalse();
    }

    @Test
    void aNegativeValueWhoseSignTheQuoteDoesNotShowGetsANote() {
        String text = "Grocer 37.50";
        ValueMatch match = find(text, "-37.50");

        assertThat(found(text, match)).isEqualTo("37.50");
        assertThat(match.note()).isEqualTo("the quote shows 37.50 without a minus sign");
    }

    @Test
    void aMinusBeforeOrAfterOrParenthesesShowTheSign() {
        for (String written : new String[] {"-37.50", "\u221237.50", "37.50-", "(37.50)", "- € 37.50"}) {
            ValueMatch match = find("Grocer " + written, "-37.50");
            assertThat(match.found()).as(written).isTrue();
            assertThat(match.note()).as(written).isNull();
        }
    }

    @Test
    void aPositiveValueMatchesAPrintedNegativeNumber() {
        ValueMatch match = find("Refund -12.00", "12");

        assertThat(match.found()).isTrue();
        assertThat(match.note()).isNull();
    }

    @Test
    void valuesSeparatedByCommasAloneAreFoundOneByOne() {
        String text = "3,12.50,37.50";
        ValueMatch match = find(text, "37.50");

        assertThat(found(text, match)).isEqualTo("37.50");
        assertThat(match.start()).isEqualTo(8);
        assertThat(found(text, find(text, "12.5"))).isEqualTo("12.50");
    }

    @Test
    void theReasonShowsTheFirstFiveNumbersOfTheQuote() {
        ValueMatch match = find("1 2 3 4 5 6 7", "9.5");

        assertThat(match.found()).isFalse();
        assertThat(match.reason()).isEqualTo("the quote does not contain 9.50 (numbers in it: 1, 2, 3, 4, 5)");
    }

    @Test
    void aQuoteWithoutNumbersSaysSo() {
        assertThat(find("no amount here", "10").reason()).isEqualTo("the quote does not contain 10 (no number in it)");
    }
}
