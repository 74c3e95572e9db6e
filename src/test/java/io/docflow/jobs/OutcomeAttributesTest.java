package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.FieldReview;
import io.docflow.evidence.ReviewInput;
import io.docflow.evidence.ReviewedFields;
import io.docflow.ingest.SourceObject;
import io.docflow.model.Classification;
import io.docflow.model.ModelOutput;
import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OutcomeAttributesTest {

    private final OutcomeAttributes outcomes = new OutcomeAttributes(documentClass -> List.of("invoiceNumber", "lineItems"));
    private final SourceObject source = new SourceObject("in", "a.pdf", 10, "e", null, null, "test");

    @Test
    void aCompletedJobRecordsItsClassModelTokensCostTimingsAndKeyFields() {
        DocumentJob job = new DocumentJob("j-1", source);
        job.classification(new Classification("invoice", 0.93, "", "invoice"));
        job.costs().modelCalled(new ModelReply(ModelTask.CLASSIFY, "model-a", "{}", "end_turn", 100, 10, 5, 0, 1, false));
        job.costs().modelCalled(new ModelReply(ModelTask.EXTRACT, "model-b", "{}", "end_turn", 200, 20, 5, 0, 1, true));
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("invoiceNumber", "INV-1").put("total", 12.5);
        fields.putArray("lineItems").addObject().put("description", "paper");
        job.extraction(FieldExtraction.merged(fields, List.of()));
        job.costs().stageTook("classify", 40);
        job.outcome(JobOutcome.completed());

        Map<String, AttributeValue> attributes = outcomes.of(job, "s3://r/results/j-1.json", new BigDecimal("0.0042"),
                "2026-12-03T08:00:00Z");

        assertThat(attributes.get("status").s()).isEqualTo("COMPLETED");
        assertThat(attributes.get("finishedAt").s()).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(attributes.get("documentClass").s()).isEqualTo("invoice");
        assertThat(attributes.get("confidence").n()).isEqualTo("0.93");
        assertThat(attributes.get("model").s()).as("the model of the last call").isEqualTo("model-b");
        assertThat(attributes.get("inputTokens").n()).isEqualTo("300");
        assertThat(attributes.get("outputTokens").n()).isEqualTo("30");
        assertThat(attributes.get("costUsd").n()).isEqualTo("0.0042");
        assertThat(attributes.get("stageMillis").m()).containsEntry("classify", AttributeValue.fromN("40"));
        assertThat(attributes.get("keyFields").m()).as("only the class's key fields that are single values")
                .containsOnlyKeys("invoiceNumber").containsEntry("invoiceNumber", AttributeValue.fromS("INV-1"));
        assertThat(attributes).doesNotContainKeys("reason", "error", "ocrEngine");
        assertThat(attributes.get("output").m()).containsOnly(Map.entry("CLASSIFY", AttributeValue.fromS("text")),
                Map.entry("EXTRACT", AttributeValue.fromS("text")));
    }

    @Test
    void keyFieldsShowTheReviewedFieldsWithCardNumbersMasked() throws Exception {
        OutcomeAttributes cards = new OutcomeAttributes(documentClass -> List.of("merchantName", "cardNumber"));
        DocumentJob job = new DocumentJob("j-4", source);
        job.classification(new Classification("receipt", 0.9, "", "receipt"));
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("merchantName", "Corner Store")
                .put("cardNumber", "4111111111111111");
        JsonNode schema = new ObjectMapper().readTree(getClass().getResource("/document-classes/receipt.schema.json"));
        ReviewedFields review = FieldReview.forClass("receipt.schema.json", schema)
                .review(ReviewInput.of("Corner Store\nCard 4111 1111 1111 1111", List.of(0), fields, List.of()));
        job.extraction(FieldExtraction.merged(fields, List.of()).reviewed(review));
        job.outcome(JobOutcome.completed());

        Map<String, AttributeValue> attributes = cards.of(job, "s3://r/results/j-4.json", null, "2026-12-03T08:00:00Z");

        assertThat(attributes.get("keyFields").m().get("cardNumber").s()).endsWith("1111").doesNotContain("411111");
        assertThat(attributes.get("keyFields").m().get("merchantName").s()).isEqualTo("Corner Store");
    }

    @Test
    void eachModelTaskRecordsWhetherItWasAskedWithToolUseOrAsText() {
        DocumentJob job = new DocumentJob("j-3", source);
        job.costs().modelCalled(call(ModelTask.CLASSIFY, ModelOutput.TOOL_USE));
        job.costs().modelCalled(call(ModelTask.EXTRACT, ModelOutput.TOOL_USE));
        job.costs().modelCalled(call(ModelTask.EXTRACT, ModelOutput.TOOL_USE));
        job.costs().modelCalled(call(ModelTask.REPAIR, ModelOutput.TOOL_USE));
        job.costs().modelCalled(call(ModelTask.REPAIR, ModelOutput.TEXT));
        job.outcome(JobOutcome.completed());

        Map<String, AttributeValue> attributes = outcomes.of(job, "s3://r/results/j-3.json", null, "2026-12-03T08:00:00Z");

        assertThat(attributes.get("output").m()).containsOnly(
                Map.entry("CLASSIFY", AttributeValue.fromS("tool_use")),
                Map.entry("EXTRACT", AttributeValue.fromS("tool_use")),
                Map.entry("REPAIR", AttributeValue.fromS("mixed")));
    }

    private static ModelReply call(ModelTask task, ModelOutput output) {
        return new ModelReply(task, "m", "", "tool_use", 1, 1, 1, -1, 1, false, output, null);
    }

    @Test
    void aFailedJobRecordsItsReasonAndNoClassOrCost() {
        DocumentJob job = new DocumentJob("j-2", source);
        job.outcome(JobOutcome.failed("NO_TEXT", "nothing to read"));

        Map<String, AttributeValue> attributes = outcomes.of(job, "s3://r/results/j-2.json", null, "2026-12-03T08:00:00Z");

        assertThat(attributes.get("status").s()).isEqualTo("FAILED");
        assertThat(attributes.get("reason").s()).isEqualTo("NO_TEXT");
        assertThat(attributes.get("error").s()).isEqualTo("nothing to read");
        assertThat(attributes).doesNotContainKeys("documentClass", "confidence", "costUsd", "model", "keyFields");
        assertThat(attributes.get("stageMillis").m()).isEmpty();
    }
}
