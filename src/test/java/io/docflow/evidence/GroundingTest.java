package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GroundingTest {

    private static final JsonNode SCHEMA = json("""
            {'type': 'object', 'properties': {
              'invoiceNumber': {'type': 'string'},
              'vendorName': {'type': 'string'},
              'invoiceDate': {'type': 'string', 'format': 'date'},
              'total': {'type': 'number'},
              'currency': {'type': 'string', 'x-docflow-match': 'currency'},
              'iban': {'type': 'string', 'x-docflow-match': 'alphanumeric'},
              'paid': {'type': 'boolean'},
              'lineItems': {'type': 'array', 'items': {'type': 'object', 'properties': {
                 'description': {'type': 'string'}, 'amount': {'type': 'number'}}}}}}""");

    private static FieldEvidence ground(String text, List<Integer> pageStarts, String field, Object value, String quote,
            Integer page) {
        return ground(text, pageStarts, SCHEMA, field, value, quote, page);
    }

    private static FieldEvidence ground(String text, List<Integer> pageStarts, JsonNode schema, String field,
            Object value, String quote, Integer page) {
        JsonNode fields = Json.MAPPER.createObjectNode().set(field.substring(1), Json.MAPPER.valueToTree(value));
        EvidenceClaim claim = new EvidenceClaim(field, quote, page, null);
        Grounding.Result result = new Grounding(text, new Pages(pageStarts, text.length()), new FieldSchemas("test.schema.json", schema))
                .ground(Leaves.of(fields), List.of(claim));
        return result.evidence().get(0);
    }

    private static String located(String text, FieldEvidence evidence) {
        return text.substring(evidence.start(), evidence.end());
    }

    @Test
    void aQuoteIsFoundWhateverItsWhitespaceAndTheOffsetsPointAtTheValue() {
        String text = "Line items\nWidget   3 x 12.50\t 37.50\nTotal due: 37.50";

        FieldEvidence evidence = ground(text, List.of(), "/total", 37.5, "Widget 3 x 12.50 37.50", null);

        assertThat(evidence.grounded()).isTrue();
        assertThat(located(text, evidence)).isEqualTo("37.50");
        assertThat(evidence.start()).isEqualTo(text.indexOf("37.50"));
        assertThat(text.substring(evidence.quoteStart(), evidence.quoteEnd())).isEqualTo("Widget   3 x 12.50\t 37.50");
        assertThat(evidence.note()).isNull();
    }

    @Test
    void aWordHyphenatedAcrossALineBreakMatchesTheQuoteWrittenWholeOrWithItsHyphen() {
        String text = "Please quote the invoice-\n  number ACME-2024-17 when paying.";

        for (String quote : List.of("invoice number ACME-2024-17", "invoicenumber ACME-2024-17", "invoice-number ACME-2024-17")) {
            FieldEvidence evidence = ground(text, List.of(), "/invoiceNumber", "ACME-2024-17", quote, null);

            assertThat(evidence.grounded()).as(quote).isTrue();
            assertThat(located(text, evidence)).isEqualTo("ACME-2024-17");
        }
    }

    @Test
    void aValueHyphenatedInTheTextIsFoundInItsQuote() {
        String text = "Supplier: Northwind Trad-\nings Ltd, Leeds";

        FieldEvidence evidence = ground(text, List.of(), "/vendorName", "Northwind Tradings Ltd", "Supplier: Northwind Tradings Ltd", null);

        assertThat(evidence.grounded()).isTrue();
        assertThat(located(text, evidence)).isEqualTo("Northwind Trad-\nings Ltd");
    }

    @Test
    void numbersMatchInEveryCommonNotation() {
        for (String written : List.of("1.234,50", "1234.50", "1,234.50", "1'234.50", "1 234,50", "EUR 1.234,50", "1234,5")) {
            String text = "Gesamtbetrag " + written + " fällig";

            FieldEvidence evidence = ground(text, List.of(), "/total", 1234.50, "Gesamtbetrag " + written, null);

            assertThat(evidence.grounded()).as(written).isTrue();
            assertThat(located(text, evidence)).as(written).isEqualTo(written.replace("EUR ", ""));
        }
    }

    @Test
    void aNumberThatIsOnlyPartOfANumberInTheTextIsNotFound() {
        String text = "Total 1.234,50";

        FieldEvidence evidence = ground(text, List.of(), "/total", 234.50, "Total 1.234,50", null);

        assertThat(evidence.grounded()).isFalse();
        assertThat(evidence.reason()).isEqualTo("the quote does not contain 234.50 (numbers in it: 1.234,50)");
    }

    @Test
    void aThousandsSeparatorThatCouldBeADecimalMarkIsNoted() {
        FieldEvidence evidence = ground("Total 1,234", List.of(), "/total", 1234, "Total 1,234", null);

        assertThat(evidence.grounded()).isTrue();
        assertThat(evidence.note()).isEqualTo("1,234 read as 1234 (it could also be 1.234)");
    }

    @Test
    void valuesInCommaSeparatedTextAreFound() {
        String text = "description,quantity,unitPrice,amount\nWidget,3,12.50,37.50\n";

        FieldEvidence evidence = ground(text, List.of(), "/total", 37.5, "Widget,3,12.50,37.50", null);

        assertThat(located(text, evidence)).isEqualTo("37.50");
        assertThat(evidence.start()).isEqualTo(text.lastIndexOf("37.50"));
    }

    @Test
    void datesMatchInSeveralFormats() {
        for (String written : List.of("2024-03-01", "1 March 2024", "March 1, 2024", "1st of March, 2024", "Mar. 1 2024",
                "01.03.2024", "1. März 2024", "01-Mar-2024")) {
            String text = "Invoice date: " + written + "\nDue in 30 days";

            FieldEvidence evidence = ground(text, List.of(), "/invoiceDate", "2024-03-01", "Invoice date: " + written, null);

            assertThat(evidence.grounded()).as(written).isTrue();
            assertThat(located(text, evidence)).as(written).isEqualTo(written);
        }
    }

    @Test
    void aNumericDateThatCouldBeDayOrMonthFirstIsGroundedEitherWayAndSaysWhichReadingItTook() {
        String text = "Date 01/03/2024";

        FieldEvidence dayFirst = ground(text, List.of(), "/invoiceDate", "2024-03-01", "Date 01/03/2024", null);
        FieldEvidence monthFirst = ground(text, List.of(), "/invoiceDate", "2024-01-03", "Date 01/03/2024", null);

        assertThat(dayFirst.grounded()).isTrue();
        assertThat(dayFirst.note()).isEqualTo(
                "01/03/2024 is ambiguous: 2024-03-01 read day first, 2024-01-03 month first; the value takes it day first");
        assertThat(monthFirst.grounded()).isTrue();
        assertThat(monthFirst.note()).endsWith("the value takes it month first");
    }

    @Test
    void aDeclaredDateOrderDecidesAmbiguousDates() {
        JsonNode dayFirst = json("{'x-docflow-date-order': 'day-first', 'properties': {'invoiceDate': {'type': 'string', 'format': 'date'}}}");

        FieldEvidence evidence = ground("Date 01/03/2024", List.of(), dayFirst, "/invoiceDate", "2024-01-03", "Date 01/03/2024", null);

        assertThat(evidence.grounded()).isFalse();
        assertThat(evidence.reason()).isEqualTo(
                "the quote does not contain the date 2024-01-03 (dates in it: 01/03/2024 = 2024-03-01)");
        assertThat(ground("Date 01/03/2024", List.of(), dayFirst, "/invoiceDate", "2024-03-01", "Date 01/03/2024", null).note())
                .isNull();
    }

    @Test
    void aDateThatCannotBeSwappedIsNotAmbiguousAndATwoDigitYearIsNoted() {
        FieldEvidence evidence = ground("Date 13/03/24", List.of(), "/invoiceDate", "2024-03-13", "Date 13/03/24", null);

        assertThat(evidence.grounded()).isTrue();
        assertThat(evidence.note()).isEqualTo("two-digit year in 13/03/24 read as 2024");
    }

    @Test
    void aQuoteOnAnotherPageThanClaimedIsGroundedWithThePageItIsOnAndSaysSo() {
        String page1 = "ACME Ltd\nInvoice 17\n";
        String page2 = "Widget 3 x 12.50 37.50\n";
        String page3 = "Total due 37.50\n";
        String text = page1 + page2 + page3;
        List<Integer> starts = List.of(0, page1.length(), page1.length() + page2.length());

        FieldEvidence evidence = ground(text, starts, "/total", 37.5, "Total due 37.50", 2);

        assertThat(evidence.grounded()).isTrue();
        assertThat(evidence.page()).isEqualTo(3);
        assertThat(evidence.claimedPage()).isEqualTo(2);
        assertThat(evidence.note()).isEqualTo("quoted as page 2, found on page 3");
        assertThat(located(text, evidence)).isEqualTo("37.50");
        assertThat(evidence.start()).isEqualTo(text.lastIndexOf("37.50"));
    }

    @Test
    void theClaimedPageIsPreferredWhenTheQuoteIsOnSeveralPages() {
        String page1 = "Subtotal 37.50\n";
        String page2 = "Subtotal 37.50\n";
        List<Integer> starts = List.of(0, page1.length());

        FieldEvidence evidence = ground(page1 + page2, starts, "/total", 37.5, "Subtotal 37.50", 2);

        assertThat(evidence.page()).isEqualTo(2);
        assertThat(evidence.start()).isEqualTo(page1.length() + "Subtotal ".length());
        assertThat(evidence.note()).isNull();
    }

    @Test
    void aPageTheTextDoesNotHaveIsSaid() {
        FieldEvidence evidence = ground("Total 5", List.of(0), "/total", 5, "Total 5", 4);

        assertThat(evidence.page()).isEqualTo(1);
        assertThat(evidence.note()).isEqualTo("quoted as page 4, which the text does not have (1 pages), found on page 1");
    }

    @Test
    void aMadeUpValueIsUngroundedWithTheReason() {
        String text = "Total due 37.50";

        FieldEvidence notInQuote = ground(text, List.of(), "/total", 45.0, "Total due 37.50", null);
        FieldEvidence quoteNotInText = ground(text, List.of(), "/total", 45.0, "Shipping 45.00", null);
        FieldEvidence noQuote = ground(text, List.of(), "/total", 45.0, " ", null);

        assertThat(notInQuote.grounded()).isFalse();
        assertThat(notInQuote.reason()).isEqualTo("the quote does not contain 45 (numbers in it: 37.50)");
        assertThat(notInQuote.start()).isNull();
        assertThat(notInQuote.quoteStart()).isZero();
        assertThat(quoteNotInText.reason()).isEqualTo("the quote is not in the text");
        assertThat(quoteNotInText.quoteStart()).isNull();
        assertThat(noQuote.reason()).isEqualTo("the evidence gives no quote");
    }

    @Test
    void aValueWithoutEvidenceIsUngroundedAndEvidenceForNoValueIsReported() {
        JsonNode fields = json("{'total': 5}");
        Grounding.Result result = new Grounding("Total 5", new Pages(List.of(), 7), new FieldSchemas("t", SCHEMA))
                .ground(Leaves.of(fields), List.of(new EvidenceClaim("/shipping", "Total 5", null, null)));

        assertThat(result.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.grounded()).isFalse();
            assertThat(evidence.reason()).isEqualTo("no evidence given for this value");
        });
        assertThat(result.unusedEvidence()).containsExactly("shipping: no such value in the fields");
    }

    @Test
    void currenciesAreFoundAsCodeOrSymbol() {
        assertThat(located("Total € 12.00", ground("Total € 12.00", List.of(), "/currency", "EUR", "Total € 12.00", null)))
                .isEqualTo("€");
        assertThat(ground("Total $12.00", List.of(), "/currency", "USD", "Total $12.00", null).note())
                .isEqualTo("$ is read as USD; it also stands for AUD, CAD, HKD, MXN, NZD, SGD");
        assertThat(ground("Total A$12.00", List.of(), "/currency", "USD", "Total A$12.00", null).reason())
                .isEqualTo("the quote shows neither USD nor US$ or $");
        assertThat(located("Amount (EUR) 12", ground("Amount (EUR) 12", List.of(), "/currency", "EUR", "Amount (EUR) 12", null)))
                .isEqualTo("EUR");
    }

    @Test
    void alphanumericValuesIgnoreSpacingAndPunctuation() {
        String text = "IBAN: DE89 3704 0044 0532 0130 00";

        FieldEvidence evidence = ground(text, List.of(), "/iban", "DE89370400440532013000", "IBAN: DE89 3704 0044 0532 0130 00", null);

        assertThat(located(text, evidence)).isEqualTo("DE89 3704 0044 0532 0130 00");
    }

    @Test
    void aYesNoValueIsGroundedByItsQuoteAlone() {
        FieldEvidence evidence = ground("Signed: [x]", List.of(), "/paid", true, "Signed: [x]", null);

        assertThat(evidence.grounded()).isTrue();
        assertThat(evidence.note()).isEqualTo("a yes/no value: only its quote is checked");
    }

    @Test
    void aNegativeValueWhoseSignTheQuoteDoesNotShowIsGroundedWithANote() {
        FieldEvidence evidence = ground("Card payment   37.50", List.of(), "/total", -37.5, "Card payment 37.50", null);

        assertThat(evidence.grounded()).isTrue();
        assertThat(evidence.note()).isEqualTo("the quote shows 37.50 without a minus sign");
        assertThat(ground("Card payment -37.50", List.of(), "/total", -37.5, "Card payment -37.50", null).note()).isNull();
    }

    @Test
    void aTextValueIsComparedIgnoringCaseAndSpacing() {
        String text = "From:  ACME   Widgets\nLtd";

        FieldEvidence evidence = ground(text, List.of(), "/vendorName", "Acme Widgets Ltd", "From: ACME Widgets Ltd", null);

        assertThat(located(text, evidence)).isEqualTo("ACME   Widgets\nLtd");
    }

    @Test
    void listItemsAreGroundedOneLeafAtATime() {
        String text = "Widget 3 x 12.50 37.50\nGadget 1 x 9.99 9.99";
        JsonNode fields = json("{'lineItems': [{'description': 'Widget', 'amount': 37.5}, {'description': 'Gadget', 'amount': 9.99}]}");
        List<EvidenceClaim> claims = List.of(
                new EvidenceClaim("/lineItems/0/description", "Widget 3 x 12.50 37.50", null, 0.9),
                new EvidenceClaim("/lineItems/0/amount", "Widget 3 x 12.50 37.50", null, null),
                new EvidenceClaim("/lineItems/1/description", "Gadget 1 x 9.99", null, null),
                new EvidenceClaim("/lineItems/1/amount", "Gadget 1 x 9.99 9.99", null, null));

        List<FieldEvidence> evidence = new Grounding(text, new Pages(List.of(), text.length()), new FieldSchemas("t", SCHEMA))
                .ground(Leaves.of(fields), claims).evidence();

        assertThat(evidence).extracting(FieldEvidence::field).containsExactly(
                "/lineItems/0/description", "/lineItems/0/amount", "/lineItems/1/description", "/lineItems/1/amount");
        assertThat(evidence).allMatch(FieldEvidence::grounded);
        assertThat(evidence.get(0).modelConfidence()).isEqualTo(0.9);
        assertThat(located(text, evidence.get(3))).isEqualTo("9.99");
        assertThat(evidence.get(3).start()).isBetween(evidence.get(3).quoteStart(), evidence.get(3).quoteEnd() - 4);
    }
}
