package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static io.docflow.evidence.Json.shippedSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The whole review on the real case that motivated it: an invoice whose total needs the shipping the model left out. */
class FieldReviewTest {

    private static final String PAGE_1 = """
            INVOICE #398
            Northwind Supplies Ltd
            12 Harbour Road, Leeds
            Invoice date: 01/03/2024      Due date: 31 March 2024
            Bill to: Contoso GmbH

            Description        Qty   Unit price    Amount
            Widget               3        12.50     37.50
            Gadget               2       240.23    480.46
            Installation ser-
            vice                 1       100.00    100.00
            """;
    private static final String PAGE_2 = """
            Subtotal                               617.96
            VAT 5%                                  30.90
            Shipping                                45.00
            Total due                          EUR 693.86
            """;
    private static final String TEXT = PAGE_1 + PAGE_2;
    private static final List<Integer> PAGES = List.of(0, PAGE_1.length());

    private static final String FIELDS = """
            {'vendorName': 'INVOICE #398', 'invoiceNumber': '398', 'invoiceDate': '2024-03-01', 'dueDate': '2024-03-31',
             'currency': 'EUR', 'subtotal': 617.96, 'tax': 30.90, 'total': 693.86,
             'lineItems': [
               {'description': 'Widget', 'quantity': 3, 'unitPrice': 12.50, 'amount': 37.50},
               {'description': 'Gadget', 'quantity': 2, 'unitPrice': 240.23, 'amount': 480.46},
               {'description': 'Installation service', 'quantity': 1, 'unitPrice': 100.00, 'amount': 100.00}]}""";
    private static final String EVIDENCE = """
            [{'field': '/vendorName', 'quote': 'INVOICE #398', 'page': 1, 'confidence': 0.42},
             {'field': '/invoiceNumber', 'quote': 'INVOICE #398', 'page': 1, 'confidence': 0.9},
             {'field': '/invoiceDate', 'quote': 'Invoice date: 01/03/2024', 'page': 1, 'confidence': 0.85},
             {'field': '/dueDate', 'quote': 'Due date: 31 March 2024', 'page': 1},
             {'field': '/currency', 'quote': 'Total due EUR 693.86', 'page': 2},
             {'field': '/subtotal', 'quote': 'Subtotal 617.96', 'page': 2, 'confidence': 0.95},
             {'field': '/tax', 'quote': 'VAT 5% 30.90', 'page': 2, 'confidence': 0.95},
             {'field': '/total', 'quote': 'Total due EUR 693.86', 'page': 2, 'confidence': 0.95},
             {'field': '/lineItems/0/description', 'quote': 'Widget 3 12.50 37.50', 'page': 1},
             {'field': '/lineItems/0/quantity', 'quote': 'Widget 3 12.50 37.50', 'page': 1},
             {'field': '/lineItems/0/unitPrice', 'quote': 'Widget 3 12.50 37.50', 'page': 1},
             {'field': '/lineItems/0/amount', 'quote': 'Widget 3 12.50 37.50', 'page': 1},
             {'field': '/lineItems/1/description', 'quote': 'Gadget 2 240.23 480.46', 'page': 1},
             {'field': '/lineItems/1/quantity', 'quote': 'Gadget 2 240.23 480.46', 'page': 1},
             {'field': '/lineItems/1/unitPrice', 'quote': 'Gadget 2 240.23 480.46', 'page': 1},
             {'field': '/lineItems/1/amount', 'quote': 'Gadget 2 240.23 480.46', 'page': 1},
             {'field': '/lineItems/2/description', 'quote': 'Installation service 1 100.00 100.00', 'page': 1},
             {'field': '/lineItems/2/quantity', 'quote': 'Installation service 1 100.00 100.00', 'page': 1},
             {'field': '/lineItems/2/unitPrice', 'quote': 'Installation service 1 100.00 100.00', 'page': 1},
             {'field': '/lineItems/2/amount', 'quote': 'Installation service 1 100.00 100.00', 'page': 2}]""";

    private final FieldReview invoice = FieldReview.forClass("invoice.schema.json", shippedSchema("invoice"));

    private ReviewedFields review(String fields, String evidence) {
        return invoice.review(ReviewInput.of(TEXT, PAGES, json(fields), json(evidence)));
    }

    private static RuleResult rule(ReviewedFields reviewed, String id) {
        return reviewed.rules().stream().filter(rule -> rule.ruleId().equals(id)).findFirst().orElseThrow();
    }

    private static FieldEvidence evidence(ReviewedFields reviewed, String field) {
        return reviewed.evidence().stream().filter(value -> value.field().equals(field)).findFirst().orElseThrow();
    }

    private static FieldConfidence confidence(ReviewedFields reviewed, String field) {
        return reviewed.fieldConfidence().stream().filter(value -> value.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void theTotalThatNeedsTheLeftOutShippingFailsItsRuleNamingTheFieldsAndTheHeadingIsNoVendor() {
        ReviewedFields reviewed = review(FIELDS, EVIDENCE);

        assertThat(reviewed.evidence()).allSatisfy(value -> assertThat(value.grounded()).as(value.field() + ": " + value.reason()).isTrue());
        assertThat(rule(reviewed, "invoice.total").outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(rule(reviewed, "invoice.subtotal").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(rule(reviewed, "invoice.line-amount").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(rule(reviewed, "invoice.dates").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(reviewed.decision().needsReview()).isTrue();
        assertThat(reviewed.decision().reasons()).containsExactly(
                "rule invoice.total failed: subtotal 617.96 + tax 30.90 = 648.86 != total 693.86 "
                        + "(difference 45.00; absent: shipping, discount)",
                "rule invoice.vendor-not-heading failed: vendorName \"INVOICE #398\" refused: "
                        + "the vendor is a name, not a heading such as \"INVOICE #398\"",
                "vendorName: confidence 0.252 below 0.5",
                "total: confidence 0.585 below 0.8",
                "document: confidence 0.317 below 0.7");
    }

    @Test
    void theCorrectedExtractionNeedsNoReview() {
        String fields = FIELDS.replace("'vendorName': 'INVOICE #398'", "'vendorName': 'Northwind Supplies Ltd'")
                .replace("'total': 693.86", "'shipping': 45.00, 'total': 693.86");
        String evidence = EVIDENCE.replace("{'field': '/vendorName', 'quote': 'INVOICE #398', 'page': 1, 'confidence': 0.42}",
                "{'field': '/vendorName', 'quote': 'Northwind Supplies Ltd', 'page': 1, 'confidence': 0.9}")
                .replace("]", ", {'field': '/shipping', 'quote': 'Shipping 45.00', 'page': 2}]");

        ReviewedFields reviewed = review(fields, evidence);

        assertThat(rule(reviewed, "invoice.total").message())
                .isEqualTo("subtotal 617.96 + tax 30.90 + shipping 45.00 = 693.86 = total 693.86 (absent: discount)");
        assertThat(reviewed.decision().needsReview()).isFalse();
        assertThat(reviewed.decision().reasons()).isEmpty();
        assertThat(reviewed.documentConfidence().confidence()).isGreaterThan(0.85);
        assertThat(confidence(reviewed, "/total").confidence()).isGreaterThan(0.95);
    }

    @Test
    void evidenceOffsetsPointAtTheValuesInTheStoredText() {
        ReviewedFields reviewed = review(FIELDS, EVIDENCE);

        FieldEvidence total = evidence(reviewed, "/total");
        FieldEvidence dueDate = evidence(reviewed, "/dueDate");
        FieldEvidence description = evidence(reviewed, "/lineItems/2/description");
        FieldEvidence amount = evidence(reviewed, "/lineItems/2/amount");

        assertThat(TEXT.substring(total.start(), total.end())).isEqualTo("693.86");
        assertThat(total.page()).isEqualTo(2);
        assertThat(TEXT.substring(dueDate.start(), dueDate.end())).isEqualTo("31 March 2024");
        assertThat(TEXT.substring(description.start(), description.end())).isEqualTo("Installation ser-\nvice");
        assertThat(amount.page()).isEqualTo(1);
        assertThat(amount.note()).isEqualTo("quoted as page 2, found on page 1");
        assertThat(evidence(reviewed, "/invoiceDate").note()).startsWith("01/03/2024 is ambiguous");
    }

    @Test
    void aMadeUpValueIsUngroundedAndItsReasonSaysWhy() {
        String fields = FIELDS.replace("'total': 693.86", "'shipping': 54.00, 'total': 693.86");
        String evidence = EVIDENCE.replace("]", ", {'field': '/shipping', 'quote': 'Shipping 45.00', 'page': 2, 'confidence': 0.9}]");

        ReviewedFields reviewed = review(fields, evidence);

        assertThat(evidence(reviewed, "/shipping").grounded()).isFalse();
        assertThat(reviewed.decision().reasons()).contains(
                "shipping: ungrounded (the quote does not contain 54 (numbers in it: 45.00)), confidence 0.216 below 0.5");
    }

    @Test
    void documentAndPerFieldThresholdsComeFromTheSchema() {
        ObjectNode schema = (ObjectNode) shippedSchema("invoice");
        schema.set("x-docflow-review", json("{'document': 0.95, 'fields': {'vendorName': 0.8, 'invoiceNumber': 0.95}}"));
        schema.remove("x-docflow-rules");
        String fields = "{'vendorName': 'Northwind Supplies Ltd', 'invoiceNumber': '398', 'total': 693.86}";
        String evidence = """
                [{'field': '/vendorName', 'quote': 'Northwind Supplies Ltd', 'confidence': 0.75},
                 {'field': '/invoiceNumber', 'quote': 'INVOICE #398', 'confidence': 0.9},
                 {'field': '/total', 'quote': 'Total due EUR 693.86', 'confidence': 0.6}]""";

        ReviewedFields reviewed = FieldReview.forClass("invoice.schema.json", schema)
                .review(ReviewInput.of(TEXT, PAGES, json(fields), json(evidence)));

        assertThat(reviewed.fieldConfidence()).extracting(FieldConfidence::threshold).containsExactly(0.8, 0.95, 0.5);
        assertThat(reviewed.decision().reasons()).containsExactly(
                "vendorName: confidence 0.75 below 0.8",
                "invoiceNumber: confidence 0.90 below 0.95",
                "document: confidence 0.75 below 0.95");
    }

    @Test
    void schemaErrorsAndARepairLowerConfidenceAndAreReasons() {
        ReviewedFields reviewed = invoice.review(ReviewInput.of(TEXT, PAGES, json("{'invoiceNumber': '398', 'total': '693.86', 'currency': 'EUR'}"),
                        json("[{'field': '/invoiceNumber', 'quote': 'INVOICE #398'}, {'field': '/total', 'quote': 'Total due EUR 693.86'},"
                                + " {'field': '/currency', 'quote': 'EUR 693.86'}]"))
                .withSchemaErrors(List.of("$.total: string found, number expected"))
                .withRepaired(true));

        assertThat(confidence(reviewed, "/total").because()).containsExactly("no estimate from the model: 0.90",
                "rule invoice.currency passed, doubt halved: 0.95", "schema error × 0.5 = 0.475", "repaired answer × 0.9 = 0.428");
        assertThat(confidence(reviewed, "/invoiceNumber").confidence()).isEqualTo(0.81);
        assertThat(reviewed.decision().reasons()).startsWith("schema: $.total: string found, number expected");
        assertThat(reviewed.documentConfidence().because()).containsExactly("mean of the model's estimates 0.90", "schema invalid × 0.5 = 0.45",
                "repaired answer × 0.9 = 0.405");
    }

    @Test
    void unusableEvidenceIsReported() {
        ReviewedFields reviewed = invoice.review(ReviewInput.of(TEXT, PAGES, json("{'invoiceNumber': '398'}"), json("""
                [{'quote': 'INVOICE #398'}, {'field': 'invoiceNumber', 'quote': 'INVOICE #398', 'page': 'one', 'confidence': 7},
                 {'field': '/iban', 'quote': 'x'}]""")));

        assertThat(reviewed.evidence().get(0).grounded()).isTrue();
        assertThat(reviewed.evidenceProblems()).containsExactly("evidence[0] names no field",
                "evidence[1]: page \"one\" is not a page number, ignored",
                "evidence[1]: confidence 7 is not between 0 and 1, ignored",
                "iban: no such value in the fields");
    }

    @Test
    void cardNumbersAreMaskedEverywhereInTheOutputButTheOffsetsStillPointAtTheText() {
        String text = "CORNER CAFE\nVISA 4111 1111 1111 1111\nTOTAL USD 12.50\n";
        FieldReview receipt = FieldReview.forClass("receipt.schema.json", shippedSchema("receipt"));

        ReviewedFields reviewed = receipt.review(ReviewInput.of(text, List.of(),
                json("{'merchantName': 'CORNER CAFE', 'cardNumber': '4111 1111 1111 1111', 'total': 12.50, 'currency': 'USD'}"),
                json("""
                        [{'field': '/merchantName', 'quote': 'CORNER CAFE'},
                         {'field': '/cardNumber', 'quote': 'VISA 4111 1111 1111 1111'},
                         {'field': '/total', 'quote': 'TOTAL USD 12.50'}, {'field': '/currency', 'quote': 'TOTAL USD 12.50'}]""")));

        FieldEvidence card = evidence(reviewed, "/cardNumber");
        assertThat(reviewed.fields().path("cardNumber").asText()).isEqualTo("**** **** **** 1111");
        assertThat(card.value().asText()).isEqualTo("**** **** **** 1111");
        assertThat(card.quote()).isEqualTo("VISA **** **** **** 1111");
        assertThat(text.substring(card.start(), card.end())).isEqualTo("4111 1111 1111 1111");
        assertThat(rule(reviewed, "receipt.card").message()).isEqualTo("cardNumber ending 1111 has valid check digits");
        assertThat(Json.MAPPER.valueToTree(reviewed).toString()).doesNotContain("4111 1111 1111 1111");
    }

    @Test
    void theResultSerialisesToJson() throws Exception {
        ReviewedFields reviewed = review(FIELDS, EVIDENCE);

        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(reviewed));

        assertThat(json.path("fields").path("total").asDouble()).isEqualTo(693.86);
        assertThat(json.path("evidence").get(0).path("field").asText()).isEqualTo("/vendorName");
        assertThat(json.path("evidence").get(0).path("grounded").asBoolean()).isTrue();
        assertThat(json.path("rules").get(1).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(json.path("lists").get(0).path("list").asText()).isEqualTo("/lineItems");
        assertThat(json.path("decision").path("needsReview").asBoolean()).isTrue();
        assertThat(json.path("documentConfidence").path("because").isArray()).isTrue();
    }
}
