package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.local.DocflowTest;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.TestDocuments;
import io.docflow.local.bedrock.LocalBedrock;
import io.docflow.local.bedrock.ToolSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Documents through the real routes with a model that refuses tool use for classification and extraction: the first
 * call pays Bedrock's refusal and is sent again as text at once; from then on the model gets text calls only.
 */
@DocflowTest
@TestPropertySource(properties = {
        // a bucket and queue of its own: other docflow contexts cached in this JVM must not take its documents
        "docflow.buckets.input=refused-input", "docflow.queues.ingest=refused-ingest",
        "docflow.queues.legacy-requests=refused-legacy-requests",
        "docflow.queues.legacy-responses=refused-legacy-responses", "docflow.queues.ingest-dlq=refused-ingest-dlq",
        "docflow.models.classification=" + ToolUseRefusedPipelineTest.NO_TOOLS_MODEL,
        "docflow.models.extraction=" + ToolUseRefusedPipelineTest.NO_TOOLS_MODEL})
class ToolUseRefusedPipelineTest {

    static final String NO_TOOLS_MODEL = "meta.llama3-70b-instruct-v1:0";

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;

    @Test
    void aModelThatRefusesToolUseClassifiesAndExtractsThroughTheTextPromptsAndIsAskedWithToolsOnlyOnce() {
        LocalBedrock bedrock = LocalAwsInitializer.sharedServices().bedrock();
        bedrock.setToolSupport(NO_TOOLS_MODEL, ToolSupport.NONE);
        long refusedBefore = bedrock.counters(NO_TOOLS_MODEL).failed();
        TestDocuments documents = new TestDocuments(config, s3, dynamoDb);

        String first = documents.put("refused/first.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-TEXT-1", "1,100.00")));
        Map<String, AttributeValue> job = documents.awaitFinal(first);
        // documents one after the other: parallel first calls would each pay the refusal
        String second = documents.put("refused/second.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-TEXT-2", "20.00")));
        Map<String, AttributeValue> secondJob = documents.awaitFinal(second);

        assertThat(job.get("status").s()).isEqualTo("COMPLETED");
        assertThat(job.get("output").m()).containsOnly(Map.entry("CLASSIFY", AttributeValue.fromS("text")),
                Map.entry("EXTRACT", AttributeValue.fromS("text")));
        JsonNode result = documents.result(first);
        assertThat(result.at("/classification/documentClass").asText()).isEqualTo("invoice");
        assertThat(result.at("/fields/invoiceNumber").asText()).isEqualTo("INV-TEXT-1");
        assertThat(result.at("/fields/total").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(result.at("/promptVersion").asText()).isEqualTo("v1");
        JsonNode calls = result.at("/models/calls");
        assertThat(calls.findValuesAsText("task")).containsExactly("CLASSIFY", "EXTRACT");
        assertThat(calls.findValuesAsText("output")).containsExactly("text", "text");
        assertThat(calls.findValuesAsText("modelId")).containsOnly(NO_TOOLS_MODEL);
        assertThat(calls.get(0).get("attempts").asInt()).as("the refused tool-use call and its text form").isEqualTo(2);
        assertThat(calls.get(0).get("fallback").asBoolean()).isFalse();
        assertThat(result.at("/models/output").toString()).isEqualTo("{\"CLASSIFY\":\"text\",\"EXTRACT\":\"text\"}");

        assertThat(secondJob.get("status").s()).isEqualTo("COMPLETED");
        JsonNode secondCalls = documents.result(second).at("/models/calls");
        assertThat(secondCalls.findValuesAsText("output")).containsExactly("text", "text");
        assertThat(secondCalls.findValues("attempts")).extracting(JsonNode::asInt).containsOnly(1);
        assertThat(bedrock.counters(NO_TOOLS_MODEL).failed() - refusedBefore).as("one refusal in all").isEqualTo(1);
    }
}
