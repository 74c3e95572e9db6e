package io.docflow.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.TextExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives scans their text: the frames of an image and the PDF pages without a usable text layer are OCR'd, within
 * the limits of {@code docflow.ocr.*}; PDF pages with text keep the text Tika extracted. Every page gets a
 * {@link PageText} saying where its text came from, and a page left out says why, never silently.
 * <p>
 * Bounded cost: a document waits at most {@code slot-wait} for one of {@code max-concurrent-documents} slots (else it
 * is parked, so scans never tie up every ingest consumer); its pages are rendered one at a time by the
 * {@link PageRenderer} (in a parser worker when parsing is isolated) and read on the shared pool of {@code threads} OCR
 * threads, each page within {@code page-timeout} and the whole
 * document within {@code document-timeout}. Thread-safe.
 */
public class DocumentOcr {

    private static final Logger log = LoggerFactory.getLogger(DocumentOcr.class);
    private static final String PDF = "application/pdf";

    private final OcrSettings settings;
    private final OcrEngine engine;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final TextExtractor languages;
    private final int maxCharacters;
    private final PageRenderer renderer;

    /** Renders pages in this JVM. */
    public DocumentOcr(OcrSettings settings, OcrEngine engine, ExecutorService pool, TextExtractor languages,
                       ExtractionSettings extraction) {
        this(settings, engine, pool, languages, extraction, new InProcessPageRenderer());
    }

    public DocumentOcr(OcrSettings settings, OcrEngine engine, ExecutorService pool, TextExtractor languages,
                       ExtractionSettings extraction, PageRenderer renderer) {
        this.renderer = renderer;
        this.settings = settings;
        this.engine = engine;
        this.pool = pool;
        this.slots = new Semaphore(settings.maxConcurrentDocuments(), true);
        this.languages = languages;
        this.maxCharacters = extraction.maxCharacters();
    }

    /** A document with the OCR'd text in place, and where each page's text came from (null: not a paged type). */
    public record Scan(ExtractedDocument document, OcrReport report) {
    }

    /**
     * OCRs what needs it in the spooled {@code file}, whose text layer Tika gave as {@code document}.
     * Images and PDFs get a report; other types come back unchanged without one.
     *
     * @throws OcrUnavailableException no OCR slot came free in time, or the engine is unavailable: park the document
     */
    public Scan read(Path file, ExtractedDocument document, String description) {
        if (document.contentType().startsWith("image/")) {
            return image(file, document, description);
        }
        if (PDF.equals(document.contentType()) && !document.pageStarts().isEmpty()) {
            return pdf(file, document, description);
        }
        return new Scan(document, null);
    }

    /** Why a document with this report needs review (mean OCR confidence below docflow.ocr.review-below); null if not. */
    public String lowConfidence(OcrReport report) {
        Double mean = report == null ? null : report.meanConfidence();
        if (mean == null || mean >= settings.reviewBelow()) {
            return null;
        }
        return "Mean OCR confidence %.1f of %d OCR'd page(s) is below docflow.ocr.review-below (%s)"
                .formatted(mean, report.pagesOcrd(), settings.reviewBelow());
    }

    public String engineName() {
        return settings.enabled() ? engine.name() : "none";
    }

    private Scan image(Path file, ExtractedDocument document, String description) {
        long started = System.nanoTime();
        if (!settings.enabled()) {
            return finish(document, List.of(new Page(1, "")), List.of(PageText.leftOut(1, null, LeftOut.OCR_DISABLED,
                    "docflow.ocr.enabled=false")), started, 1);
        }
        return withSlot(description, () -> {
            try (Work work = new Work(file, document.contentType(), description)) {
                int frames = 1;
                for (int page = 1; page <= frames; page++) {
                    if (work.leftOutBeforeRendering(page)) {
                        continue;
                    }
                    PageRenderer.RenderedPage rendered = work.renderAndRead(page, 0);
                    if (page == 1) {
                        frames = Math.max(1, rendered.pages());
                    }
                }
                return finish(document, work.collect(frames), started);
            }
        });
    }

    private Scan pdf(Path file, ExtractedDocument document, String description) {
        long started = System.nanoTime();
        int pageCount = document.pageStarts().size();
        List<Integer> scanned = new ArrayList<>();
        for (int index = 0; index < pageCount; index++) {
            if (visibleCharacters(document.pageText(index)) < settings.minPageCharacters()) {
                scanned.add(index);
            }
        }
        if (scanned.isEmpty()) {
            return new Scan(document, report(textLayerPages(document, List.of()), started));
        }
        if (!settings.enabled()) {
            List<Page> pages = layerPages(document);
            List<PageText> texts = textLayerPages(document, scanned);
            scanned.forEach(index -> texts.set(index, PageText.leftOut(index + 1, null, LeftOut.OCR_DISABLED,
                    "docflow.ocr.enabled=false")));
            return finish(document, pages, texts, started, pageCount);
        }
        return withSlot(description, () -> {
            try (Work work = new Work(file, PDF, description)) {
                for (int index : scanned) {
                    int page = index + 1;
                    if (!work.leftOutBeforeRendering(page)) {
                        work.renderAndRead(page, settings.dpi());
                    }
                }
                List<PageOutcome> outcomes = work.collect(pageCount);
                List<Page> pages = layerPages(document);
                List<PageText> texts = textLayerPages(document, scanned);
                for (PageOutcome outcome : outcomes) {
                    int index = outcome.text().page() - 1;
                    if (!scanned.contains(index)) {
                        continue;
                    }
                    // the OCR text replaces the page's (near-empty) text layer only when it holds more
                    String layer = pages.get(index).text();
                    PageText ocr = outcome.text();
                    PageSource layerSource = layer.isBlank() ? PageSource.NONE : PageSource.TEXT_LAYER;
                    if (ocr.leftOut() != null) {
                        texts.set(index, new PageText(index + 1, layerSource, layer.length(), ocr.engine(), null,
                                ocr.leftOut(), ocr.reason(), ocr.reading()));
                    } else if (visibleCharacters(outcome.page().text()) > visibleCharacters(layer)) {
                        pages.set(index, outcome.page());
                        texts.set(index, ocr);
                    } else {
                        texts.set(index, new PageText(index + 1, layerSource, layer.length(), ocr.engine(),
                                ocr.confidence(), null, "OCR read no more than the text layer", ocr.reading()));
                    }
                }
                return finish(document, pages, texts, started, pageCount);
            }
        });
    }

    /** The text layer per page; whatever Tika wrote before the first page goes with it. */
    private static List<Page> layerPages(ExtractedDocument document) {
        List<Page> pages = new ArrayList<>();
        for (int index = 0; index < document.pageStarts().size(); index++) {
            String prefix = index == 0 ? document.text().substring(0, document.pageStarts().get(0)) : "";
            pages.add(new Page(index + 1, prefix + document.pageText(index)));
        }
        return pages;
    }

    /** Every page as a text-layer page, except the scanned ones (to be filled in), which read nothing so far. */
    private List<PageText> textLayerPages(ExtractedDocument document, List<Integer> scanned) {
        List<PageText> texts = new ArrayList<>();
        for (int index = 0; index < document.pageStarts().size(); index++) {
            String text = document.pageText(index);
            texts.add(scanned.contains(index)
                    ? new PageText(index + 1, text.isBlank() ? PageSource.NONE : PageSource.TEXT_LAYER, text.length(),
                            null, null, null, null)
                    : PageText.textLayer(index + 1, text.length()));
        }
        return texts;
    }

    private Scan finish(ExtractedDocument document, List<PageOutcome> outcomes, long started) {
        List<Page> pages = outcomes.stream().map(PageOutcome::page).toList();
        List<PageText> texts = outcomes.stream().map(PageOutcome::text).toList();
        return finish(document, pages, texts, started, pages.size());
    }

    /** Joins the pages' text in page order, capped at docflow.extract.max-characters, with the report. */
    private Scan finish(ExtractedDocument document, List<Page> pages, List<PageText> texts, long started, int pageCount) {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        boolean truncated = false;
        List<PageText> counted = new ArrayList<>(texts);
        for (Page page : pages) {
            String pageText = truncated ? "" : page.text();
            if (text.length() + pageText.length() > maxCharacters) {
                pageText = pageText.substring(0, maxCharacters - text.length());
                truncated = true;
            }
            if (!truncated || !pageText.isEmpty()) {
                starts.add(text.length());
            }
            text.append(pageText);
            int index = page.number() - 1;
            counted.set(index, counted.get(index).withCharacters(pageText.length()));
        }
        String all = text.toString();
        ExtractedDocument read = all.equals(document.text()) ? document
                : document.withText(all, pageCount, languages.language(all), truncated, starts);
        OcrReport report = report(counted, started);
        if (report.pagesOcrd() > 0 || !report.leftOut().isEmpty()) {
            log.debug("OCR of {}: {} of {} page(s) by {}, mean confidence {}, left out {}", document.contentType(),
                    report.pagesOcrd(), pageCount, report.engine(), report.meanConfidence(), report.leftOutPages());
        }
        return new Scan(read, report);
    }

    private OcrReport report(List<PageText> pages, long started) {
        return new OcrReport(engineName(), settings.effectiveLanguages(), pages,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private interface SlotWork {
        Scan run() throws IOException;
    }

    private Scan withSlot(String description, SlotWork work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(settings.slotWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrUnavailableException("Interrupted while waiting for an OCR slot for " + description, e);
        }
        if (!acquired) {
            throw new OcrUnavailableException("All " + settings.maxConcurrentDocuments()
                    + " OCR slots (docflow.ocr.max-concurrent-documents) stayed busy for docflow.ocr.slot-wait ("
                    + settings.slotWait() + "); " + description + " waits on the queue");
        }
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException("OCR of " + description + " failed to read or write a file", e);
        } finally {
            slots.release();
        }
    }

    private static int visibleCharacters(String text) {
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
    }

    /** One page's text in the document's order. */
    private record Page(int number, String text) {
    }

    private record PageOutcome(Page page, PageText text) {
    }

    /**
     * The OCR of one document's pages: each rendered page is written to a temporary PNG and read on the pool; the
     * results are collected in page order within the document's deadline. Closing cancels what is still running
     * (a cancelled tesseract process is killed) and deletes the files.
     */
    private final class Work implements AutoCloseable {

        private final Path document;
        private final String contentType;
        private final String description;
        private final long deadline = System.nanoTime() + settings.documentTimeout().toNanos();
        private final Path directory;
        private final List<PageOutcome> done = new ArrayList<>();
        private final List<Submitted> running = new ArrayList<>();
        private int submitted;

        /** @param languageMissing why the page's script may have no language; null when it has one */
        private record Submitted(int page, Future<PageRead> future, PageText.Reading reading, String languageMissing) {
        }

        Work(Path document, String contentType, String description) throws IOException {
            this.document = document;
            this.contentType = contentType;
            this.description = description;
            this.directory = Files.createTempDirectory("docflow-ocr-");
        }

        /** True (and the page recorded as left out) when the page cap or the document's deadline leaves it out. */
        boolean leftOutBeforeRendering(int page) {
            if (submitted >= settings.maxPages()) {
                leftOut(page, LeftOut.PAGE_LIMIT, "only the first " + settings.maxPages()
                        + " pages needing OCR are read (docflow.ocr.max-pages)");
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                leftOut(page, LeftOut.DOCUMENT_TIMEOUT, documentTimeoutReason());
                return true;
            }
            return false;
        }

        void leftOut(int page, LeftOut why, String reason) {
            done.add(new PageOutcome(new Page(page, ""), PageText.leftOut(page, engine.name(), why, reason)));
        }

        /**
         * Renders the page (a parser worker decodes it when parsing is isolated) and hands its image to the OCR pool,
         * or records why it is left out.
         */
        PageRenderer.RenderedPage renderAndRead(int page, int dpi) {
            Path png = directory.resolve("page-" + page + ".png");
            Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Duration timeout = remaining.compareTo(settings.pageTimeout()) < 0 ? remaining : settings.pageTimeout();
            PageRenderer.RenderedPage rendered = renderer.render(document, contentType, page, dpi,
                    settings.maxImagePixels(), new PageRenderer.Preparation(settings.deskew(), engine.orientationPass()),
                    png, timeout);
            if (!rendered.isWritten()) {
                leftOut(page, rendered.leftOut(), rendered.reason());
                return rendered;
            }
            List<String> languages = "tesseract".equals(engine.name()) ? settings.effectiveLanguages() : List.of();
            PageText.Reading reading = new PageText.Reading(rendered.rotation(), languages, rendered.script(),
                    rendered.scale(), rendered.deskewed());
            // a PDF page enlarged for small text has a higher resolution than it was rendered at
            int effectiveDpi = (int) Math.round(dpi * rendered.scale());
            running.add(new Submitted(page, pool.submit(() -> engine.read(png, effectiveDpi, settings.pageTimeout())),
                    reading, Scripts.missing(rendered.script(), settings.effectiveLanguages())));
            submitted++;
            return rendered;
        }

        /** Every page's outcome in page order: waits for the submitted pages until the document's deadline. */
        List<PageOutcome> collect(int pageCount) {
            for (Submitted page : running) {
                done.add(outcome(page));
            }
            running.clear();
            done.sort(Comparator.comparingInt(o -> o.page().number()));
            return List.copyOf(done);
        }

        private PageOutcome outcome(Submitted submitted) {
            int page = submitted.page();
            try {
                long remaining = deadline - System.nanoTime();
                PageRead read = submitted.future().get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
                PageText.Reading reading = read.rotation() == null ? submitted.reading()
                        : submitted.reading().rotated(read.rotation());
                if (submitted.languageMissing() != null && !readConfidently(read)) {
                    return new PageOutcome(new Page(page, ""), new PageText(page, PageSource.NONE, 0, engine.name(),
                            read.confidence(), LeftOut.OCR_LANGUAGE_MISSING, submitted.languageMissing()
                            + " (read without it: " + (read.readable() ? "mean word confidence "
                            + round(read.confidence()) : "nothing") + ")", reading));
                }
                if (!read.readable()) {
                    return new PageOutcome(new Page(page, ""), new PageText(page, PageSource.NONE, 0, engine.name(),
                            read.confidence(), null, "OCR read nothing", reading));
                }
                String text = read.text().endsWith("\n") ? read.text() + "\n" : read.text() + "\n\n";
                return new PageOutcome(new Page(page, text), new PageText(page, PageSource.OCR, text.length(),
                        engine.name(), round(read.confidence()), null, null, reading));
            } catch (TimeoutException | CancellationException e) {
                submitted.future().cancel(true);
                return leftOutOutcome(page, LeftOut.DOCUMENT_TIMEOUT, documentTimeoutReason());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OcrUnavailableException("Interrupted while OCR'ing " + description, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof OcrPageException page1) {
                    return new PageOutcome(new Page(page, ""), PageText.leftOut(page, engine.name(), page1.leftOut(),
                            page1.getMessage()).withReading(submitted.reading()));
                }
                if (cause instanceof RuntimeException unexpected) {
                    // the engine is unavailable (parked), or an error that is not the page's fault (e.g. access
                    // denied): the document fails unhandled and its message is received again
                    throw unexpected;
                }
                log.warn("OCR of page {} of {} failed", page, description, cause);
                return leftOutOutcome(page, LeftOut.OCR_FAILED, String.valueOf(cause));
            }
        }

        private PageOutcome leftOutOutcome(int page, LeftOut why, String reason) {
            return new PageOutcome(new Page(page, ""), PageText.leftOut(page, engine.name(), why, reason));
        }

        private String documentTimeoutReason() {
            return "the document's OCR reached docflow.ocr.document-timeout (" + settings.documentTimeout() + ")";
        }

        @Override
        public void close() {
            running.forEach(s -> s.future().cancel(true));
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                log.debug("Could not delete OCR scratch files in {}: {}", directory, e.toString());
            }
        }
    }

    /**
     * Whether a page the orientation pass thought to be in a script without a language was read well all the same
     * (the script guess is weak on short pages): clean print in a configured language reads at 90 and more, a
     * Cyrillic page read as English at about 60.
     */
    private static boolean readConfidently(PageRead read) {
        return read.readable() && read.confidence() != null && read.confidence() >= SCRIPT_GUESS_OVERRULED_AT;
    }

    /** Mean word confidence from which a page's reading overrules the orientation pass's guess of its script. */
    static final double SCRIPT_GUESS_OVERRULED_AT = 80;

    private static Double round(Double confidence) {
        return confidence == null ? null : Math.round(confidence * 10) / 10.0;
    }
}
