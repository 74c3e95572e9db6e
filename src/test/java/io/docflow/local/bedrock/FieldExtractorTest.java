package io.docflow.local.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FieldExtractorTest {

    private final FieldExtractor extractor = new FieldExtractor();

    @Test
    void fillsTheSchemaPropertiesTypedFromLabelledLines() throws Exception {
        ObjectNode fields = extract(SampleDocuments.INVOICE_SCHEMA, SampleDocuments.INVOICE);

        assertThat(fields.get("invoiceNumber").asText()).isEqualTo("INV-2026-0042");
        assertThat(fields.get("invoiceDate").asText()).isEqualTo("2026-03-01");
        assertThat(fields.get("total").isNumber()).isTrue();
        assertThat(fields.get("total").decimalValue()).isEqualByComparingTo("564.00");
        assertThat(fields.get("currency").asText()).isEqualTo("USD");
    }

    @Test
    void aPropertyTheTextDoesNotGiveIsLeftOut() throws Exception {
        ObjectNode fields = extract("""
                {"type":"object","properties":{"invoiceNumber":{"type":"string"},"iban":{"type":"string"},
                 "dueDate":{"type":"string","format":"date"}},"required":["invoiceNumber","iban"]}""",
                "Invoice no. 17\nDue: upon receipt");

        assertThat(fields.get("invoiceNumber").asText()).isEqualTo("17");
        assertThat(fields.has("iban")).isFalse();
        assertThat(fields.has("dueDate")).as("an unreadable date is not invented").isFalse();
    }

    @Test
    void labelsComeFromCamelAndSnakeCaseNamesTitlesAndNumberAbbreviations() throws Exception {
        ObjectNode fields = extract("""
                {"type":"object","properties":{
                  "invoice_number":{"type":"string"},
                  "customerRef":{"type":"string","title":"Your reference"},
                  "account_number":{"type":"string"},
                  "paid":{"type":"boolean"},
                  "pageCount":{"type":"integer"}}}""", """
                Invoice # A-77    Your reference: PO 12
                Account no: 12345678
                Paid: yes
                Page count 3
                """);

        assertThat(fields.get("invoice_number").asText()).isEqualTo("A-77");
        assertThat(fields.get("customerRef").asText()).isEqualTo("PO 12");
        assertThat(fields.get("account_number").asText()).isEqualTo("12345678");
        assertThat(fields.get("paid").asBoolean()).isTrue();
        assertThat(fields.get("pageCount").asLong()).isEqualTo(3);
    }

    @Test
    void theTotalIsTheLastTotalLineNotTheSubtotal() throws Exception {
        ObjectNode fields = extract("""
                {"type":"object","properties":{"totalAmount":{"type":"number"},"subtotal":{"type":"number"}}}""", """
                Subtotal: 1.000,00 EUR
                Total: 1.190,00 EUR
                Total items: 3
                """);

        assertThat(fields.get("totalAmount").decimalValue()).isEqualByComparingTo("1190");
        assertThat(fields.get("subtotal").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void theVendorIsTheFromLineElseTheFirstLine() throws Exception {
        String schema = """
                {"type":"object","properties":{"vendorName":{"type":"string"}}}""";

        assertThat(extract(schema, "Invoice\nTo: Globex\nFrom:\nInitech GmbH\n").get("vendorName").asText())
                .isEqualTo("Initech GmbH");
        assertThat(extract(schema, SampleDocuments.INVOICE).get("vendorName").asText()).isEqualTo("ACME Supplies Ltd");
    }

    @Test
    void lineItemsAreReadFromDescriptionQuantityAndAmountLines() throws Exception {
        ObjectNode fields = extract("""
                {"type":"object","properties":{"lineItems":{"type":"array","items":{"type":"object","properties":{
                  "description":{"type":"string"},"quantity":{"type":"integer"},
                  "unitPrice":{"type":"number"},"amount":{"type":"number"}}}}}}""", SampleDocuments.INVOICE);

        JsonNode items = fields.get("lineItems");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("description").asText()).isEqualTo("Widget A");
        assertThat(items.get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(items.get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("10");
        assertThat(items.get(1).get("amount").decimalValue()).isEqualByComparingTo("450");
    }

    @Test
    void noLineItemsIsAnEmptyArray() throws Exception {
        ObjectNode fields = extract("""
                {"type":"object","properties":{"items":{"type":"array","items":{"type":"object"}}}}""",
                "Dear Sir,\nplease find the total of 3 attached.\nSincerely");

        assertThat(fields.get("items")).isEmpty();
    }

    @Test
    void anItemLineMayPutTheQuantityFirst() {
        assertThat(LineItems.parseLine("2 x Widget A @ $10.00 = $20.00")).hasValueSatisfying(item -> {
            assertThat(item.description()).isEqualTo("Widget A");
            assertThat(item.quantity()).isEqualByComparingTo("2");
            assertThat(item.unitPrice()).isEqualByComparingTo("10");
            assertThat(item.amount()).isEqualByComparingTo("20");
        });
        assertThat(LineItems.parseLine("Phone: +44 20 7946 0958")).isEmpty();
        assertThat(LineItems.parseLine("Subtotal 2 $470.00")).isEmpty();
    }

    @Test
    void anEnumTakesOnlyItsOwnValues() throws Exception {
        String schema = """
                {"type":"object","properties":{"status":{"type":"string","enum":["PAID","OPEN"]}}}""";

        assertThat(extract(schema, "Status: paid").get("status").asText()).isEqualTo("PAID");
        assertThat(extract(schema, "Status: overdue").has("status")).isFalse();
    }

    private ObjectNode extract(String schema, String text) throws Exception {
        return extractor.extract(Json.MAPPER.readTree(schema), text);
    }
}
