package io.docflow.pipeline;

import static io.docflow.pipeline.OcrPipelineTest.assertCompletedInvoice;
import static io.docflow.pipeline.OcrPipelineTest.image;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.local.DocflowTest;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.ocr.Photos;
import io.docflow.ocr.Scans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The same scans read by the Textract engine, through the local Textract and the real SDK: the same outcomes. */
@DocflowTest
@TestPropertySource(properties = {
        "docflow.buckets.input=textract-input", "docflow.queues.ingest=textract-ingest", "docflow.queues.legacy-requests=textract-legacy-requests",
        "docflow.queues.legacy-responses=textract-legacy-responses",
        "docflow.queues.ingest-dlq=textract-ingest-dlq",
        "docflow.ocr.engine=textract",
        "docflow.ocr.slot-wait=120s"})
class TextractOcrPipelineTest {

    private static final Duration AT_MOST = Duration.ofSeconds(120);

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;

    private PipelineDocuments documents;

    @BeforeEach
    void documents() {
        documents = new PipelineDocuments(config, s3, dynamoDb);
    }

    @Test
    void anInvoiceScanIsReadByTextract() {
        int pagesBefore = LocalAwsInitializer.sharedServices().textract().pagesRead();
        String jobId = documents.put("scans/invoice.png", image("INV-TX-1", "1,100.00", 200, "png"));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertCompletedInvoice(job, "INV-TX-1", "1100.00");
        assertThat(job.get("ocrEngine").s()).isEqualTo("textract");
        assertThat(job.get("pageSources").m()).containsExactly(Map.entry("OCR", AttributeValue.fromS("1")));
        JsonNode result = documents.result(jobId);
        assertThat(result.at("/pages/0/engine").asText()).isEqualTo("textract");
        assertThat(result.at("/pages/0/confidence").asDouble()).isGreaterThan(80);
        assertThat(LocalAwsInitializer.sharedServices().textract().pagesRead()).isGreaterThan(pagesBefore);
    }

    @Test
    void aMixedPdfKeepsItsTextPageAndTextractReadsTheScannedOne() {
        String jobId = documents.put("scans/mixed.pdf", Scans.mixedPdf(
                List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: INV-TX-MIX", "Bill To: Example Corp"),
                Scans.page(List.of("Subtotal: $4,000.00", "Tax: $400.00", "Total: $4,400.00"), 150)));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertCompletedInvoice(job, "INV-TX-MIX", "4400.00");
        assertThat(job.get("pageSources").m()).containsOnly(
                Map.entry("TEXT_LAYER", AttributeValue.fromS("1")), Map.entry("OCR", AttributeValue.fromS("2")));
        assertThat(documents.result(jobId).at("/pages/1/engine").asText()).isEqualTo("textract");
    }

    @Test
    void anUpsideDownTransparentScanIsNormalisedAndTextractsOwnOrientationIsRecorded() {
        BufferedImage upright = Scans.page(Scans.invoice("INV-TX-180", "180.00"), 150);
        String jobId = documents.put("scans/upside-down-rgba.png",
                Scans.encode(Photos.transparentPage(Scans.turned(upright, 2)), "png"));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertCompletedInvoice(job, "INV-TX-180", "180.00");
        JsonNode page = documents.result(jobId).at("/pages/0");
        assertThat(page.at("/engine").asText()).isEqualTo("textract");
        assertThat(page.at("/rotation").asInt()).isEqualTo(180);
        assertThat(page.at("/languages").size()).isZero();
        assertThat(page.at("/script").isMissingNode()).isTrue();
        assertThat(page.at("/confidence").asDouble()).isGreaterThan(85);
    }

    @Test
    void aBlankScanFailsWithNoTextSayingTextractRan() {
        String jobId = documents.put("scans/blank.png", Scans.encode(Scans.blank(1275, 1650), "png"));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertThat(job.get("status").s()).isEqualTo("FAILED");
        assertThat(job.get("reason").s()).isEqualTo("NO_TEXT");
        assertThat(job.get("error").s()).contains("textract OCR ran on 1 of 1 page(s) and read nothing");
    }
}
