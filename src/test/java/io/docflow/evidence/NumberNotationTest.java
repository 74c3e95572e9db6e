package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class NumberNotationTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void withBothMarksTheLastIsTheDecimalMark() {
        assertThat(NumberNotation.readings("1.234,50")).containsExactly(n("1234.50"));
        assertThat(NumberNotation.readings("1,234.50")).containsExactly(n("1234.50"));
        assertThat(NumberNotation.readings("1,234,567.5")).containsExactly(n("1234567.5"));
    }

    @Test
    void apostrophesAndSpacesGroupThousands() {
        assertThat(NumberNotation.readings("1'234.50")).containsExactly(n("1234.50"));
        assertThat(NumberNotation.readings("1 234,50")).containsExactly(n("1234.50"));
        assertThat(NumberNotation.readings("1\u202F234,50")).containsExactly(n("1234.50"));
    }

    @Test
    void aSingleMarkBeforeThreeDigitsCanGroupOrBeDecimal() {
        assertThat(NumberNotation.readings("1,234")).containsExactly(n("1234"), n("1.234"));
        assertThat(NumberNotation.readings("0,500")).containsExactly(n("0.500"));
        assertThat(NumberNotation.readings("1234,5")).containsExactly(n("1234.5"));
        assertThat(NumberNotation.readings("1.234.567")).containsExactly(n("1234567"));
    }

    @Test
    void marksThatMakeNoNumberGiveNoReading() {
        assertThat(NumberNotation.readings("12.50,37.50")).isEmpty();
        assertThat(NumberNotation.readings("1.23.4")).isEmpty();
        assertThat(NumberNotation.readings("'")).isEmpty();
    }

    @Test
    void numbersTheModelWroteAsTextAreParsedWhenTheyHaveOneReading() {
        assertThat(NumberNotation.parse("1234.50")).contains(n("1234.50"));
        assertThat(NumberNotation.parse("-45")).contains(n("-45"));
        assertThat(NumberNotation.parse("€ 1.234,50")).contains(n("1234.50"));
        assertThat(NumberNotation.parse("1,234")).isEmpty();
        assertThat(NumberNotation.parse("lots")).isEmpty();
    }
}
