package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.docflow.extract.DocumentExtractionException;
import io.docflow.extract.DocumentParser;
import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.TextChunker;
import io.docflow.extract.TextExtractor;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FailureReason;
import io.docflow.ocr.DocumentOcr;
import io.docflow.ocr.OcrSettings;
import io.docflow.ocr.OcrEngine;
import io.docflow.ocr.PageRead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The extract-text stage with a parser that answers what the test says; text documents need no OCR. */
class TextStageTest {

    private static final ExecutorService ocrPool = Executors.newSingleThreadExecutor();
    private static final ExtractionSettings SETTINGS = ExtractionSettings.defaults().withMaxDocumentBytes(DataSize.ofBytes(100));

    @AfterAll
    static void stopPool() {
        ocrPool.shutdownNow();
    }

    /** Text documents are never OCR'd. */
    private static final OcrEngine NO_OCR_EXPECTED = new OcrEngine() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public PageRead read(Path image, int dpi, java.time.Duration timeout) {
            throw new AssertionError("a text document was sent to OCR");
        }
    };

    private final AtomicReference<Path> spooled = new AtomicReference<>();

    private TextStage stage(DocumentParser parser) {
        DocumentOcr ocr = new DocumentOcr(OcrSettings.defaults(), NO_OCR_EXPECTED, ocrPool,
                new TextExtractor(SETTINGS), SETTINGS);
        return new TextStage((file, name) -> {
            spooled.set(file);
            return parser.extract(file, name);
        }, new TextChunker(SETTINGS), ocr, SETTINGS);
    }

    private static DocumentJob job(long size) {
        SourceObject source = new SourceObject("in", "docs/a.txt", size, "etag", null, null, "s3-notification");
        return new DocumentJob(source.jobId(), source);
    }

    private static ExtractedDocument text(String text) {
        return new ExtractedDocument(text, "text/plain", null, null, null, null, text.length(), false, 1000, List.of(), 0);
    }

    @Test
    void anObjectLargerThanTheLimitIsRefusedBeforeItIsDownloaded() {
        TextStage stage = stage((file, name) -> text("never"));

        assertThatThrownBy(() -> stage.checkSize(job(101)))
                .isInstanceOf(DocumentFailedException.class)
                .hasMessageContaining("s3://in/docs/a.txt has 101 bytes, more than docflow.extract.max-document-bytes (100)")
                .extracting(e -> ((DocumentFailedException) e).reason()).isEqualTo(FailureReason.TOO_LARGE);
        stage.checkSize(job(100));
    }

    @Test
    void theTextOfTheSpooledObjectGoesOnTheJobWithItsChunksAndTheSpoolIsDeleted() {
        DocumentJob job = job(20);
        AtomicReference<String> seen = new AtomicReference<>();
        TextStage stage = stage((file, name) -> {
            seen.set(name + ": " + read(file));
            return text("INVOICE\nTotal: $1.00\n");
        });

        stage.extractText(job, new ByteArrayInputStream("the object's bytes".getBytes(StandardCharsets.UTF_8)));

        assertThat(seen.get()).isEqualTo("docs/a.txt: the object's bytes");
        assertThat(job.text().document().text()).isEqualTo("INVOICE\nTotal: $1.00\n");
        assertThat(job.text().chunks().chunks()).hasSize(1);
        assertThat(spooled.get()).doesNotExist();
    }

    @Test
    void aDocumentWithoutTextFailsNoText() {
        DocumentJob job = job(3);

        assertThatThrownBy(() -> stage((file, name) -> text("  \n")).extractText(job, new ByteArrayInputStream(new byte[3])))
                .isInstanceOf(DocumentFailedException.class)
                .hasMessage("No text could be extracted from s3://in/docs/a.txt (text/plain); it may be empty")
                .extracting(e -> ((DocumentFailedException) e).reason()).isEqualTo(FailureReason.NO_TEXT);
        assertThat(spooled.get()).doesNotExist();
    }

    @Test
    void aParserFailureKeepsItsReasonAndTheSpoolIsDeletedAnyway() {
        TextStage stage = stage((file, name) -> {
            throw new DocumentExtractionException(FailureReason.TOO_LARGE_EXPANDED, "a bomb");
        });

        assertThatThrownBy(() -> stage.extractText(job(3), new ByteArrayInputStream(new byte[3])))
                .isInstanceOf(DocumentExtractionException.class).hasMessage("a bomb");
        assertThat(spooled.get()).doesNotExist();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
