package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import io.docflow.config.DocflowProperties;
import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.TextExtractor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR of generated scans with the local Tesseract (installed by .ci/run), through Tika's text layer first. */
class DocumentOcrTest {

    private static final TextExtractor extractor = new TextExtractor(ExtractionSettings.defaults());
    private static final ExecutorService pool = Executors.newFixedThreadPool(2);
    private static final OcrSettings DEFAULTS = OcrSettings.defaults();
    private static final TesseractEngine tesseract = new TesseractEngine(DEFAULTS);

    @TempDir
    Path dir;

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void anInvoiceScanIsReadWithItsConfidence() throws IOException {
        DocumentOcr.Scan scan = read(ocr(DEFAULTS), "invoice.png",
                Scans.encode(Scans.page(Scans.invoice("INV-OCR-1", "1,100.00"), 150), "png"));

        assertThat(scan.document().text()).contains("Invoice Number: INV-OCR-1", "Total: $1,100.00");
        assertThat(scan.document().pages()).isEqualTo(1);
        assertThat(scan.document().language()).isEqualTo("en");
        assertThat(scan.report().pages()).singleElement().satisfies(page -> {
            assertThat(page.source()).isEqualTo(PageSource.OCR);
            assertThat(page.engine()).isEqualTo("tesseract");
            assertThat(page.confidence()).isGreaterThan(80.0);
        });
        assertThat(scan.report().meanConfidence()).isGreaterThan(80.0);
        assertThat(scan.report().textConfidence()).isGreaterThan(0.8).isLessThan(1.0);
    }

    @Test
    void aPageTurnedUpsideDownIsReadTheRightWayUp() throws IOException {
        BufferedImage upsideDown = Scans.turned(Scans.page(Scans.invoice("INV-TURN-2", "20.00"), 200), 2);

        DocumentOcr.Scan scan = read(ocr(DEFAULTS), "turned.png", Scans.encode(upsideDown, "png"));

        assertThat(tesseract.detectsOrientation()).as("osd.traineddata installed").isTrue();
        assertThat(scan.document().text()).contains("INV-TURN-2");
    }

    @Test
    void eachPageOfAMultipageTiffIsOnePage() throws IOException {
        byte[] tiff = Scans.multipageTiff(List.of(
                Scans.page(List.of("INVOICE", "Invoice Number: INV-TIFF-3"), 200),
                Scans.page(List.of("Total: $3,300.00"), 200)));

        DocumentOcr.Scan scan = read(ocr(DEFAULTS), "copier.tif", tiff);

        assertThat(scan.document().contentType()).isEqualTo("image/tiff");
        assertThat(scan.document().pages()).isEqualTo(2);
        assertThat(scan.report().pages()).extracting(PageText::source).containsExactly(PageSource.OCR, PageSource.OCR);
        assertThat(scan.document().pageText(0)).contains("INV-TIFF-3");
        assertThat(scan.document().pageText(1)).contains("3,300.00");
    }

    @Test
    void aMixedPdfKeepsItsTextPageAndOcrsTheScannedOne() throws IOException {
        byte[] pdf = Scans.mixedPdf(List.of("INVOICE", "Invoice Number: INV-MIX-4", "Bill To: Example Corp"),
                Scans.page(List.of("Total: $4,400.00"), 150));

        DocumentOcr.Scan scan = read(ocr(DEFAULTS), "mixed.pdf", pdf);

        assertThat(scan.report().pages()).extracting(PageText::source)
                .containsExactly(PageSource.TEXT_LAYER, PageSource.OCR);
        assertThat(scan.report().pages().get(0).confidence()).isNull();
        assertThat(scan.report().pagesBySource()).containsEntry(PageSource.TEXT_LAYER, "1").containsEntry(PageSource.OCR, "2");
        assertThat(scan.document().text()).contains("Invoice Number: INV-MIX-4", "Total: $4,400.00");
        assertThat(scan.document().text().indexOf("INV-MIX-4")).isLessThan(scan.document().text().indexOf("4,400.00"));
    }

    @Test
    void aTextPdfIsNotOcrdButItsPagesAreRecorded() throws IOException {
        byte[] pdf = Scans.mixedPdf(List.of("Dear Ms Smith, thank you for your letter."), Scans.blank(100, 100));
        Path file = write("text.pdf", pdf);
        ExtractedDocument layer = extractor.extract(file, "text.pdf");

        DocumentOcr.Scan scan = ocr(DEFAULTS).read(file, layer, "text.pdf");

        assertThat(scan.report().pages()).hasSize(2);
        assertThat(scan.report().pages().get(0).source()).isEqualTo(PageSource.TEXT_LAYER);
        assertThat(scan.report().pages().get(1)).satisfies(page -> {
            assertThat(page.source()).isEqualTo(PageSource.NONE);
            assertThat(page.ocrRan()).isTrue();
        });
        assertThat(scan.document().text()).isEqualTo(layer.text());
    }

    @Test
    void aBlankImageReadsNothingAndSaysWhichEngineRanOnHowManyPages() throws IOException {
        DocumentOcr.Scan scan = read(ocr(DEFAULTS), "blank.png", Scans.encode(Scans.blank(1275, 1650), "png"));

        assertThat(scan.document().hasText()).isFalse();
        assertThat(scan.report().pagesOcrd()).isEqualTo(1);
        assertThat(scan.report().noTextSummary()).isEqualTo("tesseract OCR ran on 1 of 1 page(s) and read nothing");
        assertThat(scan.report().limitReached()).isNull();
    }

    @Test
    void anImageOverThePixelLimitIsLeftOutWithTheReason() throws IOException {
        OcrSettings small = with(DEFAULTS, s -> copy(s, 1_000_000L, s.maxPages(), s.pageTimeout(), s.enabled(), s.maxConcurrentDocuments(), s.slotWait()));

        DocumentOcr.Scan scan = read(ocr(small), "huge.png", Scans.encode(Scans.blank(2000, 1000), "png"));

        assertThat(scan.report().pagesOcrd()).isZero();
        assertThat(scan.report().limitReached()).isEqualTo(LeftOut.IMAGE_TOO_LARGE);
        assertThat(scan.report().pages().get(0).reason())
                .isEqualTo("2000x1000 = 2000000 pixels, more than docflow.ocr.max-image-pixels (1000000)");
        assertThat(scan.report().noTextSummary()).contains("tesseract OCR ran on 0 of 1 page(s); left out: page 1 IMAGE_TOO_LARGE");
    }

    @Test
    void pagesPastTheCapAreLeftOutAndTheOthersRead() throws IOException {
        OcrSettings twoPages = copy(DEFAULTS, DEFAULTS.maxImagePixels(), 2, DEFAULTS.pageTimeout(), true, 2, DEFAULTS.slotWait());
        byte[] pdf = Scans.imagePdf(List.of(Scans.page(List.of("First page INVOICE"), 100),
                Scans.page(List.of("Second page"), 100), Scans.page(List.of("Third page"), 100)));

        DocumentOcr.Scan scan = read(ocr(twoPages), "three.pdf", pdf);

        assertThat(scan.report().pages()).extracting(PageText::source)
                .containsExactly(PageSource.OCR, PageSource.OCR, PageSource.NONE);
        assertThat(scan.report().pages().get(2).leftOut()).isEqualTo(LeftOut.PAGE_LIMIT);
        assertThat(scan.report().leftOutPages()).containsEntry(LeftOut.PAGE_LIMIT, "3");
        assertThat(scan.document().text()).contains("First page", "Second page").doesNotContain("Third");
    }

    @Test
    void aPageOverItsTimeLimitIsLeftOut() throws IOException {
        OcrSettings hasty = copy(DEFAULTS, DEFAULTS.maxImagePixels(), 50, Duration.ofMillis(1), true, 2, DEFAULTS.slotWait());

        DocumentOcr.Scan scan = read(ocr(hasty), "slow.png", Scans.encode(Scans.page(List.of("INVOICE"), 100), "png"));

        assertThat(scan.report().pages().get(0).leftOut()).isEqualTo(LeftOut.PAGE_TIMEOUT);
        assertThat(scan.report().limitReached()).isEqualTo(LeftOut.PAGE_TIMEOUT);
    }

    @Test
    void withOcrOffAScanHasNoTextAndTheReportSaysSo() throws IOException {
        OcrSettings off = copy(DEFAULTS, DEFAULTS.maxImagePixels(), 50, DEFAULTS.pageTimeout(), false, 2, DEFAULTS.slotWait());

        DocumentOcr.Scan scan = read(new DocumentOcr(off, tesseract, pool, extractor, ExtractionSettings.defaults()),
                "scan.png", Scans.encode(Scans.page(List.of("INVOICE"), 100), "png"));

        assertThat(scan.document().hasText()).isFalse();
        assertThat(scan.report().engine()).isEqualTo("none");
        assertThat(scan.report().noTextSummary()).isEqualTo("OCR is off (docflow.ocr.enabled=false): no engine ran on its 1 page(s)");
    }

    @Test
    void aDocumentFindingNoFreeSlotInTimeIsToldToWait() throws Exception {
        OcrSettings oneSlot = copy(DEFAULTS, DEFAULTS.maxImagePixels(), 50, DEFAULTS.pageTimeout(), true, 1, Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        OcrEngine blocking = new OcrEngine() {
            @Override
            public String name() {
                return "blocking";
            }

            @Override
            public PageRead read(Path image, int dpi, Duration timeout) throws InterruptedException {
                reading.countDown();
                release.await();
                return new PageRead("INVOICE\n", 90.0);
            }
        };
        DocumentOcr ocr = new DocumentOcr(oneSlot, blocking, pool, extractor, ExtractionSettings.defaults());
        byte[] png = Scans.encode(Scans.page(List.of("INVOICE"), 100), "png");
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<DocumentOcr.Scan> first = caller.submit(() -> read(ocr, "first.png", png));
            reading.await();

            assertThatThrownBy(() -> read(ocr, "second.png", png))
                    .isInstanceOf(OcrUnavailableException.class)
                    .hasMessageContaining("docflow.ocr.max-concurrent-documents");
            release.countDown();
            assertThat(first.get().document().text()).contains("INVOICE");
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void lowMeanConfidenceSendsTheDocumentToReview() {
        OcrReport report = new OcrReport("tesseract", List.of("eng"), List.of(
                new PageText(1, PageSource.TEXT_LAYER, 300, null, null, null, null),
                new PageText(2, PageSource.OCR, 100, "tesseract", 40.0, null, null)), 10);
        DocumentOcr ocr = ocr(DEFAULTS);

        assertThat(ocr.lowConfidence(report)).isEqualTo(
                "Mean OCR confidence 40.0 of 1 OCR'd page(s) is below docflow.ocr.review-below (60.0)");
        assertThat(report.textConfidence()).isEqualTo((300 + 0.4 * 100) / 400);
        assertThat(ocr.lowConfidence(null)).isNull();
    }

    private DocumentOcr ocr(OcrSettings settings) {
        return new DocumentOcr(settings, tesseract, pool, extractor, ExtractionSettings.defaults());
    }

    private DocumentOcr.Scan read(DocumentOcr ocr, String name, byte[] content) throws IOException {
        Path file = write(name, content);
        return ocr.read(file, extractor.extract(file, name), name);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(Files.createTempDirectory(dir, "doc").resolve(name), content);
    }

    private static OcrSettings with(OcrSettings settings, UnaryOperator<OcrSettings> change) {
        return change.apply(settings);
    }

    private static OcrSettings copy(OcrSettings s, long maxImagePixels, int maxPages, Duration pageTimeout, boolean enabled,
                                    int maxConcurrentDocuments, Duration slotWait) {
        return new OcrSettings(enabled, s.engine(), s.languages(), s.detectOrientation(), s.deskew(), s.dpi(), maxPages, maxImagePixels,
                s.minPageCharacters(), pageTimeout, s.documentTimeout(), s.threads(), maxConcurrentDocuments, slotWait,
                s.reviewBelow(), s.tesseract(), s.textract());
    }

    static DocflowProperties.Breaker breaker() {
        return DEFAULTS.textract().breaker();
    }
}
