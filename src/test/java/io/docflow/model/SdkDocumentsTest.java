package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;

class SdkDocumentsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonSurvivesTheRoundTripAsReadingItsTextGivesIt() throws Exception {
        JsonNode json = MAPPER.readTree("""
                {"s": "ü \\"q\\"", "i": 3, "big": 12345678901234, "d": 1100.5, "b": true, "n": null,
                 "a": [1, {"x": []}], "o": {}}""");

        JsonNode back = SdkDocuments.toJson(SdkDocuments.toDocument(json));

        assertThat(back).isEqualTo(json);
        assertThat(back.toString()).isEqualTo(json.toString());
    }

    @Test
    void numbersFromTheWireBecomeIntegersOrDoubles() {
        Document input = Document.mapBuilder().putNumber("total", "1100.00").putNumber("qty", "2")
                .putString("id", "INV-1").build();

        JsonNode json = SdkDocuments.toJson(input);

        assertThat(json.get("qty").isInt()).isTrue();
        assertThat(json.get("total").isDouble()).isTrue();
        assertThat(json.get("total").decimalValue()).isEqualByComparingTo("1100");
        assertThat(json.get("id").asText()).isEqualTo("INV-1");
    }
}
