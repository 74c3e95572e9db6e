package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link SchemaValidator} reports for docflow's real class schemas (draft 2020-12 with its own
 * x-docflow annotations): the messages go into the repair prompt and the job record, so their wording is behaviour.
 */
class SchemaValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SchemaValidator validator = new SchemaValidator();
    private final DocumentClass invoice = documentClass("invoice");

    @Test
    void aValidDocumentHasNoErrors() {
        assertThat(validator.errors(invoice, json("""
                {"vendorName": "ACME", "invoiceNumber": "INV-1", "invoiceDate": "2024-12-31", "currency": "EUR",
                 "total": 119.0, "lineItems": [{"description": "Widgets", "quantity": 2, "amount": 100}]}"""))).isEmpty();
    }

    @Test
    void everyDocumentClassSchemaLoadsAndAcceptsAnEmptyDocumentUnlessItRequiresFields() {
        for (String name : List.of("bank-statement", "contract", "form", "invoice", "letter", "other", "receipt",
                "report", "resume")) {
            assertThat(validator.errors(documentClass(name), json("{}")))
                    .as(name).allSatisfy(error -> assertThat(error).contains("required property"));
        }
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(validator.errors(invoice, json("{\"vendorName\": \"ACME\"}"))).containsExactly(
                "$: required property 'invoiceNumber' not found",
                "$: required property 'total' not found");
    }

    @Test
    void aWrongTypeNamesTheFieldAndBothTypes() {
        assertThat(validator.errors(invoice, json("{\"invoiceNumber\": 17, \"total\": \"119.00\"}"))).containsExactly(
                "$.invoiceNumber: integer found, string expected",
                "$.total: string found, number expected");
    }

    /** Draft 2020-12 makes "format" an annotation, not an assertion: dates are not checked by the validator. */
    @Test
    void formatIsAnAnnotationOnlySoADateInAnotherFormatPasses() {
        assertThat(validator.errors(invoice, json("""
                {"invoiceNumber": "INV-1", "total": 1, "invoiceDate": "31/12/2024", "dueDate": "2025-01-31"}""")))
                .isEmpty();
    }

    @Test
    void aPatternMismatchShowsThePattern() {
        assertThat(validator.errors(invoice, json("{\"invoiceNumber\": \"INV-1\", \"total\": 1, \"currency\": \"eur\"}")))
                .containsExactly("$.currency: does not match the regex pattern ^[A-Z]{3}$");
    }

    @Test
    void anUnknownFieldIsRejected() {
        assertThat(validator.errors(invoice, json("{\"invoiceNumber\": \"INV-1\", \"total\": 1, \"iban\": \"DE00\"}")))
                .containsExactly("$: property 'iban' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void nestedErrorsCarryTheirPathAndAllErrorsComeSortedByLocationThenMessage() {
        assertThat(validator.errors(invoice, json("""
                {"total": "x", "lineItems": [{"quantity": 1}, {"description": "ok"}, {"description": 5}],
                 "currency": "eur"}"""))).containsExactly(
                "$: required property 'invoiceNumber' not found",
                "$.currency: does not match the regex pattern ^[A-Z]{3}$",
                "$.lineItems[0]: required property 'description' not found",
                "$.lineItems[2].description: integer found, string expected",
                "$.total: string found, number expected");
    }

    @Test
    void aNonObjectDocumentIsReported() {
        assertThat(validator.errors(invoice, json("[]"))).containsExactly("$: array found, object expected");
    }

    private static DocumentClass documentClass(String name) {
        try (InputStream in = SchemaValidatorTest.class.getResourceAsStream("/document-classes/" + name + ".schema.json")) {
            JsonNode schema = MAPPER.readTree(in);
            return new DocumentClass(name, schema.path("description").asText(), schema.path("x-docflow-version").asText(),
                    schema, List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
