package io.docflow.extract.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.docflow.extract.DocumentExtractionException;
import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.ParserIsolation;
import io.docflow.jobs.FailureReason;
import io.docflow.ocr.LeftOut;
import io.docflow.ocr.PageRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The pool's handling of workers that die: real child JVMs. A misbehaving worker (speaking the same protocol)
 * runs out of heap, never answers, or crashes; each fails only its document with its reason, and the next document
 * is parsed by a new worker. The real worker parses a document and refuses a decompression bomb.
 */
class ParserWorkerPoolTest {

    @TempDir Path dir;
    private final List<ParserWorkerPool> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(ParserWorkerPool::close);
    }

    private ParserWorkerPool misbehaving(Duration parseTimeout) {
        ExtractionSettings settings = ExtractionSettings.defaults().withParseTimeout(parseTimeout)
                .withIsolation(new ParserIsolation(true, 1, DataSize.ofMegabytes(64), Duration.ofSeconds(60), List.of()));
        List<String> command = new ArrayList<>(WorkerCommand.of(settings));
        int main = command.indexOf(ParserWorkerMain.class.getName());
        command.set(main, MisbehavingWorker.class.getName());
        ParserWorkerPool pool = new ParserWorkerPool(settings, command);
        pools.add(pool);
        return pool;
    }

    private Path document() throws IOException {
        return Files.writeString(dir.resolve("document.txt"), "anything");
    }

    @Test
    void workersStartOnWarmUpOrForTheFirstDocumentNotBefore() throws IOException {
        ParserWorkerPool pool = misbehaving(Duration.ofSeconds(60));
        assertThat(pool.workerPids()).as("nothing started with the pool").isEmpty();

        pool.warmUp();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pool.workerPids().size() == 1);
        long pid = pool.workerPids().get(0);
        assertThat(pool.extract(document(), "fine").text()).endsWith(" in " + pid);
    }

    @Test
    void aWorkerOutOfHeapFailsItsDocumentAsTooLargeExpandedAndIsReplaced() throws IOException {
        ParserWorkerPool pool = misbehaving(Duration.ofSeconds(60));
        String before = pool.extract(document(), "fine").text();

        assertThatThrownBy(() -> pool.extract(document(), "exhaust-heap"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessageContaining("docflow.extract.isolation.heap, 64MB")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.TOO_LARGE_EXPANDED);

        String after = pool.extract(document(), "fine").text();
        assertThat(after).startsWith("parsed fine in ").isNotEqualTo(before);
    }

    @Test
    void aWorkerThatNeverAnswersIsStoppedAtTheParseTimeout() throws IOException {
        ParserWorkerPool pool = misbehaving(Duration.ofSeconds(2));
        pool.extract(document(), "fine");
        long pid = pool.workerPids().get(0);

        assertThatThrownBy(() -> pool.extract(document(), "never-answer"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessageContaining("docflow.extract.parse-timeout (PT2S)")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.PARSE_TIMEOUT);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the stuck worker is gone").isFalse();
        assertThat(pool.extract(document(), "fine").text()).doesNotContain(Long.toString(pid));
    }

    @Test
    void aCrashedWorkerFailsItsDocumentAsParserCrashed() throws IOException {
        ParserWorkerPool pool = misbehaving(Duration.ofSeconds(60));

        assertThatThrownBy(() -> pool.extract(document(), "crash"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessageContaining("exited with code 134")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.PARSER_CRASHED);

        assertThat(pool.extract(document(), "fine").text()).startsWith("parsed fine");
    }

    @Test
    void theRealWorkerParsesADocumentAndRefusesADecompressionBombWithoutDying() throws IOException {
        ParserWorkerPool pool = new ParserWorkerPool(ExtractionSettings.defaults()
                .withIsolation(new ParserIsolation(true, 1, DataSize.ofMegabytes(256), Duration.ofSeconds(60), List.of())));
        pools.add(pool);
        Path invoice = Files.writeString(dir.resolve("invoice.txt"), "INVOICE\nInvoice Number: ISO-1\nTotal: $1.00\n");

        ExtractedDocument parsed = pool.extract(invoice, "invoice.txt");
        long pid = pool.workerPids().get(0);
        assertThat(parsed.text()).contains("Invoice Number: ISO-1");
        assertThat(parsed.contentType()).isEqualTo("text/plain");

        Path bomb = io.docflow.resilience.HostileDocuments.docxBomb(dir.resolve("bomb.docx"), 200L * 1024 * 1024);
        assertThatThrownBy(() -> pool.extract(bomb, "bomb.docx"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessageContaining("word/document.xml")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.TOO_LARGE_EXPANDED);

        assertThat(pool.extract(invoice, "invoice.txt").text()).contains("ISO-1");
        assertThat(pool.workerPids()).containsExactly(pid);
    }

    @Test
    void aPageThatExhaustsTheWorkersHeapOrTimeIsLeftOutAndTheWorkerReplaced() throws IOException {
        ParserWorkerPool pool = misbehaving(Duration.ofSeconds(60));
        Path png = dir.resolve("page.png");

        PageRenderer.RenderedPage heap = pool.render(Files.writeString(dir.resolve("exhaust-heap"), "x"), "application/pdf",
                1, 300, 1_000_000, PageRenderer.Preparation.NORMALISED, png, Duration.ofSeconds(60));
        PageRenderer.RenderedPage slow = pool.render(Files.writeString(dir.resolve("never-answer"), "x"), "application/pdf",
                1, 300, 1_000_000, PageRenderer.Preparation.NORMALISED, png, Duration.ofSeconds(2));
        PageRenderer.RenderedPage crash = pool.render(Files.writeString(dir.resolve("crash"), "x"), "image/tiff",
                1, 0, 1_000_000, PageRenderer.Preparation.NORMALISED, png, Duration.ofSeconds(60));

        assertThat(heap.leftOut()).isEqualTo(LeftOut.IMAGE_TOO_LARGE);
        assertThat(heap.reason()).contains("rendering page 1 needed more than a parser worker's heap");
        assertThat(slow.leftOut()).isEqualTo(LeftOut.PAGE_TIMEOUT);
        assertThat(slow.reason()).contains("took longer than PT2S");
        assertThat(crash.leftOut()).isEqualTo(LeftOut.UNREADABLE_IMAGE);
        assertThat(crash.reason()).contains("exited with code 134");
        PageRenderer.RenderedPage fine = pool.render(document(), "image/png", 1, 0, 1_000_000, PageRenderer.Preparation.NORMALISED, png, Duration.ofSeconds(60));
        assertThat(fine.isWritten()).isTrue();
        assertThat(Files.readString(png)).isEqualTo("rendered in " + pool.workerPids().get(0));
    }

    @Test
    void theRealWorkerRendersAPdfPageAndRefusesAnOversizedImageFromItsHeader() throws IOException {
        ParserWorkerPool pool = new ParserWorkerPool(ExtractionSettings.defaults()
                .withIsolation(new ParserIsolation(true, 1, DataSize.ofMegabytes(256), Duration.ofSeconds(60), List.of())));
        pools.add(pool);
        Path pdf = io.docflow.extract.PdfFixtures.pdf(dir.resolve("two.pdf"), "t", "a", List.of("one", "two"));
        Path png = dir.resolve("page-2.png");

        PageRenderer.RenderedPage page = pool.render(pdf, "application/pdf", 2, 72, 10_000_000, PageRenderer.Preparation.NORMALISED, png, Duration.ofSeconds(60));
        PageRenderer.RenderedPage huge = pool.render(io.docflow.resilience.HostileDocuments.hugePng(dir.resolve("huge.png"),
                30_000, 30_000), "image/png", 1, 0, 10_000_000, PageRenderer.Preparation.NORMALISED, dir.resolve("huge-1.png"), Duration.ofSeconds(60));

        assertThat(page.isWritten()).isTrue();
        assertThat(page.pages()).isEqualTo(2);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(612);
        assertThat(image.getHeight()).isEqualTo(792);
        assertThat(huge.leftOut()).isEqualTo(LeftOut.IMAGE_TOO_LARGE);
        assertThat(huge.reason()).startsWith("30000x30000 = 900000000 pixels");
        assertThat(Files.exists(dir.resolve("huge-1.png"))).isFalse();
    }
}
