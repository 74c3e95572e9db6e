package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.evaluation.Levenshtein;
import io.docflow.local.DocflowTest;
import io.docflow.ocr.Photos;
import io.docflow.ocr.Scans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Scans through the whole pipeline with the local Tesseract: images in every format at a few resolutions, pages fed
 * in sideways, scanned and mixed PDFs and a copier's multipage TIFF end COMPLETED with their class and fields, each
 * page's source recorded in the result and the job item; blank and oversized scans fail with their reason.
 */
@DocflowTest
@TestPropertySource(properties = {
        // a bucket and queue of its own: other docflow contexts cached in this JVM must not take its documents
        "docflow.buckets.input=ocr-input", "docflow.queues.ingest=ocr-ingest", "docflow.queues.legacy-requests=ocr-legacy-requests",
        "docflow.queues.legacy-responses=ocr-legacy-responses", "docflow.queues.ingest-dlq=ocr-ingest-dlq",
        // a limit an image can exceed without costing the test much memory
        "docflow.ocr.max-image-pixels=20000000",
        // the machine running the tests may be busy: documents wait for a slot rather than being parked
        "docflow.ocr.slot-wait=120s"})
class OcrPipelineTest {

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
    void invoiceScansInEveryImageFormatAndSeveralResolutionsAreReadClassifiedAndExtracted() {
        Map<String, String> jobs = Map.of(
                "INV-PNG-300", documents.put("scans/invoice-300dpi.png", image("INV-PNG-300", "1,100.00", 300, "png")),
                "INV-JPG-200", documents.put("scans/invoice-200dpi.jpg", image("INV-JPG-200", "1,100.00", 200, "jpeg")),
                "INV-GIF-150", documents.put("scans/invoice-150dpi.gif", image("INV-GIF-150", "1,100.00", 150, "gif")),
                "INV-BMP-100", documents.put("scans/invoice-100dpi.bmp", image("INV-BMP-100", "1,100.00", 100, "bmp")));

        jobs.forEach((number, jobId) -> {
            Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
            assertCompletedInvoice(job, number, "1100.00");
            assertThat(job.get("pageSources").m()).containsExactly(Map.entry("OCR", AttributeValue.fromS("1")));
            assertThat(job.get("ocrEngine").s()).isEqualTo("tesseract");
            assertThat(Double.parseDouble(job.get("ocrConfidence").n())).isGreaterThan(80);
            JsonNode result = documents.result(jobId);
            assertThat(result.at("/pages/0/source").asText()).isEqualTo("OCR");
            assertThat(result.at("/pages/0/engine").asText()).isEqualTo("tesseract");
            assertThat(result.at("/pages/0/confidence").asDouble()).isGreaterThan(80);
            assertThat(result.at("/ocr/complete").asBoolean()).isTrue();
            // the document's confidence is the classification's lowered by the OCR confidence
            assertThat(result.at("/confidence").asDouble()).isLessThan(result.at("/classification/confidence").asDouble());
            assertThat(Double.parseDouble(job.get("confidence").n())).isEqualTo(result.at("/confidence").asDouble());
        });
    }

    @Test
    void pagesFedInSidewaysUpsideDownOrSkewedAreStraightenedAndRead() {
        BufferedImage page = Scans.page(Scans.invoice("INV-TURNED-90", "90.00"), 200);
        String sideways = documents.put("scans/sideways.jpg", Scans.encode(Scans.turned(page, 1), "jpeg"));
        String upsideDown = documents.put("scans/upside-down.png", Scans.encode(
                Scans.turned(Scans.page(Scans.invoice("INV-TURNED-180", "180.00"), 200), 2), "png"));

        String skewed = documents.put("scans/skewed.png", Scans.encode(Scans.page(Scans.invoice("INV-SKEWED-3", "3.00"),
                200, 3, BufferedImage.TYPE_INT_RGB), "png"));

        assertCompletedInvoice(documents.awaitFinal(skewed, AT_MOST), "INV-SKEWED-3", "3.00");
        assertCompletedInvoice(documents.awaitFinal(sideways, AT_MOST), "INV-TURNED-90", "90.00");
        assertCompletedInvoice(documents.awaitFinal(upsideDown, AT_MOST), "INV-TURNED-180", "180.00");
    }

    @Test
    void aPdfOfScannedPagesIsOcrdPageByPage() {
        String jobId = documents.put("scans/scanned-invoice.pdf", Scans.imagePdf(List.of(
                Scans.page(List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: INV-PDF-2", "Bill To: Example Corp"), 150),
                Scans.page(List.of("Subtotal: $2,000.00", "Tax: $200.00", "Total: $2,200.00"), 150))));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertCompletedInvoice(job, "INV-PDF-2", "2200.00");
        assertThat(job.get("pageSources").m()).containsExactly(Map.entry("OCR", AttributeValue.fromS("1-2")));
        assertThat(job.get("ocrPageConfidence").m()).containsOnlyKeys("1", "2");
        JsonNode result = documents.result(jobId);
        assertThat(result.at("/document/pages").asInt()).isEqualTo(2);
        assertThat(result.at("/pages").findValuesAsText("source")).containsExactly("OCR", "OCR");
    }

    @Test
    void aMultipageTiffFromACopierIsReadPageByPage() {
        String jobId = documents.put("scans/copier.tif", Scans.multipageTiff(List.of(
                Scans.page(List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: INV-TIFF-3", "Bill To: Example Corp"), 200),
                Scans.page(List.of("Subtotal: $3,000.00", "Tax: $300.00", "Total: $3,300.00"), 200))));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        JsonNode result = documents.result(jobId);
        assertThat(result.at("/pages").findValuesAsText("source")).as("%s", result.at("/pages")).containsExactly("OCR", "OCR");
        assertCompletedInvoice(job, "INV-TIFF-3", "3300.00");
        assertThat(result.at("/document/contentType").asText()).isEqualTo("image/tiff");
        assertThat(result.at("/pages").findValuesAsText("source")).containsExactly("OCR", "OCR");
    }

    @Test
    void aMixedPdfKeepsItsTextPageAndOcrsItsScannedPage() {
        String jobId = documents.put("scans/mixed.pdf", Scans.mixedPdf(
                List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: INV-MIX-4", "Invoice Date: 2026-03-01",
                        "Bill To: Example Corp"),
                Scans.page(List.of("Subtotal: $4,000.00", "Tax: $400.00", "Total: $4,400.00"), 150)));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertCompletedInvoice(job, "INV-MIX-4", "4400.00");
        assertThat(job.get("pageSources").m()).containsOnly(
                Map.entry("TEXT_LAYER", AttributeValue.fromS("1")), Map.entry("OCR", AttributeValue.fromS("2")));
        assertThat(job.get("ocrPageConfidence").m()).containsOnlyKeys("2");
        JsonNode result = documents.result(jobId);
        assertThat(result.at("/pages/0/source").asText()).isEqualTo("TEXT_LAYER");
        assertThat(result.at("/pages/0/confidence").isMissingNode()).isTrue();
        assertThat(result.at("/pages/1/source").asText()).isEqualTo("OCR");
        assertThat(result.at("/ocr/pagesOcrd").asInt()).isEqualTo(1);
    }

    @Test
    void aBlankScanFailsWithNoTextSayingWhichEngineRanOnHowManyPages() {
        String jobId = documents.put("scans/blank.png", Scans.encode(Scans.blank(1275, 1650), "png"));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertThat(job.get("status").s()).isEqualTo("FAILED");
        assertThat(job.get("reason").s()).isEqualTo("NO_TEXT");
        assertThat(job.get("error").s()).contains("(image/png)", "tesseract OCR ran on 1 of 1 page(s) and read nothing");
        assertThat(job.get("pageSources").m()).containsExactly(Map.entry("NONE", AttributeValue.fromS("1")));
    }

    @Test
    void anOversizedImageFailsWithItsLimitWhileOtherDocumentsKeepFlowing() {
        String oversized = documents.put("scans/poster.png", Scans.encode(Scans.blank(5000, 5000), "png"));
        String scan = documents.put("scans/next-in-line.png", image("INV-NEXT-5", "55.00", 150, "png"));
        String text = documents.put("scans/text-neighbour.pdf", Fixtures.pdfOf(Fixtures.invoiceText("INV-TEXT-5", "66.00")));

        Map<String, AttributeValue> job = documents.awaitFinal(oversized, AT_MOST);
        assertThat(job.get("status").s()).isEqualTo("FAILED");
        assertThat(job.get("reason").s()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(job.get("error").s()).contains("page 1 IMAGE_TOO_LARGE (5000x5000 = 25000000 pixels, more than "
                + "docflow.ocr.max-image-pixels (20000000))");
        assertThat(job.get("pagesLeftOut").m()).containsExactly(Map.entry("IMAGE_TOO_LARGE", AttributeValue.fromS("1")));
        assertThat(documents.result(oversized).at("/pages/0/leftOut").asText()).isEqualTo("IMAGE_TOO_LARGE");
        assertCompletedInvoice(documents.awaitFinal(scan, AT_MOST), "INV-NEXT-5", "55.00");
        Map<String, AttributeValue> textJob = documents.awaitFinal(text, AT_MOST);
        assertCompletedInvoice(textJob, "INV-TEXT-5", "66.00");
        assertThat(textJob.get("pageSources").m()).containsExactly(Map.entry("TEXT_LAYER", AttributeValue.fromS("1")));
        assertThat(textJob).doesNotContainKey("ocrConfidence");
    }

    @Test
    void transparentScansTurnedAnyWayReadAsTheUprightPageWithTheirReadingInTheResult() {
        BufferedImage upright = Scans.page(Scans.invoice("INV-RGBA-7", "7.00"), 150);
        Map<Integer, String> jobs = new LinkedHashMap<>();
        for (int quarter = 0; quarter < 4; quarter++) {
            // a 16-bit RGBA PNG whose paper is transparent: drawn onto black, as before, it is a black page
            jobs.put(quarter * 90, documents.put("scans/rgba-turned-" + quarter * 90 + ".png",
                    Scans.encode(Photos.transparentPage(Scans.turned(upright, quarter)), "png")));
        }

        String uprightText = null;
        for (var turned : jobs.entrySet()) {
            Map<String, AttributeValue> job = documents.awaitFinal(turned.getValue(), AT_MOST);
            assertCompletedInvoice(job, "INV-RGBA-7", "7.00");
            JsonNode result = documents.result(turned.getValue());
            JsonNode page = result.at("/pages/0");
            assertThat(page.at("/engine").asText()).isEqualTo("tesseract");
            assertThat(page.at("/rotation").asInt()).isEqualTo((360 - turned.getKey()) % 360);
            assertThat(page.at("/languages").toString()).isEqualTo("[\"eng\"]");
            assertThat(page.at("/script").asText()).isEqualTo("Latin");
            assertThat(page.at("/confidence").asDouble()).isGreaterThan(85);
            String text = normalised(documents.text(result));
            if (uprightText == null) {
                uprightText = text;
            }
            int distance = Levenshtein.distance(uprightText, text);
            System.out.printf("rgba turned %d: rotation %d, confidence %.1f, edit distance %d of %d characters, ocr %d ms%n",
                    turned.getKey(), page.at("/rotation").asInt(), page.at("/confidence").asDouble(), distance,
                    uprightText.length(), result.at("/ocr/millis").asLong());
            assertThat(distance).as(text).isLessThanOrEqualTo(uprightText.length() / 50);
        }
    }

    @Test
    void aPhotographedReceiptIsEnlargedReadAndItsTotalExtracted() {
        byte[] photo = Photos.photographed(Photos.printedReceipt(Photos.receipt("19.49"), 200), 380, 570);
        String jobId = documents.put("photos/receipt.jpg", photo);

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        JsonNode result = documents.result(jobId);
        System.out.printf("receipt photo (%d bytes): %s, upscaled %s, confidence %.1f, ocr %d ms, text:%n%s%n", photo.length,
                job.get("status").s(), result.at("/pages/0/upscaled"), result.at("/pages/0/confidence").asDouble(),
                result.at("/ocr/millis").asLong(), documents.text(result));
        assertThat(job.get("status").s()).as("%s", job).isIn("COMPLETED", "NEEDS_REVIEW");
        assertThat(job.get("documentClass").s()).isEqualTo("receipt");
        assertThat(new java.math.BigDecimal(job.get("keyFields").m().get("total").s())).isEqualByComparingTo("19.49");
        assertThat(result.at("/pages/0/upscaled").asDouble()).isGreaterThan(1);
    }

    @Test
    void aScanInAScriptWithoutItsLanguageFailsNamingTheScriptAndThePack() {
        String jobId = documents.put("scans/cyrillic.png", Scans.encode(Scans.page(List.of("ООО Ромашка",
                "СЧЁТ-ФАКТУРА № 42", "Дата: 1 марта 2026 г.", "Покупатель: ООО Пример", "Итого к оплате: 1 100,00 руб.",
                "Без НДС"), 200), "png"));

        Map<String, AttributeValue> job = documents.awaitFinal(jobId, AT_MOST);
        assertThat(job.get("status").s()).as("%s", job).isEqualTo("FAILED");
        assertThat(job.get("reason").s()).isEqualTo("OCR_LANGUAGE_MISSING");
        assertThat(job.get("error").s()).contains("Cyrillic script", "install tesseract-ocr-rus",
                "add rus to docflow.ocr.languages");
        JsonNode page = documents.result(jobId).at("/pages/0");
        assertThat(page.at("/leftOut").asText()).isEqualTo("OCR_LANGUAGE_MISSING");
        assertThat(page.at("/script").asText()).isEqualTo("Cyrillic");
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static byte[] image(String number, String total, int dpi, String format) {
        return Scans.encode(Scans.page(Scans.invoice(number, total), dpi), format);
    }

    static void assertCompletedInvoice(Map<String, AttributeValue> job, String number, String total) {
        assertThat(job.get("status").s()).as("%s", job).isEqualTo("COMPLETED");
        assertThat(job.get("documentClass").s()).isEqualTo("invoice");
        assertThat(job.get("keyFields").m().get("invoiceNumber").s()).isEqualTo(number);
        assertThat(new java.math.BigDecimal(job.get("keyFields").m().get("total").s())).isEqualByComparingTo(total);
    }
}
