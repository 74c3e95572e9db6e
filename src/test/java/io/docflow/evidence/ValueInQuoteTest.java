package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class ValueInQuoteTest {

    private static ValueMatch find(MatchKind kind, String text, JsonNode value) {
        return ValueInQuote.find(kind, text, 0, text.length(), value, DateOrder.EITHER);
    }

    private static String found(String text, ValueMatch match) {
        assertThat(match.found()).as(match.reason()).isTrue();
        return text.substring(match.start(), match.end());
    }

    @Test
    void numbersAreFoundInAnyNotationAsJsonNumbersOrNumericText() {
        String text = "Total due 1.234,50 EUR";

        assertThat(found(text, find(MatchKind.NUMBER, text, json("1234.5")))).isEqualTo("1.234,50");
        assertThat(found(text, find(MatchKind.NUMBER, text, TextNode.valueOf("1,234.50")))).isEqualTo("1.234,50");
    }

    @Test
    void aNumberValueThatIsNoNumberIsMatchedAsTextWithANote() {
        String text = "Total: n/a";
        ValueMatch match = find(MatchKind.NUMBER, text, TextNode.valueOf("n/a"));

        assertThat(found(text, match)).isEqualTo("n/a");
        assertThat(match.note()).isEqualTo("not a number, so matched as text");
        assertThat(find(MatchKind.NUMBER, text, TextNode.valueOf("none")).reason()).isEqualTo("the quote does not contain \"none\"");
    }

    @Test
    void datesAreFoundInAnyNotationAndANonIsoDateIsMatchedAsText() {
        String text = "Period: 1 March 2024, March 2024";

        assertThat(found(text, find(MatchKind.DATE, text, TextNode.valueOf("2024-03-01")))).isEqualTo("1 March 2024");
        ValueMatch month = find(MatchKind.DATE, text, TextNode.valueOf("March 2024"));
        assertThat(month.note()).isEqualTo("not a YYYY-MM-DD date, so matched as text");
    }

    @Test
    void theDeclaredDateOrderIsUsed() {
        String text = "01/03/2024";

        assertThat(ValueInQuote.find(MatchKind.DATE, text, 0, text.length(), TextNode.valueOf("2024-01-03"), DateOrder.DAY_FIRST).found())
                .isFalse();
        assertThat(ValueInQuote.find(MatchKind.DATE, text, 0, text.length(), TextNode.valueOf("2024-01-03"), DateOrder.MONTH_FIRST).found())
                .isTrue();
    }

    @Test
    void currenciesAlphanumericsAndTextsAreLookedForTheirWay() {
        String text = "Paid € 12 to DE89 3704 0044, ACME Ltd";

        assertThat(found(text, find(MatchKind.CURRENCY, text, TextNode.valueOf("EUR")))).isEqualTo("€");
        assertThat(found(text, find(MatchKind.ALPHANUMERIC, text, TextNode.valueOf("DE8937040044")))).isEqualTo("DE89 3704 0044");
        assertThat(found(text, find(MatchKind.TEXT, text, TextNode.valueOf("acme ltd")))).isEqualTo("ACME Ltd");
    }

    @Test
    void quoteMatchingGroundsTheWholeRangeAndSaysOnlyTheQuoteWasChecked() {
        String text = "header [Paid in full] footer";
        int from = text.indexOf('[');
        int to = text.indexOf(']') + 1;

        ValueMatch yesNo = ValueInQuote.find(MatchKind.QUOTE, text, from, to, BooleanNode.TRUE, DateOrder.EITHER);
        ValueMatch derived = ValueInQuote.find(MatchKind.QUOTE, text, from, to, TextNode.valueOf("settled"), DateOrder.EITHER);

        assertThat(found(text, yesNo)).isEqualTo("[Paid in full]");
        assertThat(yesNo.note()).isEqualTo("a yes/no value: only its quote is checked");
        assertThat(derived.note()).isEqualTo("only the quote is checked (x-docflow-match: quote)");
    }

    @Test
    void isoDatesAreReadFromTextOnly() {
        assertThat(ValueInQuote.isoDate(TextNode.valueOf(" 2024-03-01 "))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ValueInQuote.isoDate(TextNode.valueOf("01.03.2024"))).isNull();
        assertThat(ValueInQuote.isoDate(TextNode.valueOf("2024-02-30"))).isNull();
        assertThat(ValueInQuote.isoDate(IntNode.valueOf(20240301))).isNull();
        assertThat(ValueInQuote.isoDate(null)).isNull();
    }
}
