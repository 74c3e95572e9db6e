package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.evidence.EvidenceClaim;
import org.junit.jupiter.api.Test;

class ModelAnswersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ModelAnswers answers = new ModelAnswers(new JsonReplyReader(MAPPER));

    @Test
    void aToolUseAnswerIsTheToolsFieldsWithTheirEvidence() throws Exception {
        ModelReply reply = tool("Here you are: {\"invoiceNumber\": \"NOT-THIS\"}", MAPPER.readTree("""
                {"fields": {"invoiceNumber": "INV-1", "lineItems": [{"amount": 20}]},
                 "evidence": [
                   {"field": "/invoiceNumber", "quote": "Invoice Number: INV-1", "page": 1, "confidence": 0.9},
                   {"field": "/lineItems/0/amount", "quote": "Widget 2 $10.00 $20.00"},
                   {"quote": "no field"}, "not an object"]}"""));

        ExtractedFields fields = answers.fields(reply);

        assertThat(fields.fields().toString()).isEqualTo("{\"invoiceNumber\":\"INV-1\",\"lineItems\":[{\"amount\":20}]}");
        assertThat(fields.evidence()).containsExactly(
                new EvidenceClaim("/invoiceNumber", "Invoice Number: INV-1", 1, 0.9),
                new EvidenceClaim("/lineItems/0/amount", "Widget 2 $10.00 $20.00", null, null));
        assertThat(fields.evidenceProblems()).containsExactly("evidence[2] names no field", "evidence[3] names no field");
    }

    @Test
    void aTextAnswerIsTheJsonInTheTextWithoutEvidence() {
        ModelReply reply = new ModelReply(ModelTask.EXTRACT, "m", "```json\n{\"total\": 5}\n```", "end_turn",
                1, 1, 1, 0, 1, false);

        ExtractedFields fields = answers.fields(reply);

        assertThat(fields.fields().toString()).isEqualTo("{\"total\":5}");
        assertThat(fields.evidence()).isEmpty();
    }

    @Test
    void aToolUseReplyWithoutAToolCallIsBadOutputNamingItsText() {
        ModelReply reply = tool("Sorry, I cannot help with that.", null);

        assertThatThrownBy(() -> answers.read(reply)).isInstanceOf(BadModelOutputException.class)
                .hasMessage("The model's reply holds no toolUse block (stop reason end_turn), only text: "
                        + "'Sorry, I cannot help with that.'");
        assertThatThrownBy(() -> answers.read(tool("", null))).hasMessage(
                "The model's reply holds no toolUse block (stop reason end_turn)");
    }

    @Test
    void aToolInputWithoutAFieldsObjectIsBadOutput() throws Exception {
        assertThatThrownBy(() -> answers.fields(tool("", MAPPER.readTree("{\"invoiceNumber\": \"INV-1\"}"))))
                .isInstanceOf(BadModelOutputException.class)
                .hasMessage("The model's tool input holds no fields object: '{\"invoiceNumber\":\"INV-1\"}'");
        assertThatThrownBy(() -> answers.fields(tool("", MAPPER.readTree("{\"fields\": \"{\\\"a\\\": 1}\"}"))))
                .isInstanceOf(BadModelOutputException.class);
        assertThatThrownBy(() -> answers.read(tool("", MAPPER.readTree("[1]"))))
                .hasMessageStartingWith("The model's tool input is not a JSON object");
    }

    @Test
    void aToolAnswerMissingEvidenceHasNone() throws Exception {
        assertThat(answers.fields(tool("", MAPPER.readTree("{\"fields\": {}}"))).evidence()).isEmpty();
    }

    private static ModelReply tool(String text, JsonNode input) {
        return new ModelReply(ModelTask.EXTRACT, "m", text, "end_turn", 1, 1, 1, 0, 1, false,
                ModelOutput.TOOL_USE, input);
    }
}
