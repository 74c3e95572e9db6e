package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.local.ApiTokens;
import io.docflow.local.DocflowTest;
import io.docflow.local.TestDocuments;
import io.docflow.pipeline.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Re-processing over HTTP against the local AWS services: a finished job runs again through the pipeline's usual
 * path, its result before the run is kept as a version, and a job that cannot run again says why.
 */
@DocflowTest
class ReprocessApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;

    private ResponseEntity<JsonNode> reprocess(String jobId) {
        return ApiTokens.as(http, ApiTokens.token("admin", "reprocess-test"))
                .postForEntity("/api/v1/jobs/" + jobId + "/reprocess", null, JsonNode.class);
    }

    @Test
    void onlyAnAdminReprocesses() {
        ResponseEntity<JsonNode> reviewer = ApiTokens.as(http, ApiTokens.token("reviewer"))
                .postForEntity("/api/v1/jobs/00000000-0000-3000-8000-000000000000/reprocess", null, JsonNode.class);

        assertThat(reviewer.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aFinishedJobRunsAgainAndItsEarlierResultIsKept() throws Exception {
        TestDocuments documents = new TestDocuments(config, s3, dynamoDb);
        String jobId = documents.put("reprocess/INV-RERUN-1.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-RERUN-1", "1,100.00")));
        Map<String, AttributeValue> first = documents.awaitFinal(jobId);
        assertThat(first.get("status").s()).isEqualTo("COMPLETED");
        String firstFinished = documents.result(jobId).path("finishedAt").asText();

        ResponseEntity<JsonNode> started = reprocess(jobId);

        assertThat(started.getStatusCode().value()).isEqualTo(202);
        String kept = started.getBody().path("previousResult").asText();
        assertThat(kept).isEqualTo("s3://" + config.buckets().results() + "/results/" + jobId + ".v1.json");
        JsonNode keptResult = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(config.buckets().results())
                .key("results/" + jobId + ".v1.json")).asByteArray());
        assertThat(keptResult.path("finishedAt").asText()).isEqualTo(firstFinished);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, AttributeValue> job = documents.item(jobId);
            return "COMPLETED".equals(job.get("status").s()) && job.containsKey("runs")
                    && !documents.result(jobId).path("finishedAt").asText().equals(firstFinished);
        });
        Map<String, AttributeValue> again = documents.item(jobId);
        assertThat(again.get("runs").n()).isEqualTo("1");
        assertThat(documents.result(jobId).path("fields").path("invoiceNumber").asText()).isEqualTo("INV-RERUN-1");

        // a second re-process keeps the second result as v2
        assertThat(reprocess(jobId).getBody().path("previousResult").asText()).endsWith("/results/" + jobId + ".v2.json");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(documents.item(jobId).get("status").s())
                        && "2".equals(documents.item(jobId).get("runs").n()));
    }

    @Test
    void aJobThatCannotRunAgainSaysWhy() {
        ResponseEntity<JsonNode> unknown = reprocess("00000000-0000-3000-8000-000000000000");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        TestDocuments documents = new TestDocuments(config, s3, dynamoDb);
        String jobId = documents.put("reprocess/INV-RERUN-GONE.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-RERUN-GONE", "1,100.00")));
        documents.awaitFinal(jobId);
        s3.deleteObject(b -> b.bucket(config.buckets().input()).key("reprocess/INV-RERUN-GONE.pdf"));

        ResponseEntity<JsonNode> gone = reprocess(jobId);

        assertThat(gone.getStatusCode().value()).isEqualTo(409);
        assertThat(gone.getBody().path("code").asText()).isEqualTo("not_reprocessable");
        assertThat(gone.getBody().path("detail").asText()).contains("is gone");
        assertThat(documents.item(jobId).get("status").s()).isEqualTo("COMPLETED");
    }
}
