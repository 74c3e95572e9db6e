package io.docflow.local.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts, dates and currencies as documents write them. */
class ValueParsersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$1,234.56        | 1234.56",
        "1.234,56 EUR     | 1234.56",
        "€ 99,90          | 99.90",
        "£12              | 12",
        "1,234            | 1234",
        "1.234.567        | 1234567",
        "CHF 1'250.00     | 1250.00",
        "Balance: -50.00  | -50.00",
        "on 2026-03-01    | 2026",
    })
    void amounts(String text, BigDecimal expected) {
        assertThat(Amounts.first(text)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-03-01          | 2026-03-01",
        "01/03/2026          | 2026-03-01",
        "03/31/2026          | 2026-03-31",
        "31.03.2026          | 2026-03-31",
        "March 1, 2026       | 2026-03-01",
        "1st of March 2026   | 2026-03-01",
        "1-Mar-2026          | 2026-03-01",
        "Sept. 9 2026        | 2026-09-09",
        "1/2/26              | 2026-02-01",
    })
    void dates(String text, LocalDate expected) {
        assertThat(Dates.find(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"31/02/2026", "Decision 12, 2026", "no date"})
    void notDates(String text) {
        assertThat(Dates.find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Total 12.00 EUR     | EUR",
        "Total: €12.00       | EUR",
        "Total: £12.00       | GBP",
        "Total: $12.00       | USD",
        "Amount in GBP       | GBP",
    })
    void currencies(String text, String code) {
        assertThat(Currencies.find(text)).contains(code);
    }
}
