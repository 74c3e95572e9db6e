package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrencyFinderTest {

    private static ValueMatch find(String text, String code) {
        return CurrencyFinder.find(text, 0, text.length(), code);
    }

    private static String found(String text, ValueMatch match) {
        assertThat(match.found()).as(match.reason()).isTrue();
        return text.substring(match.start(), match.end());
    }

    @Test
    void theCodeItselfIsFoundWhateverItsCaseAndTheValuesSpacing() {
        String text = "Total 12.00 eur";
        ValueMatch match = find(text, " EUR ");

        assertThat(found(text, match)).isEqualTo("eur");
        assertThat(match.note()).isNull();
    }

    @Test
    void theCodeInsideAWordDoesNotCountButItsSymbolDoes() {
        String text = "EUROPE LTD, 12.00 €";

        assertThat(found(text, find(text, "EUR"))).isEqualTo("€");
    }

    @Test
    void aSymbolOfOneCurrencyGroundsItWithoutANote() {
        String text = "Summe: 12,00 £";
        ValueMatch match = find(text, "GBP");

        assertThat(found(text, match)).isEqualTo("£");
        assertThat(match.note()).isNull();
    }

    @Test
    void aSharedSymbolGroundsEachOfItsCurrenciesWithANoteNamingTheOthers() {
        String text = "Total $ 12.00";

        ValueMatch usd = find(text, "USD");
        assertThat(found(text, usd)).isEqualTo("$");
        assertThat(usd.note()).isEqualTo("$ is read as USD; it also stands for AUD, CAD, HKD, MXN, NZD, SGD");

        ValueMatch sek = find("100 kr", "SEK");
        assertThat(sek.note()).isEqualTo("kr is read as SEK; it also stands for DKK, NOK");
        assertThat(find("¥500", "JPY").note()).isEqualTo("¥ is read as JPY; it also stands for CNY");
    }

    @Test
    void theLongerSymbolIsPreferredAndHasNoNote() {
        String text = "Amount: A$ 40";
        ValueMatch aud = find(text, "AUD");

        assertThat(found(text, aud)).isEqualTo("A$");
        assertThat(aud.note()).isNull();
    }

    @Test
    void aDollarSignThatEndsAnotherSymbolIsNoUsDollar() {
        ValueMatch usd = find("Amount: A$ 40", "USD");

        assertThat(usd.found()).isFalse();
        assertThat(usd.reason()).isEqualTo("the quote shows neither USD nor US$ or $");
    }

    @Test
    void aLetterSymbolInsideAWordIsNotTheSymbol() {
        ValueMatch sek = find("Bankkredit 100", "SEK");

        assertThat(sek.found()).isFalse();
        assertThat(sek.reason()).isEqualTo("the quote shows neither SEK nor kr");
    }

    @Test
    void aCodeWithoutKnownSymbolsIsOnlyFoundAsTheCode() {
        ValueMatch match = find("Total 12.00 €", "XAU");

        assertThat(match.found()).isFalse();
        assertThat(match.reason()).isEqualTo("the quote shows neither XAU");
    }

    @Test
    void onlyTheQuotesRangeOfTheTextIsSearched() {
        String text = "EUR header | Total 12.00 | € footer";
        int from = text.indexOf("Total");
        int to = text.indexOf(" | €");

        ValueMatch match = CurrencyFinder.find(text, from, to, "EUR");

        assertThat(match.found()).isFalse();
        assertThat(match.reason()).isEqualTo("the quote shows neither EUR nor €");
    }

    @Test
    void theCodeFoundInARangeIsGivenAtItsOffsetInTheWholeText() {
        String text = "Header text. Paid in € today";
        int from = text.indexOf("Paid");

        ValueMatch match = CurrencyFinder.find(text, from, text.length(), "EUR");

        assertThat(match.start()).isEqualTo(text.indexOf('€'));
        assertThat(match.end()).isEqualTo(text.indexOf('€') + 1);
    }
}
