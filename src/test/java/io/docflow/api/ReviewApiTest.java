package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.config.DocflowProperties;
import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.GroundTruthReader;
import io.docflow.local.ApiTokens;
import io.docflow.local.DocflowTest;
import io.docflow.local.TestDocuments;
import io.docflow.model.DocumentClass;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.pipeline.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The review over HTTP against the local AWS services through the real SDK: invoices whose totals do not add up go
 * NEEDS_REVIEW with the local Bedrock, then are claimed, taken over, approved, corrected, reclassified and rejected;
 * the reviews are announced on SNS and EventBridge, and the corrections read back as ground truth.
 */
@DocflowTest
@TestPropertySource(properties = {
        "docflow.buckets.input=review-api-input", "docflow.buckets.results=review-api-results",
        "docflow.queues.ingest=review-api-ingest", "docflow.queues.ingest-dlq=review-api-ingest-dlq",
        "docflow.queues.legacy-requests=review-api-legacy-requests",
        "docflow.queues.legacy-responses=review-api-legacy-responses",
        "docflow.jobs.table=review-api-jobs",
        // short enough for a test to see a lease run out
        "docflow.review.lease=" + ReviewApiTest.LEASE_SECONDS + "s"})
class ReviewApiTest {

    static final int LEASE_SECONDS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOTALS_DO_NOT_ADD_UP = """
            ACME Supplies Ltd
            INVOICE
            Invoice Number: %s
            Invoice Date: 2026-03-01
            Subtotal: $617.96
            Tax: $30.90
            Total: $693.86
            Amount due in USD.
            """;

    @Autowired TestRestTemplate http;
    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired SqsClient sqs;
    @Autowired SnsClient sns;
    @Autowired EventBridgeClient eventBridge;
    @Autowired DocumentClassCatalog catalog;

    @TempDir
    Path folder;

    private static String announcementsQueue;
    private static String eventsQueue;
    private static final List<JsonNode> announcements = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final List<JsonNode> events = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Reads (job, queue, corrections) as a reviewer of its own; claims and reviews send their reviewer's token. */
    @BeforeEach
    void signIn() {
        http = ApiTokens.as(http, ApiTokens.token("reviewer", "review-api-reader"));
    }

    @BeforeEach
    void subscribeToAnnouncements() {
        synchronized (announcements) {
            if (announcementsQueue != null) {
                return;
            }
            announcementsQueue = sqs.createQueue(b -> b.queueName("review-api-test-announcements")).queueUrl();
            String topicArn = sns.listTopics().topics().stream()
                    .filter(t -> t.topicArn().endsWith(":" + config.events().topic())).findFirst().orElseThrow().topicArn();
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(announcementsQueue)));
            eventsQueue = sqs.createQueue(b -> b.queueName("review-api-test-events")).queueUrl();
            eventBridge.putRule(b -> b.name("review-api-test-reviewed").eventBusName(config.events().bus())
                    .eventPattern("{\"source\":[\"docflow\"],\"detail-type\":[\"Document Reviewed\"]}"));
            eventBridge.putTargets(b -> b.rule("review-api-test-reviewed").eventBusName(config.events().bus())
                    .targets(t -> t.id("test").arn(queueArn(eventsQueue))));
        }
    }

    /** An invoice whose totals do not add up, processed by the pipeline: NEEDS_REVIEW naming invoice.total. */
    private String jobNeedingReview(String invoiceNumber) {
        TestDocuments documents = new TestDocuments(config, s3, dynamoDb);
        String jobId = documents.put("review/" + invoiceNumber + ".pdf",
                Fixtures.pdfOf(TOTALS_DO_NOT_ADD_UP.formatted(invoiceNumber)));
        Map<String, AttributeValue> job = documents.awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("NEEDS_REVIEW");
        return jobId;
    }

    @Test
    void aClaimIsALeaseAnotherReviewerCanTakeOverOnceItRunsOutThenApproveCompletesAndAnnounces() throws Exception {
        String jobId = jobNeedingReview("INV-REVIEW-APPROVE");

        ResponseEntity<JsonNode> alice = claim(jobId, "alice");
        assertThat(alice.getStatusCode().value()).isEqualTo(200);
        assertThat(alice.getBody().get("claimedBy").asText()).isEqualTo("alice");
        Instant expires = Instant.parse(alice.getBody().get("claimExpiresAt").asText());
        assertThat(expires).isAfter(Instant.now());
        assertThat(claim(jobId, "alice").getStatusCode().value()).as("the same reviewer renews").isEqualTo(200);

        JsonNode queued = queueEntry(jobId);
        assertThat(queued.get("claimedBy").asText()).isEqualTo("alice");
        assertThat(queued.get("reason").asText()).isEqualTo("FIELDS_NEED_REVIEW");
        assertThat(queued.get("reasons").toString()).contains("rule invoice.total failed");
        assertThat(queued.at("/source/key").asText()).isEqualTo("review/INV-REVIEW-APPROVE.pdf");

        JsonNode held = problem(claim(jobId, "bob"), 409, "review_claimed");
        assertThat(held.get("claimedBy").asText()).isEqualTo("alice");
        assertThat(held.get("claimExpiresAt").asText()).isNotBlank();
        problem(review(jobId, "bob", "{\"action\":\"approve\"}"), 409, "review_not_claimed");

        await().atMost(Duration.ofSeconds(LEASE_SECONDS * 3L)).pollInterval(Duration.ofMillis(250))
                .until(() -> claim(jobId, "bob").getStatusCode().value() == 200);
        problem(review(jobId, "alice", "{\"action\":\"approve\"}"), 409, "review_not_claimed");

        ResponseEntity<JsonNode> approved = review(jobId, "bob", "{\"action\":\"approve\",\"comment\":\"the total is as printed\"}");
        assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(200);
        assertThat(approved.getBody().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(approved.getBody().get("reviewedBy").asText()).isEqualTo("bob");
        assertThat(approved.getBody().get("action").asText()).isEqualTo("approve");
        assertThat(approved.getBody().get("changes")).isEmpty();
        assertThat(approved.getBody().get("announced").asBoolean()).isTrue();

        JsonNode job = http.getForObject("/api/v1/jobs/" + jobId, JsonNode.class);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("reviewedBy").asText()).isEqualTo("bob");
        assertThat(job.get("reviewAction").asText()).isEqualTo("approve");
        Map<String, AttributeValue> item = item(jobId);
        assertThat(item.get("reviewedBy").s()).isEqualTo("bob");
        assertThat(item.get("reviewAction").s()).isEqualTo("approve");
        assertThat(item).doesNotContainKeys("reviewer", "reviewClaimExpiresAt", "reason");

        JsonNode announcement = await().atMost(Duration.ofSeconds(20)).until(() -> collected(announcementsQueue,
                announcements, jobId, true, "reviewedBy"), list -> !list.isEmpty()).get(0);
        assertThat(announcement.at("/MessageAttributes/status/Value").asText()).isEqualTo("COMPLETED");
        JsonNode message = JSON.readTree(announcement.get("Message").asText());
        assertThat(message.get("reviewedBy").asText()).isEqualTo("bob");
        assertThat(message.get("action").asText()).isEqualTo("approve");
        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(() -> collected(eventsQueue, events, jobId, false,
                "reviewedBy"), list -> !list.isEmpty()).get(0);
        assertThat(event.get("detail-type").asText()).isEqualTo("Document Reviewed");
        assertThat(event.at("/detail/status").asText()).isEqualTo("COMPLETED");

        problem(claim(jobId, "carol"), 409, "not_in_review");
        assertThat(queueIds()).doesNotContain(jobId);
    }

    @Test
    void aCorrectionIsValidatedThenRulesReRunAndTheResultKeepsTheModelsAnswer() throws Exception {
        String jobId = jobNeedingReview("INV-REVIEW-CORRECT");
        assertThat(claim(jobId, "dana").getStatusCode().value()).isEqualTo(200);
        ObjectNode fields = (ObjectNode) result(jobId).get("fields").deepCopy();

        fields.put("total", "six hundred");
        fields.put("invoiceDate", "2026-03-01");
        JsonNode invalid = problem(review(jobId, "dana", body("correct", fields, null)), 422, "invalid_fields");
        assertThat(invalid.get("errors").findValuesAsText("pointer")).contains("/total");
        assertThat(item(jobId).get("status").s()).as("nothing changed").isEqualTo("NEEDS_REVIEW");

        fields.put("total", 648.86);
        ResponseEntity<JsonNode> corrected = review(jobId, "dana", body("correct", fields, "total misread"));
        assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(200);
        JsonNode answer = corrected.getBody();
        assertThat(answer.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(answer.get("changes")).hasSize(1);
        assertThat(answer.at("/changes/0/field").asText()).isEqualTo("/total");
        assertThat(answer.at("/changes/0/before").decimalValue()).isEqualByComparingTo("693.86");
        assertThat(answer.at("/changes/0/after").decimalValue()).isEqualByComparingTo("648.86");
        assertThat(rule(answer.get("rules"), "invoice.total").get("outcome").asText()).isEqualTo("PASSED");

        JsonNode result = result(jobId);
        assertThat(result.get("resultVersion").asInt()).isEqualTo(3);
        assertThat(result.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(result.has("reason")).isFalse();
        assertThat(result.at("/fields/total").decimalValue()).isEqualByComparingTo("648.86");
        assertThat(result.at("/modelAnswer/fields/total").decimalValue()).isEqualByComparingTo("693.86");
        assertThat(result.at("/modelAnswer/documentClass").asText()).isEqualTo("invoice");
        assertThat(result.at("/modelAnswer/review/reasons").toString()).contains("rule invoice.total failed");
        assertThat(result.at("/humanReview/reviewedBy").asText()).isEqualTo("dana");
        assertThat(result.at("/humanReview/comment").asText()).isEqualTo("total misread");
        assertThat(result.at("/humanReview/changes/0/field").asText()).isEqualTo("/total");
        assertThat(rule(result.at("/review/rules"), "invoice.total").get("outcome").asText()).isEqualTo("PASSED");
        // 648.86 is not printed on the invoice: the re-run review says so, and the reviewer's value stands
        assertThat(result.at("/review/reasons").toString()).doesNotContain("rule invoice.total failed");
        JsonNode previous = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(config.buckets().results())
                .key("results/" + jobId + ".v1.json")).asByteArray());
        assertThat(previous.get("resultVersion").asInt()).isEqualTo(2);
        assertThat(previous.at("/fields/total").decimalValue()).isEqualByComparingTo("693.86");
        assertThat(item(jobId).get("keyFields").m().get("total").s()).isEqualTo("648.86");

        JsonNode manifest = http.getForObject("/api/v1/review/corrections?from=" + Instant.now().minusSeconds(3600)
                + "&to=" + Instant.now().plusSeconds(60), JsonNode.class);
        assertThat(manifest.get("truthVersion").asInt()).isEqualTo(1);
        Path file = folder.resolve("corrections.json");
        Files.writeString(file, manifest.toString());
        for (JsonNode document : manifest.get("documents")) {
            Path dummy = folder.resolve(document.get("document").asText());
            Files.createDirectories(dummy.getParent());
            Files.writeString(dummy, "%PDF");
        }
        List<GroundTruth> truths = new GroundTruthReader(JSON, schemas()).readManifest(file);
        GroundTruth truth = truths.stream().filter(t -> t.document().endsWith(Path.of("review", "INV-REVIEW-CORRECT.pdf")))
                .findFirst().orElseThrow();
        assertThat(truth.documentClass()).isEqualTo("invoice");
        assertThat(truth.fields().get("total").decimalValue()).isEqualByComparingTo("648.86");
        assertThat(truth.fields().get("invoiceNumber").asText()).isEqualTo("INV-REVIEW-CORRECT");
    }

    @Test
    void aReclassifiedDocumentCompletesWithItsNewClassAndARejectedOneFails() throws Exception {
        String reclassified = jobNeedingReview("INV-REVIEW-RECLASSIFY");
        String rejected = jobNeedingReview("INV-REVIEW-REJECT");
        assertThat(claim(reclassified, "erin").getStatusCode().value()).isEqualTo(200);
        assertThat(claim(rejected, "erin").getStatusCode().value()).isEqualTo(200);

        ObjectNode receipt = JSON.createObjectNode().put("merchantName", "ACME Supplies Ltd").put("total", 693.86)
                .put("currency", "USD");
        ResponseEntity<JsonNode> answer = review(reclassified, "erin", JSON.createObjectNode().put("action", "reclassify")
                .put("documentClass", "receipt").<ObjectNode>set("fields", receipt).toString());
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(answer.getBody().get("documentClass").asText()).isEqualTo("receipt");
        assertThat(item(reclassified).get("documentClass").s()).isEqualTo("receipt");
        JsonNode result = result(reclassified);
        assertThat(result.at("/classification/documentClass").asText()).isEqualTo("receipt");
        assertThat(result.at("/modelAnswer/documentClass").asText()).isEqualTo("invoice");
        assertThat(result.at("/humanReview/action").asText()).isEqualTo("reclassify");

        ResponseEntity<JsonNode> rejection = review(rejected, "erin", "{\"action\":\"reject\",\"comment\":\"not our invoice\"}");
        assertThat(rejection.getStatusCode().value()).as(String.valueOf(rejection.getBody())).isEqualTo(200);
        assertThat(rejection.getBody().get("status").asText()).isEqualTo("FAILED");
        Map<String, AttributeValue> item = item(rejected);
        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("reason").s()).isEqualTo("REJECTED_IN_REVIEW");
        assertThat(item.get("error").s()).contains("erin", "not our invoice");
        assertThat(result(rejected).get("reason").asText()).isEqualTo("REJECTED_IN_REVIEW");
        assertThat(result(rejected).at("/modelAnswer/fields/total").decimalValue()).isEqualByComparingTo("693.86");

        JsonNode manifest = http.getForObject("/api/v1/review/corrections", JsonNode.class);
        assertThat(manifest.get("documents").findValuesAsText("document")).contains("review/INV-REVIEW-RECLASSIFY.pdf")
                .doesNotContain("review/INV-REVIEW-REJECT.pdf");
    }

    @Test
    void aReleasedClaimLetsAnotherReviewerClaimAndUnknownJobsAndBadBodiesAreProblems() {
        String jobId = jobNeedingReview("INV-REVIEW-RELEASE");
        assertThat(claim(jobId, "frank").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Void> released = http.exchange("/api/v1/jobs/" + jobId + "/review/claim", HttpMethod.DELETE,
                new HttpEntity<>(headers("frank")), Void.class);
        assertThat(released.getStatusCode().value()).isEqualTo(204);
        assertThat(claim(jobId, "gina").getStatusCode().value()).isEqualTo(200);

        problem(claim("5f0c4e9e-8a52-3c1e-9d0e-2b8f1a7c6d41", "gina"), 404, "job_not_found");
        problem(review(jobId, "gina", "{\"action\":\"shred\"}"), 400, "bad_request");
        problem(review(jobId, "gina", "{\"action\":\"correct\"}"), 400, "invalid_parameter");
        problem(review(jobId, "gina", "{\"action\":\"reclassify\",\"documentClass\":\"poem\",\"fields\":{}}"), 400,
                "invalid_parameter");
    }

    @Test
    void reviewingNeedsTheReviewerRole() {
        String jobId = java.util.UUID.randomUUID().toString();
        for (String role : List.of("viewer", "submitter")) {
            ResponseEntity<JsonNode> claimed = http.exchange("/api/v1/jobs/" + jobId + "/review/claim", HttpMethod.POST,
                    new HttpEntity<>(ApiTokens.bearer(ApiTokens.token(role, "review-api-" + role))), JsonNode.class);
            problem(claimed, 403, "forbidden");
            ResponseEntity<JsonNode> queue = http.exchange("/api/v1/review/queue", HttpMethod.GET,
                    new HttpEntity<>(ApiTokens.bearer(ApiTokens.token(role, "review-api-" + role))), JsonNode.class);
            problem(queue, 403, "forbidden");
        }
    }

    private ResponseEntity<JsonNode> claim(String jobId, String reviewer) {
        return http.exchange("/api/v1/jobs/" + jobId + "/review/claim", HttpMethod.POST, new HttpEntity<>(headers(reviewer)),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> review(String jobId, String reviewer, String body) {
        HttpHeaders headers = headers(reviewer);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/v1/jobs/" + jobId + "/review", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private static String body(String action, JsonNode fields, String comment) {
        ObjectNode body = JSON.createObjectNode().put("action", action);
        body.set("fields", fields);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body.toString();
    }

    /** A reviewer's token whose subject is {@code reviewer}: the name the review records. */
    private static HttpHeaders headers(String reviewer) {
        return ApiTokens.bearer(ApiTokens.token("reviewer", reviewer));
    }

    private static JsonNode problem(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        return response.getBody();
    }

    private JsonNode queueEntry(String jobId) {
        for (JsonNode job : queuePage()) {
            if (job.get("jobId").asText().equals(jobId)) {
                return job;
            }
        }
        throw new AssertionError("job " + jobId + " is not in the review queue");
    }

    private List<String> queueIds() {
        List<String> ids = new ArrayList<>();
        queuePage().forEach(job -> ids.add(job.get("jobId").asText()));
        return ids;
    }

    private JsonNode queuePage() {
        return http.getForObject("/api/v1/review/queue?limit=100", JsonNode.class).get("jobs");
    }

    private Map<String, AttributeValue> item(String jobId) {
        return new TestDocuments(config, s3, dynamoDb).item(jobId);
    }

    private JsonNode result(String jobId) {
        return new TestDocuments(config, s3, dynamoDb).result(jobId);
    }

    private static JsonNode rule(JsonNode rules, String id) {
        for (JsonNode rule : rules) {
            if (rule.get("ruleId").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " in " + rules);
    }

    private Map<String, JsonNode> schemas() {
        Map<String, JsonNode> schemas = new java.util.HashMap<>();
        for (DocumentClass documentClass : catalog.all()) {
            schemas.put(documentClass.name(), documentClass.schema());
        }
        return schemas;
    }

    /** Moves every waiting message into {@code seen}; answers those about {@code jobId} that carry {@code member}. */
    private List<JsonNode> collected(String queue, List<JsonNode> seen, String jobId, boolean snsEnvelope, String member)
            throws IOException {
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
            seen.add(JSON.readTree(m.body()));
            sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
        List<JsonNode> about = new ArrayList<>();
        synchronized (seen) {
            for (JsonNode body : seen) {
                JsonNode payload = snsEnvelope ? JSON.readTree(body.get("Message").asText()) : body.get("detail");
                if (jobId.equals(payload.path("jobId").asText()) && payload.has(member)) {
                    about.add(body);
                }
            }
        }
        return about;
    }

    private String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
