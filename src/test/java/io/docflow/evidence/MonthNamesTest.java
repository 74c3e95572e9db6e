package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonthNamesTest {

    @Test
    void englishGermanAndFrenchNamesAndAbbreviationsNameTheirMonth() {
        assertThat(MonthNames.month("January")).isEqualTo(1);
        assertThat(MonthNames.month("Jänner")).isEqualTo(1);
        assertThat(MonthNames.month("févr")).isEqualTo(2);
        assertThat(MonthNames.month("März")).isEqualTo(3);
        assertThat(MonthNames.month("Maerz")).isEqualTo(3);
        assertThat(MonthNames.month("Mai")).isEqualTo(5);
        assertThat(MonthNames.month("juillet")).isEqualTo(7);
        assertThat(MonthNames.month("août")).isEqualTo(8);
        assertThat(MonthNames.month("Sept")).isEqualTo(9);
        assertThat(MonthNames.month("Okt")).isEqualTo(10);
        assertThat(MonthNames.month("déc")).isEqualTo(12);
    }

    @Test
    void caseDoesNotMatter() {
        assertThat(MonthNames.month("MÄRZ")).isEqualTo(3);
        assertThat(MonthNames.month("DÉCEMBRE")).isEqualTo(12);
        assertThat(MonthNames.month("dEc")).isEqualTo(12);
    }

    @Test
    void otherWordsNameNoMonth() {
        assertThat(MonthNames.month("Monday")).isNull();
        assertThat(MonthNames.month("ma")).isNull();
        assertThat(MonthNames.month("marches")).isNull();
        assertThat(MonthNames.month("")).isNull();
    }
}
