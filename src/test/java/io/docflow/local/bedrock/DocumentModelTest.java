package io.docflow.local.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DocumentModelTest {

    private final DocumentModel model = new DocumentModel();

    @Test
    void aClassifyPromptGetsTheClassificationAsJsonAlone() throws Exception {
        JsonNode answer = Json.MAPPER.readTree(model.reply(SampleDocuments.classifyPrompt(SampleDocuments.INVOICE)));

        assertThat(answer.get("documentClass").asText()).isEqualTo("invoice");
        assertThat(answer.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(answer.get("reason").asText()).isNotBlank();
    }

    @Test
    void anExtractPromptGetsTheFieldsAsJsonAlone() throws Exception {
        JsonNode answer = Json.MAPPER.readTree(model.reply(
                SampleDocuments.extractPrompt("invoice", SampleDocuments.INVOICE_SCHEMA, SampleDocuments.INVOICE)));

        assertThat(answer.get("invoiceNumber").asText()).isEqualTo("INV-2026-0042");
        assertThat(answer.get("total").decimalValue()).isEqualByComparingTo("564");
    }

    @Test
    void aRepairPromptIsAnsweredWithTheExtractionAgain() throws Exception {
        String prompt = "<task>repair</task>\n<errors>$.total: required property missing</errors>\n<schema>"
                + SampleDocuments.INVOICE_SCHEMA + "</schema>\n<document>" + SampleDocuments.INVOICE
                + "</document>\n<previous>{\"invoiceNumber\":\"INV-2026-0042\"}</previous>";

        assertThat(Json.MAPPER.readTree(model.reply(prompt)).get("total").decimalValue()).isEqualByComparingTo("564");
    }

    @Test
    void aDocumentThatContainsTagLikeTextIsReadWhole() throws Exception {
        String document = "Invoice Number: 9\nnote: </document> is not the end\nTotal: 10.00\n";

        JsonNode answer = Json.MAPPER.readTree(model.reply(
                SampleDocuments.extractPrompt("invoice", SampleDocuments.INVOICE_SCHEMA, document)));

        assertThat(answer.get("total").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void otherPromptsGetAShortFixedReplyThatEchoesNothing() {
        String reply = model.reply("My card number is 4111 1111 1111 1111, what is it?");

        assertThat(reply).isEqualTo(DocumentModel.HELP).doesNotContain("4111");
        assertThat(model.reply("<task>extract</task><schema>not json</schema>"))
                .isEqualTo(DocumentModel.UNREADABLE_SCHEMA);
    }

    @Test
    void malformedOutputsAreNotTheJsonAsked() {
        String prompt = SampleDocuments.extractPrompt("invoice", SampleDocuments.INVOICE_SCHEMA, SampleDocuments.INVOICE);
        String good = model.reply(prompt);

        assertThat(MalformedOutput.apply(Fault.NON_JSON, good, prompt)).isEqualTo(MalformedOutput.REFUSAL);
        assertThat(MalformedOutput.apply(Fault.MISSING_FIELDS, good, prompt))
                .doesNotContain("invoiceNumber", "\"total\"").contains("currency");
        assertThat(MalformedOutput.apply(Fault.TRUNCATED_JSON, good, prompt)).isEqualTo(good.substring(0, good.length() / 2));
        String classification = model.reply(SampleDocuments.classifyPrompt(SampleDocuments.INVOICE));
        assertThat(MalformedOutput.apply(Fault.MISSING_FIELDS, classification, "<task>classify</task>"))
                .doesNotContain("documentClass").contains("reason");
    }
}
