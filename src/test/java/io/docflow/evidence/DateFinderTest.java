package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateFinderTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate JANUARY_3 = LocalDate.of(2024, 1, 3);

    private static ValueMatch find(String text, LocalDate value, DateOrder order) {
        return DateFinder.find(text, 0, text.length(), value, order);
    }

    private static String found(String text, ValueMatch match) {
        assertThat(match.found()).as(match.reason()).isTrue();
        return text.substring(match.start(), match.end());
    }

    @Test
    void anIsoDateIsFoundWithoutANote() {
        String text = "Invoice date: 2024-03-01.";
        ValueMatch match = find(text, MARCH_1, DateOrder.EITHER);

        assertThat(found(text, match)).isEqualTo("2024-03-01");
        assertThat(match.note()).isNull();
    }

    @Test
    void datesWrittenInWordsAreFoundInEnglishGermanAndFrench() {
        for (String written : new String[] {"1 March 2024", "1st of March, 2024", "March 1, 2024", "1. März 2024",
                "1 mars 2024", "Mar 1st 2024", "01-Mar-2024"}) {
            String text = "Dated " + written + " in Berlin";
            assertThat(found(text, find(text, MARCH_1, DateOrder.EITHER))).as(written).isEqualTo(written);
        }
    }

    @Test
    void anAmbiguousNumericDateGroundsEitherReadingAndTheNoteSaysWhichWasTaken() {
        String text = "Date 01/03/2024";

        ValueMatch dayFirst = find(text, MARCH_1, DateOrder.EITHER);
        ValueMatch monthFirst = find(text, JANUARY_3, DateOrder.EITHER);

        assertThat(found(text, dayFirst)).isEqualTo("01/03/2024");
        assertThat(dayFirst.note()).isEqualTo("01/03/2024 is ambiguous: 2024-03-01 read day first, 2024-01-03 month first;"
                + " the value takes it day first");
        assertThat(found(text, monthFirst)).isEqualTo("01/03/2024");
        assertThat(monthFirst.note()).endsWith("the value takes it month first");
    }

    @Test
    void aDeclaredOrderDecidesAndLeavesNothingAmbiguous() {
        String text = "Date 01/03/2024";

        ValueMatch monthFirst = find(text, JANUARY_3, DateOrder.MONTH_FIRST);
        assertThat(found(text, monthFirst)).isEqualTo("01/03/2024");
        assertThat(monthFirst.note()).isNull();

        ValueMatch notDayFirst = find(text, JANUARY_3, DateOrder.DAY_FIRST);
        assertThat(notDayFirst.found()).isFalse();
        assertThat(notDayFirst.reason())
                .isEqualTo("the quote does not contain the date 2024-01-03 (dates in it: 01/03/2024 = 2024-03-01)");
    }

    @Test
    void aNumericDateWithOnlyOneValidReadingIsNotAmbiguous() {
        ValueMatch match = find("Date 13.03.2024", LocalDate.of(2024, 3, 13), DateOrder.EITHER);

        assertThat(match.found()).isTrue();
        assertThat(match.note()).isNull();
    }

    @Test
    void aTwoDigitYearIsReadAs20yyWithANote() {
        String text = "Date 1.3.24";
        ValueMatch match = find(text, MARCH_1, DateOrder.DAY_FIRST);

        assertThat(found(text, match)).isEqualTo("1.3.24");
        assertThat(match.note()).isEqualTo("two-digit year in 1.3.24 read as 2024");
    }

    @Test
    void theReasonListsTheDatesTheQuoteHolds() {
        ValueMatch match = find("from 2024-02-01 to 5/4/2024", MARCH_1, DateOrder.EITHER);

        assertThat(match.found()).isFalse();
        assertThat(match.reason()).isEqualTo("the quote does not contain the date 2024-03-01"
                + " (dates in it: 2024-02-01 = 2024-02-01, 5/4/2024 = 2024-04-05 or 2024-05-04)");
    }

    @Test
    void impossibleDaysAndWordsThatAreNoMonthsAreNoDates() {
        ValueMatch match = find("31/31/2024, 12 Apples 2024, 2024-02-30", MARCH_1, DateOrder.EITHER);

        assertThat(match.found()).isFalse();
        assertThat(match.reason()).isEqualTo("the quote does not contain the date 2024-03-01 (no date in it)");
    }

    @Test
    void aDateOutsideTheQuotesRangeIsNotFound() {
        String text = "2024-03-01 | Total 12.00 | 1 March 2024";
        int from = text.indexOf("Total");
        int to = text.indexOf(" | 1 March");

        assertThat(DateFinder.find(text, from, to, MARCH_1, DateOrder.EITHER).found()).isFalse();
        assertThat(DateFinder.find(text, from, text.length(), MARCH_1, DateOrder.EITHER).start())
                .isEqualTo(text.indexOf("1 March"));
    }

    @Test
    void aFrenchFirstOfTheMonthIsFound() {
        String text = "Paris, le 1er mars 2024";

        assertThat(found(text, find(text, MARCH_1, DateOrder.EITHER))).isEqualTo("1er mars 2024");
    }
}
