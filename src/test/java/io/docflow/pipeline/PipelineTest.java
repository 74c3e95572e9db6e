package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.local.ApiTokens;
import io.docflow.local.DocflowTest;
import io.docflow.local.TestDocuments;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.bedrock.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole pipeline through the local services with the real SDK: documents put into S3 (or uploaded over HTTP)
 * end COMPLETED, NEEDS_REVIEW or FAILED, stored in S3 and DynamoDB and announced on SNS and EventBridge.
 */
@DocflowTest
@TestPropertySource(properties = {
        // a bucket and queue of its own: other docflow contexts cached in this JVM must not take its documents
        "docflow.buckets.input=pipeline-input", "docflow.queues.ingest=pipeline-ingest", "docflow.queues.legacy-requests=pipeline-legacy-requests",
        "docflow.queues.legacy-responses=pipeline-legacy-responses", "docflow.queues.ingest-dlq=pipeline-ingest-dlq",
        // a model of its own for extraction, so faults can be injected into extraction alone
        "docflow.models.extraction=" + PipelineTest.EXTRACTION_MODEL,
        "docflow.extract.chunk-max-tokens=1500",
        "docflow.extract.chunk-overlap-tokens=100"})
class PipelineTest {

    static final String CLASSIFICATION_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String EXTRACTION_MODEL = "anthropic.claude-3-sonnet-20240229-v1:0";
    static final String FALLBACK_MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired SqsClient sqs;
    @Autowired SnsClient sns;
    @Autowired EventBridgeClient eventBridge;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    private TestDocuments documents;

    @BeforeEach
    void documents() {
        documents = new TestDocuments(config, s3, dynamoDb);
    }

    private String put(String key, byte[] content) {
        return documents.put(key, content);
    }

    private String put(String bucket, String key, byte[] content) {
        return documents.put(bucket, key, content);
    }

    private Map<String, AttributeValue> awaitFinal(String jobId) {
        return documents.awaitFinal(jobId);
    }

    private JsonNode result(String jobId) {
        return documents.result(jobId);
    }
    @Autowired TestRestTemplate http;

    private static boolean subscribed;
    private static String announcementsQueue;
    private static String eventsQueue;
    private static final List<JsonNode> announcements = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final List<JsonNode> events = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Once per class: a queue subscribed to the topic, and one targeted by a rule for docflow's events. */
    @BeforeEach
    void subscribeToAnnouncements() {
        if (subscribed) {
            return;
        }
        announcementsQueue = sqs.createQueue(b -> b.queueName("pipeline-test-announcements")).queueUrl();
        String topicArn = sns.listTopics().topics().stream().filter(t -> t.topicArn().endsWith(":" + config.events().topic()))
                .findFirst().orElseThrow().topicArn();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(announcementsQueue)));

        eventsQueue = sqs.createQueue(b -> b.queueName("pipeline-test-events")).queueUrl();
        eventBridge.putRule(b -> b.name("pipeline-test-outcomes").eventBusName(config.events().bus())
                .eventPattern("{\"source\":[\"docflow\"]}"));
        eventBridge.putTargets(b -> b.rule("pipeline-test-outcomes").eventBusName(config.events().bus())
                .targets(t -> t.id("test").arn(queueArn(eventsQueue))));
        subscribed = true;
    }

    @Test
    void aTextPdfInvoiceIsClassifiedExtractedStoredAndAnnounced() throws Exception {
        String jobId = put("invoices/acme-1001.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-1001", "1,100.00")));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("COMPLETED");
        assertThat(job.get("documentClass").s()).isEqualTo("invoice");
        assertThat(job.get("keyFields").m().get("invoiceNumber").s()).isEqualTo("INV-1001");
        assertThat(job.get("resultLocation").s()).isEqualTo("s3://" + config.buckets().results() + "/results/" + jobId + ".json");
        assertThat(job.get("stageMillis").m()).containsKeys("mark-processing", "extract-text", "classify", "extract-fields");

        JsonNode result = result(jobId);
        assertThat(result.at("/classification/documentClass").asText()).isEqualTo("invoice");
        assertThat(result.at("/fields/invoiceNumber").asText()).isEqualTo("INV-1001");
        assertThat(result.at("/fields/total").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(result.at("/document/contentType").asText()).isEqualTo("application/pdf");
        assertThat(result.at("/validation/valid").asBoolean()).isTrue();
        assertThat(result.at("/promptVersion").asText()).isEqualTo("v2");
        assertThat(result.at("/schemaVersion").asText()).isEqualTo("2");
        assertThat(result.at("/models/calls")).hasSize(2);
        assertThat(result.at("/models/modelsUsed").toString()).contains(EXTRACTION_MODEL);
        assertThat(result.at("/usage/inputTokens").asInt()).isPositive();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(config.buckets().results()).key("text/" + jobId + ".txt")).asUtf8String())
                .contains("Invoice Number: INV-1001");

        JsonNode announcement = awaitAnnouncement(jobId);
        assertThat(announcement.at("/MessageAttributes/status/Value").asText()).isEqualTo("COMPLETED");
        assertThat(announcement.at("/MessageAttributes/documentClass/Value").asText()).isEqualTo("invoice");
        JsonNode message = JSON.readTree(announcement.get("Message").asText());
        assertThat(message.get("resultLocation").asText()).endsWith("/results/" + jobId + ".json");

        JsonNode event = awaitEvent(jobId);
        assertThat(event.get("source").asText()).isEqualTo("docflow");
        assertThat(event.get("detail-type").asText()).isEqualTo("Document Processed");
        assertThat(event.at("/detail/status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aDocumentIsClassifiedAndExtractedThroughToolUse() {
        String jobId = put("tool-use/invoice.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-TOOL-1", "1,100.00")));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("COMPLETED");
        assertThat(job.get("output").m()).containsOnly(Map.entry("CLASSIFY", AttributeValue.fromS("tool_use")),
                Map.entry("EXTRACT", AttributeValue.fromS("tool_use")));
        JsonNode result = result(jobId);
        assertThat(result.at("/classification/documentClass").asText()).isEqualTo("invoice");
        assertThat(result.at("/fields/invoiceNumber").asText()).isEqualTo("INV-TOOL-1");
        assertThat(result.at("/fields/total").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(result.at("/validation/valid").asBoolean()).isTrue();
        assertThat(result.at("/promptVersion").asText()).isEqualTo("v2");
        JsonNode calls = result.at("/models/calls");
        assertThat(calls.findValuesAsText("task")).containsExactly("CLASSIFY", "EXTRACT");
        assertThat(calls.findValuesAsText("output")).containsExactly("tool_use", "tool_use");
        assertThat(calls.findValuesAsText("stopReason")).containsExactly("tool_use", "tool_use");
        assertThat(result.at("/models/output").toString()).isEqualTo("{\"CLASSIFY\":\"tool_use\",\"EXTRACT\":\"tool_use\"}");
        assertThat(result.at("/review/evidence").findValuesAsText("quote")).contains("Invoice Number: INV-TOOL-1");
        assertThat(get("/api/v1/jobs/" + jobId).getBody().at("/output/EXTRACT").asText()).isEqualTo("tool_use");
    }

    @Test
    void toolInputThatFailsTheSchemaIsRepairedThroughTheTool() {
        var bedrock = LocalAwsInitializer.sharedServices().bedrock();
        bedrock.faults().inject(EXTRACTION_MODEL, Fault.MISSING_FIELDS, 1);
        try {
            String jobId = put("tool-use/repaired.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-TOOL-2", "12.00")));

            assertThat(awaitFinal(jobId).get("status").s()).isEqualTo("COMPLETED");
            JsonNode result = result(jobId);
            assertThat(result.at("/validation/repaired").asBoolean()).isTrue();
            assertThat(result.at("/fields/invoiceNumber").asText()).isEqualTo("INV-TOOL-2");
            assertThat(result.at("/models/calls").findValuesAsText("task")).containsExactly("CLASSIFY", "EXTRACT", "REPAIR");
            assertThat(result.at("/models/calls").findValuesAsText("output")).containsOnly("tool_use");
        } finally {
            bedrock.faults().clear();
        }
    }

    @Test
    void aDocxArrivingThroughTheEventBridgePathIsProcessed() {
        String bucket = "pipeline-test-eventbridge-only";
        s3.createBucket(b -> b.bucket(bucket));
        String ingestArn = queueArn(sqs.getQueueUrl(b -> b.queueName(config.queues().ingest())).queueUrl());
        eventBridge.putRule(b -> b.name("pipeline-test-eb-only").eventPattern(
                "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],\"detail\":{\"bucket\":{\"name\":[\"" + bucket + "\"]}}}"));
        eventBridge.putTargets(b -> b.rule("pipeline-test-eb-only").targets(t -> t.id("ingest").arn(ingestArn)));

        String jobId = put(bucket, "letters/welcome.docx", Fixtures.docx("Dear Ms Smith,",
                "Thank you for joining us. We look forward to working together.", "Yours sincerely,", "John Doe"));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).as("%s", job).isEqualTo("COMPLETED");
        assertThat(job.get("receivedVia").s()).isEqualTo("eventbridge");
        assertThat(job.get("documentClass").s()).isEqualTo("letter");
        assertThat(result(jobId).at("/document/contentType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void anHttpUploadAnswers202AndItsJobCompletes() {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(Fixtures.pdfOf(Fixtures.invoiceText("INV-HTTP-7", "220.00"))) {
            @Override
            public String getFilename() {
                return "uploaded invoice.pdf";
            }
        });
        HttpHeaders headers = ApiTokens.headers("submitter");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var accepted = http.postForEntity("/api/v1/documents", new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String jobId = accepted.getBody().get("jobId").asText();
        assertThat(accepted.getBody().get("statusUrl").asText()).isEqualTo("/api/v1/jobs/" + jobId);

        JsonNode status = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/jobs/" + jobId).getBody(),
                s -> "COMPLETED".equals(s.path("status").asText()));
        assertThat(status.get("documentClass").asText()).isEqualTo("invoice");
        assertThat(status.get("receivedVia").asText()).isEqualTo("http");
        assertThat(status.get("stageMillis").has("classify")).isTrue();

        var result = get("/api/v1/jobs/" + jobId + "/result");
        assertThat(result.getStatusCode().value()).isEqualTo(200);
        assertThat(result.getBody().at("/fields/invoiceNumber").asText()).isEqualTo("INV-HTTP-7");
        assertThat(result.getBody().at("/source/key").asText()).endsWith("/uploaded invoice.pdf");
    }

    @Test
    void aFinishedJobIsCountedInTheDocumentMetric() {
        var counter = meters.counter(io.docflow.observability.PipelineMetrics.DOCUMENTS, "status", "COMPLETED",
                "documentClass", "invoice");
        double before = counter.count();

        String jobId = put("metrics/counted.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-COUNT-1", "5.00")));

        assertThat(awaitFinal(jobId).get("status").s()).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(10)).until(() -> counter.count() >= before + 1);
    }

    @Test
    void manyUploadsInARowEachSayTheyCameOverHttp() {
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            jobIds.add(upload("row-" + i + ".pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-ROW-" + i, "10.00"))));
        }

        for (String jobId : jobIds) {
            Map<String, AttributeValue> job = awaitFinal(jobId);
            assertThat(job.get("receivedVia").s()).as("receivedVia of job %s", jobId).isEqualTo("http");
            assertThat(result(jobId).at("/source/receivedVia").asText()).as("result of job %s", jobId).isEqualTo("http");
        }
    }

    @Test
    void anUploadWhoseS3EventRegistersTheJobFirstStillSaysItCameOverHttp() {
        // The race an upload loses: its object is announced and registered before the upload registers the job.
        // Put straight into S3 where the upload puts its files, no HTTP registration follows at all.
        String jobId = put("uploads/2026-12-03/" + java.util.UUID.randomUUID() + "/event-first.pdf",
                Fixtures.pdfOf(Fixtures.invoiceText("INV-EVENT-FIRST", "12.00")));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("receivedVia").s()).isEqualTo("http");
        assertThat(result(jobId).at("/source/receivedVia").asText()).isEqualTo("http");
    }

    private String upload(String fileName, byte[] content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        // a caller per upload: uploads are rate-limited per caller, which is not what these tests are about
        HttpHeaders headers = ApiTokens.bearer(ApiTokens.token("submitter", "pipeline-" + java.util.UUID.randomUUID()));
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var accepted = http.postForEntity("/api/v1/documents", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(accepted.getStatusCode().value()).as("upload of %s", fileName).isEqualTo(202);
        return accepted.getBody().get("jobId").asText();
    }

    @Test
    void unknownJobsAnswer404WithAProblem() {
        var missing = get("/api/v1/jobs/" + java.util.UUID.randomUUID());
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing.getBody().get("code").asText()).isEqualTo("job_not_found");
        assertThat(get("/api/v1/jobs/not-a-uuid/result").getStatusCode().value()).isEqualTo(404);
    }

    /** A GET of the API as a viewer. */
    private org.springframework.http.ResponseEntity<JsonNode> get(String path) {
        return http.exchange(path, org.springframework.http.HttpMethod.GET, new HttpEntity<>(ApiTokens.headers("viewer")),
                JsonNode.class);
    }

    @Test
    void aSixtyPageDocumentIsChunkedAndMergedWithoutDroppingAChunk() {
        String jobId = put("long/sixty-pages.pdf", Fixtures.longInvoicePdf(60));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("COMPLETED");
        JsonNode result = result(jobId);
        assertThat(result.at("/document/pages").asInt()).isEqualTo(60);
        int chunks = result.at("/chunks/used").asInt();
        assertThat(chunks).isGreaterThan(10);
        assertThat(result.at("/chunks/skipped")).isEmpty();
        long extractionCalls = 0;
        for (JsonNode call : result.at("/models/calls")) {
            if (call.get("task").asText().equals("EXTRACT")) {
                extractionCalls++;
            }
        }
        assertThat(extractionCalls).isEqualTo(chunks);
        // the number is on page 1, the total on page 60: the merge took each from its own chunk
        assertThat(result.at("/fields/invoiceNumber").asText()).isEqualTo("INV-LONG-60");
        assertThat(result.at("/fields/total").decimalValue()).isEqualByComparingTo("98765.43");
    }

    @Test
    void aKeyWithSpacesAndUnicodeIsProcessed() {
        String key = "Eingang/Rechnung März 2026 #7 (Kopie).pdf";
        String jobId = put(key, Fixtures.pdfOf(Fixtures.invoiceText("INV-UML-7", "330.00")));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("COMPLETED");
        assertThat(job.get("key").s()).isEqualTo(key);
    }

    @Test
    void theSameObjectAnnouncedThreeWaysIsOneJobOneResultOneAnnouncement() throws Exception {
        String key = "dedupe/announced-thrice.pdf";
        byte[] pdf = Fixtures.pdfOf(Fixtures.invoiceText("INV-ONCE-1", "10.00"));
        String eTag = s3.putObject(b -> b.bucket(config.buckets().input()).key(key), RequestBody.fromBytes(pdf)).eTag();
        String jobId = (new SourceObject(config.buckets().input(), key, pdf.length, eTag, null, null, "test")).jobId();
        // Local S3 has announced it twice already (S3 notification and EventBridge rule); a third, hand-sent copy:
        String ingestUrl = sqs.getQueueUrl(b -> b.queueName(config.queues().ingest())).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(ingestUrl).messageBody("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"dedupe/announced-thrice.pdf","size":%d,"eTag":%s}}}]}
                """.formatted(config.buckets().input(), pdf.length, eTag)));

        awaitFinal(jobId);
        await().atMost(Duration.ofSeconds(15)).until(() -> queueDepth(ingestUrl) == 0);
        var jobs = dynamoDb.query(b -> b.tableName(config.jobs().table()).indexName("sourceKey-index")
                .keyConditionExpression("sourceKey = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(
                        "s3://" + config.buckets().input() + "/" + key + "#" + eTag.replace("\"", "")))));
        assertThat(jobs.items()).hasSize(1);
        assertThat(jobs.items().get(0).get("attempts").n()).isEqualTo("1");
        awaitAnnouncement(jobId);
        awaitEvent(jobId);
        // nothing more for this job arrives afterwards
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(collected(announcementsQueue, announcements, jobId, true)).as("SNS announcements").hasSize(1);
            assertThat(collected(eventsQueue, events, jobId, false)).as("EventBridge events").hasSize(1);
        });
    }

    @Test
    void aJobFinishedButNeverAnnouncedIsAnnouncedWhenItsMessageComesBack() {
        String key = "crashed-before-announcing/invoice.pdf";
        SourceObject source = new SourceObject(config.buckets().input(), key, 100, "e-unannounced", null, null, "test");
        String jobId = source.jobId();
        String ingestUrl = sqs.getQueueUrl(b -> b.queueName(config.queues().ingest())).queueUrl();
        // the redelivery of the message that finished the job: it arrives after the job item below is in place
        String messageId = sqs.sendMessage(b -> b.queueUrl(ingestUrl).delaySeconds(2).messageBody("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":100,"eTag":"e-unannounced"}}}]}
                """.formatted(config.buckets().input(), key))).messageId();
        dynamoDb.putItem(b -> b.tableName(config.jobs().table()).item(Map.of(
                "jobId", AttributeValue.fromS(jobId), "sourceKey", AttributeValue.fromS(source.sourceKey()),
                "status", AttributeValue.fromS("COMPLETED"), "documentClass", AttributeValue.fromS("invoice"),
                "confidence", AttributeValue.fromN("0.9"), "claimedBy", AttributeValue.fromS(messageId),
                "bucket", AttributeValue.fromS(source.bucket()), "key", AttributeValue.fromS(key))));

        JsonNode announcement = awaitAnnouncement(jobId);

        assertThat(announcement.at("/MessageAttributes/status/Value").asText()).isEqualTo("COMPLETED");
        assertThat(announcement.at("/MessageAttributes/documentClass/Value").asText()).isEqualTo("invoice");
        assertThat(awaitFinal(jobId).get("announced").bool()).isTrue();
    }

    @Test
    void anImageOnlyFileFailsWithNoText() {
        String jobId = put("scans/scan-001.png", Fixtures.png());

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("FAILED");
        assertThat(job.get("reason").s()).isEqualTo("NO_TEXT");
        assertThat(job.get("error").s()).contains("image/png");
        JsonNode event = awaitEvent(jobId);
        assertThat(event.get("detail-type").asText()).isEqualTo("Document Failed");
    }

    @Test
    void aCorruptFileFailsWithAReasonWhileOtherDocumentsKeepFlowing() {
        String corrupt = put("broken/corrupt.pdf", Fixtures.corruptPdf());
        String unsupported = put("broken/random.bin", randomBytes());
        String fine = put("broken/neighbour.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-NEXT-1", "5.00")));

        assertThat(awaitFinal(corrupt)).satisfies(job -> {
            assertThat(job.get("status").s()).isEqualTo("FAILED");
            assertThat(job.get("reason").s()).isEqualTo("CORRUPT_DOCUMENT");
        });
        assertThat(awaitFinal(unsupported)).satisfies(job -> {
            assertThat(job.get("status").s()).isEqualTo("FAILED");
            assertThat(job.get("reason").s()).isEqualTo("UNSUPPORTED_TYPE");
        });
        assertThat(awaitFinal(fine).get("status").s()).isEqualTo("COMPLETED");
    }

    @Test
    void modelOutputInvalidAfterRepairAndFallbackEndsInNeedsReview() {
        var bedrock = LocalAwsInitializer.sharedServices().bedrock();
        bedrock.faults().inject(EXTRACTION_MODEL, Fault.MISSING_FIELDS, 2);
        bedrock.faults().inject(FALLBACK_MODEL, Fault.MISSING_FIELDS, 1);
        try {
            String jobId = put("review/hard-to-read.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-REVIEW-1", "42.00")));

            Map<String, AttributeValue> job = awaitFinal(jobId);
            assertThat(job.get("status").s()).isEqualTo("NEEDS_REVIEW");
            assertThat(job.get("reason").s()).isEqualTo("INVALID_MODEL_OUTPUT");
            JsonNode result = result(jobId);
            assertThat(result.at("/validation/repaired").asBoolean()).isTrue();
            assertThat(result.at("/validation/errors").toString()).contains("invoiceNumber");
            assertThat(result.at("/models/calls").findValuesAsText("task")).containsExactly("CLASSIFY", "EXTRACT", "REPAIR", "REPAIR");
            assertThat(result.at("/models/calls").findValuesAsText("modelId")).last().isEqualTo(FALLBACK_MODEL);
        } finally {
            bedrock.faults().clear();
        }
    }

    @Test
    void anUnreadableClassificationIsAskedOfTheFallbackModelWhichClassifiesTheDocument() {
        var bedrock = LocalAwsInitializer.sharedServices().bedrock();
        bedrock.faults().inject(CLASSIFICATION_MODEL, Fault.NON_JSON, 1);
        try {
            String jobId = put("classify-fallback/invoice.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-CLS-1", "12.00")));

            Map<String, AttributeValue> job = awaitFinal(jobId);
            assertThat(job.get("status").s()).isEqualTo("COMPLETED");
            assertThat(job.get("documentClass").s()).isEqualTo("invoice");
            JsonNode calls = result(jobId).at("/models/calls");
            assertThat(calls.findValuesAsText("task")).startsWith("CLASSIFY", "CLASSIFY", "EXTRACT");
            assertThat(calls.findValuesAsText("modelId")).startsWith(CLASSIFICATION_MODEL, FALLBACK_MODEL);
        } finally {
            bedrock.faults().clear();
        }
    }

    @Test
    void aClassificationUnreadableByTheFallbackModelTooEndsInNeedsReview() {
        var bedrock = LocalAwsInitializer.sharedServices().bedrock();
        bedrock.faults().inject(CLASSIFICATION_MODEL, Fault.NON_JSON, 1);
        bedrock.faults().inject(FALLBACK_MODEL, Fault.NON_JSON, 1);
        try {
            String jobId = put("classify-review/invoice.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-CLS-2", "13.00")));

            Map<String, AttributeValue> job = awaitFinal(jobId);
            assertThat(job.get("status").s()).isEqualTo("NEEDS_REVIEW");
            assertThat(job.get("reason").s()).isEqualTo("INVALID_MODEL_OUTPUT");
            assertThat(job.get("error").s()).contains("no toolUse block", "Sorry, I cannot help with that.");
            JsonNode calls = result(jobId).at("/models/calls");
            assertThat(calls.findValuesAsText("task")).containsExactly("CLASSIFY", "CLASSIFY");
            assertThat(calls.findValuesAsText("modelId")).containsExactly(CLASSIFICATION_MODEL, FALLBACK_MODEL);
        } finally {
            bedrock.faults().clear();
        }
    }

    @Test
    void anInvoiceWhoseTotalsDoNotAddUpNeedsReviewNamingTheRule() throws Exception {
        String text = """
                ACME Supplies Ltd
                INVOICE
                Invoice Number: INV-SUM-1
                Invoice Date: 2026-03-01
                Subtotal: $617.96
                Tax: $30.90
                Total: $693.86
                Amount due in USD.
                """;
        String jobId = put("review/totals-do-not-add-up.pdf", Fixtures.pdfOf(text));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("NEEDS_REVIEW");
        assertThat(job.get("reason").s()).isEqualTo("FIELDS_NEED_REVIEW");
        assertThat(job.get("error").s()).contains("rule invoice.total failed: subtotal 617.96 + tax 30.90 = 648.86 != total 693.86");
        JsonNode result = result(jobId);
        assertThat(result.at("/resultVersion").asInt()).isEqualTo(2);
        assertThat(result.at("/validation/valid").asBoolean()).isTrue();
        assertThat(result.at("/review/needsReview").asBoolean()).isTrue();
        JsonNode rule = ruleResult(result, "invoice.total");
        assertThat(rule.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(rule.get("fields").toString()).contains("/subtotal", "/tax", "/total");
        assertThat(result.at("/review/reasons").toString()).contains("rule invoice.total failed");

        JsonNode announcement = awaitAnnouncement(jobId);
        assertThat(announcement.at("/MessageAttributes/confidenceBand/Value").asText()).isEqualTo("low");
        assertThat(JSON.readTree(announcement.get("Message").asText()).get("reviewReasons").toString())
                .contains("rule invoice.total failed");
        assertThat(awaitEvent(jobId).at("/detail/confidenceBand").asText()).isEqualTo("low");
    }

    @Test
    void aValueTheModelInventedIsUngroundedAndTheJobNeedsReview() {
        var bedrock = LocalAwsInitializer.sharedServices().bedrock();
        bedrock.faults().inject(EXTRACTION_MODEL, Fault.INVENTED_VALUE, 1);
        try {
            String jobId = put("review/invented.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-MADE-UP-1", "220.00")));

            Map<String, AttributeValue> job = awaitFinal(jobId);
            assertThat(job.get("status").s()).isEqualTo("NEEDS_REVIEW");
            assertThat(job.get("reason").s()).isEqualTo("FIELDS_NEED_REVIEW");
            assertThat(job.get("error").s()).contains("vendorName: ungrounded (the quote is not in the text)");
            JsonNode vendor = evidenceOf(result(jobId), "/vendorName");
            assertThat(vendor.get("value").asText()).isEqualTo(Fault.INVENTED_VALUE_TEXT);
            assertThat(vendor.get("quote").asText()).isEqualTo(Fault.INVENTED_QUOTE);
            assertThat(vendor.get("grounded").asBoolean()).isFalse();
            assertThat(vendor.get("reason").asText()).isEqualTo("the quote is not in the text");
            assertThat(vendor.get("confidence").asDouble()).isLessThan(vendor.get("threshold").asDouble());
            assertThat(vendor.has("start")).isFalse();
        } finally {
            bedrock.faults().clear();
        }
    }

    @Test
    void aCleanInvoiceCompletesWithEveryValueGroundedAtOffsetsOfItsStoredText() throws Exception {
        String jobId = put("review/clean.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-CLEAN-1", "1,100.00")));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).as("%s", job.get("error")).isEqualTo("COMPLETED");
        JsonNode result = result(jobId);
        String text = s3.getObjectAsBytes(b -> b.bucket(config.buckets().results()).key("text/" + jobId + ".txt")).asUtf8String();
        JsonNode evidence = result.at("/review/evidence");
        assertThat(evidence.findValuesAsText("field")).contains("/invoiceNumber", "/vendorName", "/subtotal", "/tax", "/total");
        for (JsonNode value : evidence) {
            assertThat(value.get("grounded").asBoolean()).as("%s", value).isTrue();
            assertThat(value.get("page").asInt()).isEqualTo(1);
            assertThat(value.get("confidence").asDouble()).isGreaterThanOrEqualTo(value.get("threshold").asDouble());
            assertThat(text.substring(value.get("quoteStart").asInt(), value.get("quoteEnd").asInt()))
                    .isEqualToIgnoringWhitespace(value.get("quote").asText());
            assertShows(text.substring(value.get("start").asInt(), value.get("end").asInt()), value.get("value"));
        }
        assertThat(ruleResult(result, "invoice.total").get("outcome").asText()).isEqualTo("PASSED");
        assertThat(result.at("/review/needsReview").asBoolean()).isFalse();
        assertThat(result.at("/review/documentConfidence/confidence").asDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(awaitAnnouncement(jobId).at("/MessageAttributes/confidenceBand/Value").asText()).isIn("high", "medium");
    }

    @Test
    void aThreePageInvoiceWithItemsOnEveryPageHasEveryItemWithItsPage() {
        List<List<String>> pages = List.of(
                List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: INV-PAGES-3", "Invoice Date: 2026-03-01", "",
                        "Description Qty Unit Price Amount", "Copper wire 2 $10.00 $20.00", "Steel bolts 3 $5.00 $15.00"),
                List.of("Brass hinges 4 $2.50 $10.00", "Oak planks 1 $40.00 $40.00", "Glass panes 2 $12.00 $24.00"),
                List.of("Paint buckets 3 $7.00 $21.00", "", "Subtotal: $130.00", "Tax: $13.00", "Total: $143.00",
                        "Amount due in USD."));
        String jobId = put("review/three-pages.pdf", Fixtures.pdf(pages));

        Map<String, AttributeValue> job = awaitFinal(jobId);
        assertThat(job.get("status").s()).as("%s", job.get("error")).isEqualTo("COMPLETED");
        JsonNode result = result(jobId);
        assertThat(result.at("/fields/lineItems").findValuesAsText("description")).containsExactly(
                "Copper wire", "Steel bolts", "Brass hinges", "Oak planks", "Glass panes", "Paint buckets");
        List<Integer> itemPages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode amount = evidenceOf(result, "/lineItems/" + i + "/amount");
            assertThat(amount.get("grounded").asBoolean()).as("%s", amount).isTrue();
            itemPages.add(amount.get("page").asInt());
        }
        assertThat(itemPages).containsExactly(1, 1, 2, 2, 2, 3);
        JsonNode list = result.at("/review/lists/0");
        assertThat(list.get("list").asText()).isEqualTo("/lineItems");
        assertThat(list.get("items").asInt()).isEqualTo(6);
        assertThat(list.get("itemsPerPage").toString())
                .isEqualTo("[{\"page\":1,\"items\":2},{\"page\":2,\"items\":3},{\"page\":3,\"items\":1}]");
        assertThat(ruleResult(result, "invoice.subtotal").get("outcome").asText()).isEqualTo("PASSED");
    }

    private static JsonNode ruleResult(JsonNode result, String ruleId) {
        for (JsonNode rule : result.at("/review/rules")) {
            if (rule.get("ruleId").asText().equals(ruleId)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + ruleId + " in " + result.at("/review/rules"));
    }

    private static JsonNode evidenceOf(JsonNode result, String field) {
        for (JsonNode value : result.at("/review/evidence")) {
            if (value.get("field").asText().equals(field)) {
                return value;
            }
        }
        throw new AssertionError("no evidence for " + field + " in " + result.at("/review/evidence"));
    }

    /** The stored text at a value's offsets shows the value: the same number, or the same words. */
    private static void assertShows(String shown, JsonNode value) {
        if (value.isNumber()) {
            assertThat(new java.math.BigDecimal(shown.replaceAll("[^0-9.]", ""))).as(shown)
                    .isEqualByComparingTo(value.decimalValue());
        } else if (value.asText().matches("[A-Z]{3}")) {
            assertThat(shown).as("a currency, by its code or its symbol").isIn(value.asText(), "$", "US$");
        } else {
            assertThat(shown).isEqualToIgnoringCase(value.asText());
        }
    }

    private JsonNode awaitAnnouncement(String jobId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> collected(announcementsQueue, announcements, jobId, true),
                list -> !list.isEmpty()).get(0);
    }

    private JsonNode awaitEvent(String jobId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> collected(eventsQueue, events, jobId, false),
                list -> !list.isEmpty()).get(0);
    }

    /**
     * Moves every message waiting in {@code queue} into {@code seen} and returns those about {@code jobId}: each test
     * looks for its own job among everything announced so far.
     */
    private List<JsonNode> collected(String queue, List<JsonNode> seen, String jobId, boolean snsEnvelope) throws Exception {
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
            seen.add(JSON.readTree(m.body()));
            sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
        List<JsonNode> about = new ArrayList<>();
        synchronized (seen) {
            for (JsonNode body : seen) {
                JsonNode payload = snsEnvelope ? JSON.readTree(body.get("Message").asText()) : body.get("detail");
                if (jobId.equals(payload.path("jobId").asText())) {
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

    private int queueDepth(String url) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[2048];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }
}
