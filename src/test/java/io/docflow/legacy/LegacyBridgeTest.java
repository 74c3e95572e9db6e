package io.docflow.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.local.DocflowTest;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.bedrock.LocalBedrock;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The legacy SOAP/SQS bridge end to end, through local SQS, S3 and DynamoDB and the whole pipeline: requests as a
 * legacy system sends them, answers read from the queues it would read them from.
 */
@DocflowTest
@ExtendWith(OutputCaptureExtension.class)
class LegacyBridgeTest {

    @Autowired DocflowProperties config;
    @Autowired SqsClient sqs;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired TestRestTemplate http;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Everything read from the default response queue so far: tests pick out their own answers. */
    private static final List<Received> defaultQueueAnswers = Collections.synchronizedList(new ArrayList<>());

    record Received(Soap.Answer answer, long sentTimestamp) {
    }

    @ParameterizedTest(name = "SOAP {0}, {1}")
    @CsvSource({"1.1, inline", "1.1, s3", "1.2, inline", "1.2, s3"})
    void aDocumentIsAcknowledgedThenItsResultArrivesInTheSameSoapVersion(String version, String form) {
        String correlationId = "rt-" + version.replace('.', '_') + "-" + form + "-" + shortId();
        String replyQueue = replyQueue();
        String number = "INV-L" + shortId().toUpperCase();
        byte[] pdf = invoicePdf(number);
        String body;
        if (form.equals("inline")) {
            body = Soap.processInline(correlationId, null, "invoice " + number + ".pdf", pdf);
        } else {
            String key = "legacy-sources/" + correlationId + "/scan.pdf";
            s3.putObject(b -> b.bucket(config.buckets().input()).key(key), RequestBody.fromBytes(pdf));
            body = Soap.processS3(correlationId, null, config.buckets().input(), key);
        }
        // SOAP 1.1 names the reply queue with WS-Addressing, SOAP 1.2 with the ReplyQueue element: both are accepted
        send(version.equals("1.1") ? Soap.envelope(version, replyQueue, body)
                : Soap.envelope(version, null, body.replace("</dl:CorrelationId>",
                        "</dl:CorrelationId>\n      <dl:ReplyQueue>" + replyQueue + "</dl:ReplyQueue>")));

        Soap.Answer ack = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentAcknowledgement"));
        assertThat(ack.envelopeNamespace()).isEqualTo(Soap.ns(version));
        assertThat(ack.header("RelatesTo")).isEqualTo(correlationId);
        assertThat(ack.header("Action")).isEqualTo("http://docflow.io/legacy/v1/ProcessDocumentAcknowledgement");
        assertThat(ack.get("CorrelationId")).isEqualTo(correlationId);
        assertThat(ack.get("Status")).isIn("QUEUED", "PROCESSING", "COMPLETED");
        assertThat(ack.get("Duplicate")).isEqualTo("false");
        assertThat(ack.get("DocumentLocation")).startsWith("s3://" + config.buckets().input() + "/legacy/" + correlationId + "/");
        String jobId = ack.get("JobId");

        Soap.Answer result = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentResult"));
        assertThat(result.envelopeNamespace()).isEqualTo(Soap.ns(version));
        assertThat(result.header("RelatesTo")).isEqualTo(correlationId);
        assertThat(result.get("JobId")).isEqualTo(jobId);
        assertThat(result.get("Status")).isEqualTo("COMPLETED");
        assertThat(result.get("DocumentClass")).isEqualTo("invoice");
        assertThat(Double.parseDouble(result.get("Confidence"))).isBetween(0.0, 1.0);
        assertThat(result.field("invoiceNumber")).isEqualTo(number);
        assertThat(result.field("total")).isNotNull();
        assertThat(result.get("ResultLocation")).isEqualTo("s3://" + config.buckets().results() + "/results/" + jobId + ".json");

        Map<String, AttributeValue> job = item(jobId);
        assertThat(job.get("legacyCorrelationId").s()).isEqualTo(correlationId);
        assertThat(job.get("legacySoapVersion").s()).isEqualTo(version);
        assertThat(job.get("legacyResultSentAt")).isNotNull();
    }

    @Test
    void aDocumentDocflowCannotProcessGetsAFailedResultWithTheReason() {
        String correlationId = "unreadable-" + shortId();
        String replyQueue = replyQueue();
        byte[] noise = new byte[4096];
        new java.util.Random(11).nextBytes(noise);
        send(Soap.envelope("1.2", replyQueue, Soap.processInline(correlationId, null, "noise.bin", noise)));

        awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentAcknowledgement"));
        Soap.Answer result = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentResult"));
        assertThat(result.isFault()).isFalse();
        assertThat(result.get("Status")).isEqualTo("FAILED");
        assertThat(result.get("FailureReason")).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(result.get("FailureMessage")).isNotBlank();
        assertThat(result.fields()).isEmpty();
    }

    @Test
    void aDocumentThatNeedsReviewGetsItsReviewedResultOnceAPersonCorrectedIt() throws IOException {
        String correlationId = "review-" + shortId();
        String replyQueue = replyQueue();
        String number = "INV-LR" + shortId().toUpperCase();
        byte[] pdf = io.docflow.pipeline.Fixtures.pdfOf("""
                ACME Supplies Ltd
                INVOICE
                Invoice Number: %s
                Invoice Date: 2026-03-01
                Subtotal: $617.96
                Tax: $30.90
                Total: $693.86
                Amount due in USD.
                """.formatted(number));
        send(Soap.envelope("1.1", replyQueue, Soap.processInline(correlationId, null, "invoice.pdf", pdf)));
        String jobId = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentAcknowledgement")).get("JobId");
        Soap.Answer first = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentResult"));
        assertThat(first.get("Status")).isEqualTo("NEEDS_REVIEW");
        assertThat(first.get("FailureReason")).isEqualTo("FIELDS_NEED_REVIEW");

        String reviewer = io.docflow.local.ApiTokens.token("reviewer", "legacy-bridge-test");
        assertThat(http.postForEntity("/api/v1/jobs/" + jobId + "/review/claim",
                new org.springframework.http.HttpEntity<>(io.docflow.local.ApiTokens.bearer(reviewer)), JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        JsonNode result = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(config.buckets().results())
                .key("results/" + jobId + ".json")).asByteArray());
        com.fasterxml.jackson.databind.node.ObjectNode fields = result.get("fields").deepCopy();
        fields.put("total", 648.86);
        org.springframework.http.HttpHeaders headers = io.docflow.local.ApiTokens.bearer(reviewer);
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String review = JSON.createObjectNode().put("action", "correct").set("fields", fields).toString();
        assertThat(http.postForEntity("/api/v1/jobs/" + jobId + "/review",
                new org.springframework.http.HttpEntity<>(review, headers), JsonNode.class).getStatusCode().value())
                .isEqualTo(200);

        Soap.Answer reviewed = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentResult")
                && "COMPLETED".equals(a.get("Status")));
        assertThat(reviewed.header("RelatesTo")).isEqualTo(correlationId);
        assertThat(reviewed.get("JobId")).isEqualTo(jobId);
        assertThat(reviewed.field("invoiceNumber")).isEqualTo(number);
        assertThat(reviewed.field("total")).isEqualTo("648.86");
        assertThat(item(jobId).get("legacyReviewResultSentAt")).isNotNull();
    }

    @Test
    void getDocumentStatusAnswersBeforeAndAfterCompletion() {
        LocalBedrock bedrock = LocalAwsInitializer.sharedServices().bedrock();
        String correlationId = "status-" + shortId();
        String replyQueue = replyQueue();
        bedrock.setLatency(LocalBedrock.ALL_MODELS, Duration.ofSeconds(2));
        try {
            send(Soap.envelope("1.2", replyQueue, Soap.processInline(correlationId, null, "slow.pdf", invoicePdf("INV-SLOW-1"))));
            String jobId = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentAcknowledgement")).get("JobId");

            send(Soap.envelope("1.2", replyQueue, Soap.statusByCorrelationId(correlationId, null)));
            Soap.Answer before = awaitAnswer(replyQueue, a -> a.kind().equals("GetDocumentStatusResponse"));
            assertThat(before.get("JobId")).isEqualTo(jobId);
            assertThat(before.get("CorrelationId")).isEqualTo(correlationId);
            assertThat(before.get("Status")).isIn("QUEUED", "PROCESSING");
            assertThat(before.get("ResultLocation")).isNull();
            assertThat(before.fields()).isEmpty();

            awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentResult"));
        } finally {
            bedrock.clearLatency(LocalBedrock.ALL_MODELS);
        }
        String jobId = item(correlationIdJob(correlationId)).get("jobId").s();
        send(Soap.envelope("1.1", null, Soap.statusByJobId(jobId, replyQueue)));
        Soap.Answer after = awaitAnswer(replyQueue, a -> a.kind().equals("GetDocumentStatusResponse"));
        assertThat(after.envelopeNamespace()).isEqualTo(Soap.SOAP_11);
        assertThat(after.get("Status")).isEqualTo("COMPLETED");
        assertThat(after.get("CorrelationId")).isEqualTo(correlationId);
        assertThat(after.get("DocumentClass")).isEqualTo("invoice");
        assertThat(after.field("invoiceNumber")).isEqualTo("INV-SLOW-1");
        assertThat(after.get("FinishedAt")).isNotNull();
    }

    @Test
    void theSameCorrelationIdSentTwiceIsOneJobWithTheSameAnswers() {
        LocalBedrock bedrock = LocalAwsInitializer.sharedServices().bedrock();
        String correlationId = "twice-" + shortId();
        String replyQueue = replyQueue();
        String request = Soap.envelope("1.1", replyQueue, Soap.processInline(correlationId, null, "twice.pdf", invoicePdf("INV-TWICE-2")));
        String jobId;
        // a slow model, so both copies arrive while the job runs; sent at once, two consumers may read them side by side
        bedrock.setLatency(LocalBedrock.ALL_MODELS, Duration.ofSeconds(2));
        try {
            send(request);
            send(request);
            List<Soap.Answer> acks = awaitAnswers(replyQueue, a -> a.kind().equals("ProcessDocumentAcknowledgement"), 2);
            jobId = acks.get(0).get("JobId");
            assertThat(acks).allSatisfy(ack -> {
                assertThat(ack.get("JobId")).isEqualTo(jobId);
                assertThat(ack.get("Status")).isIn("QUEUED", "PROCESSING");
            });
        } finally {
            bedrock.clearLatency(LocalBedrock.ALL_MODELS);
        }
        awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentResult"));
        // one result for the job, however many requests named it while it ran
        List<Soap.Answer> more = new ArrayList<>();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
            more.addAll(take(replyQueue, a -> a.kind().equals("ProcessDocumentResult"), 10));
            return true;
        });
        assertThat(more).as("further results").isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket(config.buckets().input()).prefix("legacy/" + correlationId + "/")).contents())
                .hasSize(1);
        var jobs = dynamoDb.query(b -> b.tableName(config.jobs().table()).indexName("sourceKey-index")
                .keyConditionExpression("sourceKey = :s")
                .expressionAttributeValues(Map.of(":s", item(jobId).get("sourceKey"))));
        assertThat(jobs.items()).hasSize(1);

        // sent again after the job finished: the same job, acknowledged as a duplicate, and the result once more
        send(request);
        Soap.Answer again = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentAcknowledgement"));
        assertThat(again.get("JobId")).isEqualTo(jobId);
        assertThat(again.get("Duplicate")).isEqualTo("true");
        assertThat(again.get("Status")).isEqualTo("COMPLETED");
        Soap.Answer result = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentResult"));
        assertThat(result.get("JobId")).isEqualTo(jobId);
        assertThat(result.field("invoiceNumber")).isEqualTo("INV-TWICE-2");
    }

    @Test
    void aCorrelationIdReusedForAnotherDocumentIsRefused() {
        String correlationId = "reused-" + shortId();
        String replyQueue = replyQueue();
        send(Soap.envelope("1.1", replyQueue, Soap.processInline(correlationId, null, "a.pdf", invoicePdf("INV-A"))));
        String jobId = awaitAnswer(replyQueue, a -> a.kind().equals("ProcessDocumentAcknowledgement")).get("JobId");

        send(Soap.envelope("1.1", replyQueue, Soap.processInline(correlationId, null, "b.pdf", invoicePdf("INV-B"))));
        Soap.Answer fault = awaitAnswer(replyQueue, Soap.Answer::isFault);
        assertThat(fault.faultCode()).isEqualTo("soap:Client");
        assertThat(fault.get("Code")).isEqualTo("CORRELATION_ID_REUSED");
        assertThat(fault.get("JobId")).isEqualTo(jobId);
        assertThat(fault.header("RelatesTo")).isEqualTo(correlationId);
    }

    @Test
    void malformedXmlIsAClientFaultOnTheDefaultQueue() {
        String messageId = send("<soap:Envelope xmlns:soap=\"" + Soap.SOAP_11 + "\"><soap:Body><unclosed></soap:Body>");

        Soap.Answer fault = awaitDefaultQueueFault(messageId);
        assertThat(fault.envelopeNamespace()).isEqualTo(Soap.SOAP_11);
        assertThat(fault.faultCode()).isEqualTo("soap:Client");
        assertThat(fault.get("Code")).isEqualTo("MALFORMED_XML");
        assertThat(fault.faultReason()).contains("not well-formed").contains("line 1");
        assertThat(fault.header("RelatesTo")).isEqualTo(messageId);
    }

    @Test
    void aSchemaInvalidRequestIsASenderFaultSayingWhatIsWrong() {
        String correlationId = "invalid-" + shortId();
        String replyQueue = replyQueue();
        // no document at all, and a file name with a path
        send(Soap.envelope("1.2", replyQueue, """
                <dl:ProcessDocument>
                  <dl:CorrelationId>%s</dl:CorrelationId>
                </dl:ProcessDocument>""".formatted(correlationId)));
        Soap.Answer fault = awaitAnswer(replyQueue, Soap.Answer::isFault);
        assertThat(fault.envelopeNamespace()).isEqualTo(Soap.SOAP_12);
        assertThat(fault.faultCode()).isEqualTo("soap:Sender");
        assertThat(fault.get("Code")).isEqualTo("SCHEMA_INVALID");
        assertThat(fault.faultReason()).contains("ProcessDocument").contains("S3Reference").contains("InlineDocument");
        assertThat(fault.get("CorrelationId")).isEqualTo(correlationId);

        send(Soap.envelope("1.2", replyQueue, Soap.processInline(correlationId, null, "../../etc/passwd", new byte[] {1})));
        Soap.Answer badName = awaitAnswer(replyQueue, Soap.Answer::isFault);
        assertThat(badName.get("Code")).isEqualTo("SCHEMA_INVALID");
        assertThat(badName.faultReason()).contains("FileName");
    }

    @Test
    void anUnknownOperationIsAFaultNamingIt() {
        String replyQueue = replyQueue();
        send(Soap.envelope("1.1", replyQueue, "<dl:DeleteEverything><dl:CorrelationId>x-1</dl:CorrelationId></dl:DeleteEverything>"));
        Soap.Answer fault = awaitAnswer(replyQueue, Soap.Answer::isFault);
        assertThat(fault.faultCode()).isEqualTo("soap:Client");
        assertThat(fault.get("Code")).isEqualTo("UNKNOWN_OPERATION");
        assertThat(fault.faultReason()).contains("DeleteEverything").contains("ProcessDocument").contains("GetDocumentStatus");
    }

    @Test
    void anXxePayloadIsRefusedAndTheFileItNamesIsNeverRead(CapturedOutput output) throws IOException {
        String secret = "TOP-SECRET-" + UUID.randomUUID();
        Path file = Files.createTempFile("docflow-xxe", ".txt");
        Files.writeString(file, secret);
        try {
            String messageId = send("""
                    <?xml version="1.0"?>
                    <!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM "%s">]>
                    <soap:Envelope xmlns:soap="%s" xmlns:dl="%s"><soap:Body>
                      <dl:GetDocumentStatus><dl:CorrelationId>&xxe;</dl:CorrelationId></dl:GetDocumentStatus>
                    </soap:Body></soap:Envelope>""".formatted(file.toUri(), Soap.SOAP_11, Soap.DL));

            Soap.Answer fault = awaitDefaultQueueFault(messageId);
            assertThat(fault.get("Code")).isEqualTo("DTD_NOT_ALLOWED");
            assertThat(fault.faultCode()).isEqualTo("soap:Client");
            assertThat(fault.xml()).doesNotContain(secret).doesNotContain(file.toString());
            assertThat(output.getAll()).contains(messageId + " refused: DTD_NOT_ALLOWED").doesNotContain(secret);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBillionLaughsPayloadIsRefusedWithinASecondAndTheServiceStaysHealthy() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String messageId = send("""
                <?xml version="1.0"?>
                <!DOCTYPE soap:Envelope [%s]>
                <soap:Envelope xmlns:soap="%s" xmlns:dl="%s"><soap:Body>
                  <dl:GetDocumentStatus><dl:CorrelationId>&lol9;</dl:CorrelationId></dl:GetDocumentStatus>
                </soap:Body></soap:Envelope>""".formatted(entities, Soap.SOAP_12, Soap.DL));

        Received fault = await().atMost(Duration.ofSeconds(10)).until(() -> defaultQueue(messageId), r -> r != null);
        assertThat(fault.answer().get("Code")).isEqualTo("DTD_NOT_ALLOWED");
        assertThat(fault.sentTimestamp() - sentAt.get(messageId)).as("ms from request to fault").isLessThan(1000);

        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asText()).isEqualTo("UP");
        String replyQueue = replyQueue();
        send(Soap.envelope("1.1", replyQueue, Soap.statusByJobId(UUID.randomUUID().toString(), null)));
        assertThat(awaitAnswer(replyQueue, Soap.Answer::isFault).get("Code")).isEqualTo("UNKNOWN_JOB");
    }

    @Test
    void aReplyQueueThatDoesNotExistIsLoggedAndTheAnswerGoesToTheDefaultQueue(CapturedOutput output) {
        String correlationId = "noqueue-" + shortId();
        String missing = "docflow-legacy-missing-" + shortId();
        send(Soap.envelope("1.1", null, Soap.statusByCorrelationId(correlationId, missing)));

        Soap.Answer answer = await().atMost(Duration.ofSeconds(15)).until(() -> defaultQueueAbout(correlationId), a -> a != null);
        // the correlation id was never used: the answer is a fault, delivered to the default queue
        assertThat(answer.get("Code")).isEqualTo("UNKNOWN_JOB");
        assertThat(output.getAll()).contains("Reply queue '" + missing + "'").contains("does not exist");
    }

    @Test
    void aReplyQueueOutsideTheAllowedPatternIsRefused() {
        String correlationId = "badqueue-" + shortId();
        send(Soap.envelope("1.1", "https://sqs.eu-west-1.amazonaws.com/123456789012/elsewhere",
                Soap.statusByCorrelationId(correlationId, null)));
        Soap.Answer fault = await().atMost(Duration.ofSeconds(15)).until(() -> defaultQueueAbout(correlationId), a -> a != null);
        assertThat(fault.get("Code")).isEqualTo("REPLY_QUEUE_NOT_ALLOWED");

        // nor may answers be sent to the requests queue, where they would be read as requests
        String loop = "loop-" + shortId();
        send(Soap.envelope("1.1", null, Soap.statusByCorrelationId(loop, config.queues().legacyRequests())));
        assertThat(await().atMost(Duration.ofSeconds(15)).until(() -> defaultQueueAbout(loop), a -> a != null).get("Code"))
                .isEqualTo("REPLY_QUEUE_NOT_ALLOWED");
    }

    @Test
    void inlineContentBeyondTheLimitIsRefusedWithAPointerToS3References() {
        String replyQueue = replyQueue();
        byte[] big = new byte[(int) config.legacy().maxInlineContentSize().toBytes() + 1024];
        new java.util.Random(3).nextBytes(big);
        send(Soap.envelope("1.1", replyQueue, Soap.processInline("big-" + shortId(), null, "big.bin", big)));
        Soap.Answer fault = awaitAnswer(replyQueue, Soap.Answer::isFault);
        assertThat(fault.get("Code")).isEqualTo("INLINE_CONTENT_TOO_LARGE");
        assertThat(fault.faultReason()).contains(Long.toString(config.legacy().maxInlineContentSize().toBytes()))
                .contains("S3Reference");
    }

    @Test
    void s3ReferencesOutsideTheAllowedBucketsOrToMissingObjectsAreRefused() {
        String replyQueue = replyQueue();
        send(Soap.envelope("1.1", replyQueue, Soap.processS3("elsewhere-" + shortId(), null, config.buckets().results(), "results/x.json")));
        assertThat(awaitAnswer(replyQueue, Soap.Answer::isFault).get("Code")).isEqualTo("SOURCE_NOT_ALLOWED");

        send(Soap.envelope("1.1", replyQueue, Soap.processS3("missing-" + shortId(), null, config.buckets().input(), "no/such.pdf")));
        assertThat(awaitAnswer(replyQueue, Soap.Answer::isFault).get("Code")).isEqualTo("DOCUMENT_NOT_FOUND");
    }

    // ------------------------------------------------------------------ helpers

    private final Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
    /** Answers read from each reply queue and not yet taken by the test. */
    private final Map<String, List<Soap.Answer>> inbox = new java.util.concurrent.ConcurrentHashMap<>();

    /** Sends a request as a legacy system would; returns its SQS message id. */
    private String send(String xml) {
        String id = sqs.sendMessage(b -> b.queueUrl(url(config.queues().legacyRequests())).messageBody(xml)).messageId();
        sentAt.put(id, System.currentTimeMillis());
        return id;
    }

    /** A new reply queue the allowed pattern accepts; returns its name. */
    private String replyQueue() {
        String name = "docflow-legacy-test-" + shortId();
        sqs.createQueue(b -> b.queueName(name));
        return name;
    }

    private String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private Soap.Answer awaitAnswer(String replyQueue, Predicate<Soap.Answer> wanted) {
        return awaitAnswers(replyQueue, wanted, 1).get(0);
    }

    /**
     * Waits for {@code count} answers matching {@code wanted} on the queue and takes them out of the queue's inbox;
     * answers that arrive before, or not in the order asked, wait in the inbox for a later call.
     */
    private List<Soap.Answer> awaitAnswers(String replyQueue, Predicate<Soap.Answer> wanted, int count) {
        List<Soap.Answer> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            found.addAll(take(replyQueue, wanted, count - found.size()));
            return found.size() >= count;
        });
        return found;
    }

    /** Up to {@code max} answers matching {@code wanted} that have arrived on the queue so far. */
    private List<Soap.Answer> take(String queue, Predicate<Soap.Answer> wanted, int max) {
        String queueUrl = url(queue);
        List<Soap.Answer> box = inbox.computeIfAbsent(queue, q -> new ArrayList<>());
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
            box.add(Soap.Answer.of(m.body()));
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
        List<Soap.Answer> taken = new ArrayList<>();
        for (var it = box.iterator(); it.hasNext() && taken.size() < max; ) {
            Soap.Answer answer = it.next();
            if (wanted.test(answer)) {
                taken.add(answer);
                it.remove();
            }
        }
        return taken;
    }

    private Soap.Answer awaitDefaultQueueFault(String requestMessageId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> defaultQueue(requestMessageId), r -> r != null).answer();
    }

    /** The answer on the default queue whose fault detail names this request message, if it has arrived. */
    private Received defaultQueue(String requestMessageId) {
        drainDefaultQueue();
        synchronized (defaultQueueAnswers) {
            return defaultQueueAnswers.stream().filter(r -> requestMessageId.equals(r.answer().get("RequestMessageId")))
                    .findFirst().orElse(null);
        }
    }

    private Soap.Answer defaultQueueAbout(String correlationId) {
        drainDefaultQueue();
        synchronized (defaultQueueAnswers) {
            return defaultQueueAnswers.stream().map(Received::answer)
                    .filter(a -> correlationId.equals(a.header("RelatesTo"))).findFirst().orElse(null);
        }
    }

    private void drainDefaultQueue() {
        String queue = url(config.queues().legacyResponses());
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages()) {
            long sent = Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP));
            defaultQueueAnswers.add(new Received(Soap.Answer.of(m.body()), sent));
            sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
    }

    private Map<String, AttributeValue> item(String jobId) {
        return dynamoDb.getItem(b -> b.tableName(config.jobs().table()).key(Map.of("jobId", AttributeValue.fromS(jobId)))
                .consistentRead(true)).item();
    }

    /** The job id of a correlation id's document, as the bridge derives it. */
    private String correlationIdJob(String correlationId) {
        String key = s3.listObjectsV2(b -> b.bucket(config.buckets().input()).prefix("legacy/" + correlationId + "/"))
                .contents().get(0).key();
        var head = s3.headObject(b -> b.bucket(config.buckets().input()).key(key));
        return (new io.docflow.ingest.SourceObject(config.buckets().input(), key, head.contentLength(),
                head.eTag(), head.versionId(), null, "test")).jobId();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] invoicePdf(String number) {
        String text = """
                ACME Supplies Ltd
                INVOICE
                Invoice Number: %s
                Invoice Date: 2026-03-01
                Due Date: 2026-03-31
                Bill To: Example Corp
                Description: Paper, 10 boxes
                Subtotal: $1,000.00
                Tax: $100.00
                Total: $1,100.00
                Amount due in USD. Thank you for your business.""".formatted(number);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                content.setLeading(11);
                content.newLineAtOffset(40, 750);
                for (String line : text.split("\n")) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
