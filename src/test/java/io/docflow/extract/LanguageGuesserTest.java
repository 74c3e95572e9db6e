package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    private static final LanguageGuesser GUESSER = new LanguageGuesser();

    private static final String ENGLISH = "The quarterly report shows that revenue grew in every region, while the costs of "
            + "shipping and storage fell slightly compared with the same period of the previous year. ";
    private static final String GERMAN = "Der Quartalsbericht zeigt, dass der Umsatz in allen Regionen gestiegen ist, während "
            + "die Kosten für Versand und Lagerung im Vergleich zum Vorjahreszeitraum leicht gesunken sind. ";

    @Test
    void guessesTheLanguageOfAParagraph() {
        assertThat(GUESSER.guess(ENGLISH.repeat(3))).isEqualTo("en");
        assertThat(GUESSER.guess(GERMAN.repeat(3))).isEqualTo("de");
    }

    @Test
    void blankTextHasNoLanguage() {
        assertThat(GUESSER.guess("")).isNull();
        assertThat(GUESSER.guess(" \n\t ")).isNull();
    }

    @Test
    void textWithoutWordsHasNoCertainLanguage() {
        assertThat(GUESSER.guess("12.50 34.00 56.75 -- 99 / 100 %")).isNull();
    }

    @Test
    void onlyTheFirstFiveThousandCharactersAreRead() {
        String englishFirst = ENGLISH.repeat(60).substring(0, 5_000) + GERMAN.repeat(200);

        assertThat(englishFirst.length()).isGreaterThan(5_000 * 4);
        assertThat(GUESSER.guess(englishFirst)).isEqualTo("en");
    }

    @Test
    void oneGuessDoesNotLeakIntoTheNext() {
        assertThat(GUESSER.guess(GERMAN.repeat(3))).isEqualTo("de");
        assertThat(GUESSER.guess(ENGLISH.repeat(3))).isEqualTo("en");
        assertThat(GUESSER.guess(GERMAN.repeat(3))).isEqualTo("de");
    }
}
