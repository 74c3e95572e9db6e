package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.local.DocflowTest;
import io.docflow.local.TestDocuments;
import io.docflow.pipeline.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Each hostile or broken input ends in its own specific outcome, while a good document next to it completes. */
@DocflowTest
@TestPropertySource(properties = {
        // a bucket and queue of its own: other docflow contexts cached in this JVM must not take its documents
        "docflow.buckets.input=hostile-input", "docflow.queues.ingest=hostile-ingest", "docflow.queues.legacy-requests=hostile-legacy-requests",
        "docflow.queues.legacy-responses=hostile-legacy-responses", "docflow.queues.ingest-dlq=hostile-ingest-dlq",
        "docflow.extract.max-document-bytes=64KB"})
class HostileInputTest {

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired SqsClient sqs;
    @Autowired DynamoDbClient dynamoDb;

    private TestDocuments documents;

    @BeforeEach
    void documents() {
        documents = new TestDocuments(config, s3, dynamoDb);
    }

    private String put(String key, byte[] content) {
        return documents.put(key, content);
    }

    private Map<String, AttributeValue> awaitFinal(String jobId) {
        return documents.awaitFinal(jobId);
    }

    @Autowired TestRestTemplate http;

    @Test
    void eachBadInputGetsItsOwnReasonAndAGoodDocumentStillCompletes() {
        String tooLarge = put("hostile/huge.txt", new byte[70 * 1024]);
        String encrypted = put("hostile/locked.pdf", encryptedPdf());
        String empty = put("hostile/empty.pdf", new byte[0]);
        String pdfNamedTxt = put("hostile/really-a-pdf.txt", Fixtures.pdfOf("ACME Supplies Ltd\nINVOICE\nInvoice Number: WRONG-EXT-1\nTotal: $3.00"));
        String good = put("hostile/fine.txt", "ACME Supplies Ltd\nINVOICE\nInvoice Number: GOOD-1\nTotal: $1.00\n".getBytes());

        assertThat(awaitFinal(tooLarge)).satisfies(job -> assertReason(job, "FAILED", "TOO_LARGE"));
        assertThat(awaitFinal(encrypted)).satisfies(job -> assertReason(job, "FAILED", "ENCRYPTED"));
        assertThat(awaitFinal(empty)).satisfies(job -> assertReason(job, "FAILED", "NO_TEXT"));
        assertThat(awaitFinal(pdfNamedTxt).get("status").s()).isEqualTo("COMPLETED");
        assertThat(awaitFinal(good).get("status").s()).isEqualTo("COMPLETED");
    }

    @Test
    void anEventForADeletedObjectFailsWithSourceNotFound() {
        String key = "hostile/deleted-before-processing.pdf";
        String ingest = sqs.getQueueUrl(b -> b.queueName(config.queues().ingest())).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(ingest).messageBody("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":10,"eTag":"gone"}}}]}
                """.formatted(config.buckets().input(), key)));

        String jobId = (new SourceObject(config.buckets().input(), key, 10, "gone", null, null, "t")).jobId();
        assertThat(awaitFinal(jobId)).satisfies(job -> assertReason(job, "FAILED", "SOURCE_NOT_FOUND"));
    }

    @Test
    void aRedriveMovesDeadLettersBackAndTheirDocumentsAreProcessed() {
        String key = "hostile/redriven.txt";
        byte[] content = "ACME Supplies Ltd\nINVOICE\nInvoice Number: REDRIVE-1\nTotal: $9.00\n".getBytes();
        String dlq = sqs.getQueueUrl(b -> b.queueName(config.queues().ingestDlq())).queueUrl();
        // put the object where S3 does not announce it, then park its announcement in the DLQ by hand
        String bucket = "hostile-quiet-bucket";
        s3.createBucket(b -> b.bucket(bucket));
        String eTag = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag();
        sqs.sendMessage(b -> b.queueUrl(dlq).messageBody("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":%d,"eTag":%s}}}]}
                """.formatted(bucket, key, content.length, eTag)));

        var outcome = http.postForEntity("/api/v1/admin/dlq/redrive?max=10",
                new org.springframework.http.HttpEntity<>(io.docflow.local.ApiTokens.headers("admin")), Map.class);

        assertThat(outcome.getStatusCode().value()).isEqualTo(200);
        assertThat((Integer) outcome.getBody().get("moved")).isGreaterThanOrEqualTo(1);
        String jobId = (new SourceObject(bucket, key, content.length, eTag, null, null, "t")).jobId();
        assertThat(awaitFinal(jobId).get("status").s()).isEqualTo("COMPLETED");
    }

    private static void assertReason(Map<String, AttributeValue> job, String status, String reason) {
        assertThat(job.get("status").s()).as("%s", job).isEqualTo(status);
        assertThat(job.get("reason").s()).isEqualTo(reason);
    }

    private static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
