package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ReviewThresholdsTest {

    private static ReviewThresholds thresholds(String review) {
        ObjectNode schema = (ObjectNode) json(TestRules.SCHEMA);
        if (review != null) {
            schema.set(ReviewThresholds.KEYWORD, json(review));
        }
        return ReviewThresholds.parse("invoice.schema.json", schema, new FieldSchemas("invoice.schema.json", schema));
    }

    @Test
    void withoutDeclarationTheDefaultsApply() {
        ReviewThresholds defaults = thresholds(null);

        assertThat(defaults.document()).isEqualTo(ReviewThresholds.DEFAULT_DOCUMENT);
        assertThat(defaults.field("/total")).isEqualTo(ReviewThresholds.DEFAULT_FIELD);
    }

    @Test
    void theMostSpecificDeclarationCoveringAValueWins() {
        ReviewThresholds declared = thresholds("""
                {'document': 0.8, 'field': 0.6, 'fields': {'total': 0.95, 'lineItems': 0.4, '/lineItems/*/amount': 0.7}}""");

        assertThat(declared.document()).isEqualTo(0.8);
        assertThat(declared.field("/total")).isEqualTo(0.95);
        assertThat(declared.field("/vendorName")).isEqualTo(0.6);
        assertThat(declared.field("/lineItems/3/description")).isEqualTo(0.4);
        assertThat(declared.field("/lineItems/3/amount")).isEqualTo(0.7);
    }

    @Test
    void malformedThresholdsAreRejectedNamingTheFile() {
        assertThatThrownBy(() -> thresholds("{'document': 1.5}"))
                .isInstanceOf(ReviewConfigurationException.class)
                .hasMessage("invoice.schema.json: x-docflow-review: 'document' must be a number from 0 to 1, got 1.5");
        assertThatThrownBy(() -> thresholds("{'fields': {'totl': 0.9}}"))
                .hasMessage("invoice.schema.json: x-docflow-review: 'fields' names totl, which the schema does not describe");
        assertThatThrownBy(() -> thresholds("{'documents': 0.9}"))
                .hasMessage("invoice.schema.json: x-docflow-review: unknown member 'documents'; known: document, field, fields");
        assertThatThrownBy(() -> thresholds("0.9")).hasMessageStartingWith("invoice.schema.json: x-docflow-review: must be an object");
    }

    @Test
    void matchAndDateOrderKeywordsAreCheckedToo() {
        JsonNode badMatch = json("{'properties': {'total': {'type': 'number', 'x-docflow-match': 'money'}}}");
        JsonNode badOrder = json("{'x-docflow-date-order': 'dmy'}");

        assertThatThrownBy(() -> FieldReview.forClass("invoice.schema.json", badMatch))
                .hasMessage("invoice.schema.json: x-docflow-match of /total must be one of text, number, date, currency, "
                        + "alphanumeric, quote; got \"money\"");
        assertThatThrownBy(() -> FieldReview.forClass("invoice.schema.json", badOrder))
                .hasMessage("invoice.schema.json: x-docflow-date-order of the schema must be day-first, month-first or either; got \"dmy\"");
    }
}
