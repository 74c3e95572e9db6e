package io.docflow.extract.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.docflow.extract.DocumentExtractionException;
import io.docflow.extract.DocumentParser;
import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.jobs.FailureReason;
import io.docflow.ocr.LeftOut;
import io.docflow.ocr.PageRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses documents in parser workers, child JVMs with a heap and a time limit of their own
 * (docs/reliability.md, "Parsing in isolation"). A document that exhausts a worker's heap, runs past
 * docflow.extract.parse-timeout or crashes the worker fails with TOO_LARGE_EXPANDED, PARSE_TIMEOUT or PARSER_CRASHED;
 * only that worker dies, and a new one starts in its place at once. docflow's own heap holds at most
 * docflow.extract.max-characters of a document's text, read back from the file the worker wrote.
 * <p>
 * The workers start in the background on {@link #warmUp()} (the application calls it once it is ready, so their start
 * does not compete with docflow's own for the CPU), or for the first document that needs one; a document waits for a
 * free worker.
 */
public class ParserWorkerPool implements DocumentParser, PageRenderer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParserWorkerPool.class);

    private final ExtractionSettings settings;
    private final List<String> command;
    private final BlockingQueue<Slot> free;
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean closed;

    /** A place for one worker: the one running, or the one starting. */
    private final class Slot {
        final int number;
        CompletableFuture<ParserWorker> worker;

        Slot(int number) {
            this.number = number;
        }

        synchronized CompletableFuture<ParserWorker> worker() {
            if (worker == null) {
                worker = startWorker();
            }
            return worker;
        }

        synchronized void replace() {
            worker = startWorker();
        }

        CompletableFuture<ParserWorker> startWorker() {
            String name = "docflow-parser-" + number + "." + started.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    ParserWorker started = ParserWorker.start(command, settings.isolation().startTimeout(), name);
                    log.debug("Parser worker {} started, pid {}", name, started.pid());
                    return started;
                } catch (IOException | ParserWorker.WorkerDiedException e) {
                    throw new IllegalStateException("Parser worker " + name + " could not be started with "
                            + String.join(" ", command) + ": " + e.getMessage(), e);
                }
            });
        }
    }

    public ParserWorkerPool(ExtractionSettings settings) {
        this(settings, WorkerCommand.of(settings));
    }

    ParserWorkerPool(ExtractionSettings settings, List<String> command) {
        this.settings = settings;
        this.command = List.copyOf(command);
        this.free = new ArrayBlockingQueue<>(settings.isolation().workers());
        for (int i = 1; i <= settings.isolation().workers(); i++) {
            Slot slot = new Slot(i);
            slots.add(slot);
            free.add(slot);
        }
    }

    @Override
    public ExtractedDocument extract(Path document, String nameHint) {
        Slot slot = take();
        Path text = null;
        try {
            ParserWorker worker = ready(slot);
            text = Files.createTempFile("docflow-text-", ".txt");
            ParseReply reply = worker.call(new ParseRequest(document.toString(), nameHint, text.toString()),
                    ParseReply.class, settings.parseTimeout());
            if (reply.failed()) {
                throw new DocumentExtractionException(FailureReason.valueOf(reply.reason()), reply.message());
            }
            return reply.document(readText(text));
        } catch (ParserWorker.WorkerDiedException e) {
            slot.replace();
            throw failure(e.death(), DocumentParser.describe(document, nameHint));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not exchange " + DocumentParser.describe(document, nameHint) + " with a parser worker", e);
        } finally {
            deleteQuietly(text);
            free.add(slot);
        }
    }

    /**
     * Renders the page in a worker. A page that exhausts the worker's heap, outlasts the timeout or crashes the worker
     * is left out with the reason; the worker is replaced and the document's other pages go on.
     */
    @Override
    public RenderedPage render(Path document, String contentType, int page, int dpi, long maxPixels,
                               Preparation preparation, Path png, Duration timeout) {
        Slot slot = take();
        try {
            return ready(slot).call(new RenderRequest(document.toString(), contentType, page, dpi, maxPixels,
                            preparation, png.toString()),
                    RenderedPage.class, timeout);
        } catch (ParserWorker.WorkerDiedException e) {
            slot.replace();
            return renderFailure(e.death(), page);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not exchange page " + page + " of " + document + " with a parser worker", e);
        } finally {
            free.add(slot);
        }
    }

    private RenderedPage renderFailure(ParserWorker.Death death, int page) {
        if (death instanceof ParserWorker.TimedOut timedOut) {
            return RenderedPage.leftOut(0, LeftOut.PAGE_TIMEOUT, "rendering page " + page + " took longer than "
                    + timedOut.after() + " (docflow.ocr.page-timeout, or what was left of docflow.ocr.document-timeout)");
        }
        ParserWorker.Exited exited = (ParserWorker.Exited) death;
        if (exited.outOfMemory()) {
            return RenderedPage.leftOut(0, LeftOut.IMAGE_TOO_LARGE, "rendering page " + page
                    + " needed more than a parser worker's heap (docflow.extract.isolation.heap, "
                    + settings.isolation().heap().toMegabytes() + "MB)");
        }
        return RenderedPage.leftOut(0, LeftOut.UNREADABLE_IMAGE, "the parser worker rendering page " + page
                + " exited with code " + exited.exitCode() + " before it answered");
    }

    DocumentExtractionException failure(ParserWorker.Death death, String description) {
        if (death instanceof ParserWorker.TimedOut timedOut) {
            return new DocumentExtractionException(FailureReason.PARSE_TIMEOUT, "Parsing " + description
                    + " took longer than docflow.extract.parse-timeout (" + timedOut.after() + "); its parser worker was stopped");
        }
        ParserWorker.Exited exited = (ParserWorker.Exited) death;
        if (exited.outOfMemory()) {
            return new DocumentExtractionException(FailureReason.TOO_LARGE_EXPANDED, "Parsing " + description
                    + " needed more than a parser worker's heap (docflow.extract.isolation.heap, "
                    + settings.isolation().heap().toMegabytes() + "MB): the document expands far beyond its size");
        }
        int code = exited.exitCode();
        String how = "exited with code " + code + (code > 128 ? " (128 + signal " + (code - 128) + ": killed, or a native crash)" : "");
        return new DocumentExtractionException(FailureReason.PARSER_CRASHED, "The parser worker parsing " + description
                + " " + how + " before it answered");
    }

    /** The text the worker wrote: never more than max-characters, so never more than 4 bytes each. */
    private String readText(Path text) throws IOException {
        long bytes = Files.size(text);
        long most = 4L * settings.maxCharacters();
        if (bytes > most) {
            throw new IOException("The parser worker wrote " + bytes + " bytes of text, more than " + most);
        }
        return Files.readString(text, StandardCharsets.UTF_8);
    }

    /** Starts every worker not started yet, in the background. */
    public void warmUp() {
        slots.forEach(Slot::worker);
    }

    private ParserWorker ready(Slot slot) throws ParserWorker.WorkerDiedException {
        try {
            ParserWorker worker = slot.worker().join();
            if (!worker.alive()) {
                slot.replace();
                return slot.worker().join();
            }
            return worker;
        } catch (CompletionException e) {
            // start again with the next document; this one is retried by its message
            slot.replace();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private Slot take() {
        if (closed) {
            throw new IllegalStateException("The parser workers are shut down");
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a parser worker", e);
        }
    }

    /** The process ids of the running workers (tests, diagnostics). */
    public List<Long> workerPids() {
        List<Long> pids = new ArrayList<>();
        for (Slot slot : slots) {
            ParserWorker worker = slot.worker == null ? null : slot.worker.getNow(null);
            if (worker != null && worker.alive()) {
                pids.add(worker.pid());
            }
        }
        return pids;
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots) {
            if (slot.worker != null) {
                slot.worker.thenAccept(ParserWorker::close);
            }
        }
    }


    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is not worth failing a document over
            }
        }
    }
}
