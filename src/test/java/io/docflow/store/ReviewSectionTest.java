package io.docflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.EvidenceClaim;
import io.docflow.evidence.FieldReview;
import io.docflow.evidence.ReviewInput;
import org.junit.jupiter.api.Test;

class ReviewSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Invoice\nTotal due 11.00\n";

    private ObjectNode section() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type": "object", "properties": {"total": {"type": "number"}, "vendor": {"type": "string"}}}""");
        List<EvidenceClaim> claims = List.of(new EvidenceClaim("/total", "Total due 11.00", 1, 0.9),
                new EvidenceClaim("/vendor", "Acme Ltd", 1, 0.9));
        return ReviewSection.of(JSON, FieldReview.forClass("t.schema.json", schema)
                .review(ReviewInput.of(TEXT, List.of(0), JSON.readTree("{\"total\": 11.00, \"vendor\": \"Acme\"}"), claims)));
    }

    @Test
    void aGroundedValueCarriesItsQuotePageOffsetsAndConfidence() throws Exception {
        JsonNode total = section().at("/evidence/0");

        assertThat(total.get("field").asText()).isEqualTo("/total");
        assertThat(total.get("quote").asText()).isEqualTo("Total due 11.00");
        assertThat(total.get("page").asInt()).isEqualTo(1);
        assertThat(total.get("grounded").asBoolean()).isTrue();
        assertThat(TEXT.substring(total.get("start").asInt(), total.get("end").asInt())).isEqualTo("11.00");
        assertThat(total.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(total.get("threshold").isNumber()).isTrue();
        assertThat(total.get("because")).isNotEmpty();
    }

    @Test
    void anUngroundedValueSaysWhyAndHasNoOffsetsAndTheSectionSaysReviewIsNeeded() throws Exception {
        ObjectNode section = section();
        JsonNode vendor = section.at("/evidence/1");

        assertThat(vendor.get("field").asText()).isEqualTo("/vendor");
        assertThat(vendor.get("grounded").asBoolean()).isFalse();
        assertThat(vendor.get("reason").asText()).isNotBlank();
        assertThat(vendor.has("start")).as("no offsets without a place in the text").isFalse();
        assertThat(vendor.has("end")).isFalse();
        assertThat(section.get("needsReview").asBoolean()).isTrue();
        assertThat(section.get("reasons").toString()).contains("vendor");
        assertThat(section.get("documentConfidence").get("confidence").isNumber()).isTrue();
        assertThat(section.get("rules")).isEmpty();
        assertThat(section.get("evidenceProblems")).isEmpty();
    }
}
