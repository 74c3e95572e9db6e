package io.docflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ValueMatchersTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static JsonNode text(String s) {
        return JSON.textNode(s);
    }

    private static JsonNode number(String n) {
        return JSON.numberNode(new BigDecimal(n));
    }

    @Test
    void numbersMatchWithinTheToleranceAndTextualNumbersAreRead() {
        NumberMatcher matcher = new NumberMatcher();
        assertThat(matcher.matches(number("693.86"), number("693.87"))).isTrue();
        assertThat(matcher.matches(number("693.86"), number("693.88"))).isFalse();
        assertThat(matcher.matches(number("12.5"), text("12.50"))).isTrue();
        assertThat(matcher.matches(number("12.5"), text("twelve"))).isFalse();
        assertThat(new NumberMatcher(new BigDecimal("1")).matches(number("100"), number("101"))).isTrue();
    }

    @Test
    void nearerNumbersAreMoreAlike() {
        NumberMatcher matcher = new NumberMatcher();
        assertThat(matcher.similarity(number("100"), number("90"))).isCloseTo(0.89, within(1e-9));
        assertThat(matcher.similarity(number("100"), number("90")))
                .isGreaterThan(matcher.similarity(number("100"), number("12")));
        assertThat(matcher.similarity(number("100"), number("-100"))).isZero();
    }

    @Test
    void datesAreTheSameIsoDayOrWrong() {
        DateMatcher matcher = new DateMatcher();
        assertThat(matcher.matches(text("2024-03-01"), text(" 2024-03-01"))).isTrue();
        assertThat(matcher.matches(text("2024-03-01"), text("2024-03-02"))).isFalse();
        assertThat(matcher.matches(text("2024-03-01"), text("01/03/2024"))).isFalse();
        assertThat(matcher.matches(text("not a date"), text("not a date"))).isFalse();
    }

    @Test
    void normalisedTextIgnoresCaseSpacingAndUnicodeForms() {
        NormalisedTextMatcher matcher = NormalisedTextMatcher.normalised();
        assertThat(matcher.matches(text("Invented  Holdings\u00A0Ltd"), text("invented holdings ltd "))).isTrue();
        assertThat(matcher.matches(text("O’Brien"), text("O'Brien"))).isTrue();
        assertThat(matcher.matches(text("Invented Holdings Ltd"), text("Invented Holdings Ltd."))).isFalse();
        assertThat(matcher.similarity(text("abcd"), text("abce"))).isCloseTo(0.99 * 0.75, within(1e-9));
    }

    @Test
    void alphanumericKeepsOnlyLettersAndDigits() {
        NormalisedTextMatcher matcher = NormalisedTextMatcher.alphanumeric();
        assertThat(matcher.matches(text("DE89 3704-0044 0532 0130 00"), text("de89370400440532013000"))).isTrue();
        assertThat(matcher.matches(text("****1234"), text("1234"))).isTrue();
        assertThat(matcher.matches(text("****1234"), text("1235"))).isFalse();
    }

    @Test
    void fuzzyTextIsRightFromTheThresholdOn() {
        // "kitten" → "sitting": 3 edits over 7 characters, similarity 4/7 ≈ 0.571
        assertThat(Levenshtein.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Levenshtein.similarity("kitten", "sitting")).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(Levenshtein.similarity("", "")).isEqualTo(1);
        assertThat(Levenshtein.distance("", "abc")).isEqualTo(3);

        FuzzyTextMatcher matcher = new FuzzyTextMatcher(0.8);
        // 1 edit in 10 characters: 0.9
        assertThat(matcher.matches(text("Quarterly!"), text("quarterly?"))).isTrue();
        assertThat(matcher.matches(text("kitten"), text("sitting"))).isFalse();
        assertThat(new FuzzyTextMatcher(0.5).matches(text("kitten"), text("sitting"))).isTrue();
        // 2 edits in 10: exactly the threshold counts
        assertThat(matcher.matches(text("abcdefghij"), text("abcdefghXY"))).isTrue();
        assertThat(matcher.matches(text("abcdefghij"), text("abcdefgXYZ"))).isFalse();
    }

    @Test
    void exactComparesJsonValuesAndNumbersByValue() {
        ExactMatcher matcher = new ExactMatcher();
        assertThat(matcher.matches(JSON.booleanNode(true), JSON.booleanNode(true))).isTrue();
        assertThat(matcher.matches(JSON.booleanNode(true), text("true"))).isFalse();
        assertThat(matcher.matches(number("2.0"), JSON.numberNode(2))).isTrue();
    }
}
