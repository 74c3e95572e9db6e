package io.docflow.extract;

import io.docflow.jobs.FailureReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts the text and a few properties of a document spooled to a local file, with Apache Tika. The type is
 * detected from the bytes; the original file name is only a hint. Failures throw {@link DocumentExtractionException};
 * a document without text is a normal result, see {@link ExtractedDocument#hasText()}. Archive bombs are stopped by
 * the SecureContentHandler that AutoDetectParser puts around every parse, with Tika's default thresholds; they
 * surface as {@link FailureReason#CORRUPT_DOCUMENT}.
 * Thread-safe: one instance serves all consumers.
 */
@Component("textExtractor")
public class TextExtractor implements DocumentParser {

    private static final MediaType PDF = MediaType.application("pdf");

    /**
     * Tika's AutoDetectParser and what it supports. Building it loads every parser Tika's service files name (a few
     * seconds of class loading on a small pod), so with {@code docflow.startup.background-init=true} it is
     * built on a thread of its own while the application starts; a document that comes before it is done waits for
     * it here, so no document ever sees a partly built parser. When documents are parsed in parser workers, docflow's
     * own JVM never parses, and the parser is built only should this instance ever be asked to.
     */
    private final java.util.concurrent.CompletableFuture<Tika> tika;
    private final boolean buildOnFirstUse;
    private final LanguageGuesser languages = new LanguageGuesser();
    private final long maxDocumentBytes;
    private final int maxCharacters;
    private final java.time.Duration parseTimeout;
    private final int maxEmbeddedDocuments;
    private final int maxExpansionRatio;
    private final int maxPages;
    /**
     * Parses run on their own threads so a parse that never ends (a pathological file) can be abandoned after the
     * timeout; Tika's parsers may ignore the interrupt, so such a thread can linger until its parse ends.
     */
    private final java.util.concurrent.ExecutorService parsing = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "docflow-parse");
        thread.setDaemon(true);
        return thread;
    });

    /** A parser built here and now (tests, tools). */
    public TextExtractor(ExtractionSettings settings) {
        this(settings, false);
    }

    /** The application's extractor: Tika's parser built in the background with docflow.startup.background-init. */
    @org.springframework.beans.factory.annotation.Autowired
    public TextExtractor(ExtractionSettings settings, io.docflow.config.DocflowProperties properties) {
        this(settings, properties.startup().backgroundInit(), settings.isolation().enabled());
    }

    /** @param background build Tika's parser on a thread of its own; the first extraction waits for it */
    public TextExtractor(ExtractionSettings settings, boolean background) {
        this(settings, background, false);
    }

    /** @param onFirstUse build Tika's parser when the first document comes, not before */
    TextExtractor(ExtractionSettings settings, boolean background, boolean onFirstUse) {
        this.buildOnFirstUse = onFirstUse;
        if (onFirstUse) {
            this.tika = new java.util.concurrent.CompletableFuture<>();
        } else if (background) {
            this.tika = new java.util.concurrent.CompletableFuture<>();
            Thread init = new Thread(() -> {
                try {
                    tika.complete(Tika.build());
                } catch (Throwable e) {
                    tika.completeExceptionally(e);
                }
            }, "docflow-tika-init");
            init.setDaemon(true);
            init.start();
        } else {
            this.tika = java.util.concurrent.CompletableFuture.completedFuture(Tika.build());
        }
        this.maxDocumentBytes = settings.maxDocumentBytes().toBytes();
        this.maxCharacters = settings.maxCharacters();
        this.parseTimeout = settings.parseTimeout();
        this.maxEmbeddedDocuments = settings.maxEmbeddedDocuments();
        this.maxExpansionRatio = settings.maxExpansionRatio();
        this.maxPages = settings.maxPages();
    }

    @Override
    public ExtractedDocument extract(Path document, String nameHint) {
        String description = DocumentParser.describe(document, nameHint);
        long size = sizeOf(document);
        if (size > maxDocumentBytes) {
            throw new DocumentExtractionException(FailureReason.TOO_LARGE, "Document " + description
                    + " has " + size + " bytes, more than docflow.extract.max-document-bytes (" + maxDocumentBytes + ")");
        }
        ZipExpansion.check(document, size, maxExpansionRatio, description);
        Metadata metadata = new Metadata();
        if (nameHint != null && !nameHint.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, nameHint);
        }
        Tika tika = tika();
        AutoDetectParser parser = tika.parser();
        try (TikaInputStream in = TikaInputStream.get(document)) {
            MediaType type = parser.getDetector().detect(in, metadata).getBaseType();
            if (size == 0) {
                return new ExtractedDocument("", type.toString(), null, null, null, null, 0, false, maxCharacters, List.of(), 0);
            }
            if (!tika.supportedTypes().supports(type)) {
                throw new DocumentExtractionException(FailureReason.UNSUPPORTED_TYPE,
                        "No parser for " + type + ", the type detected for " + description);
            }
            if (PDF.equals(type)) {
                PdfPageCount.check(document, maxPages, description);
            }
            WriteOutContentHandler text = new WriteOutContentHandler(maxCharacters);
            PageStarts pages = new PageStarts(text, maxPages);
            ParseContext context = parseContext();
            // embedded documents are parsed by the same parser (what Tika does when the context names none)
            context.set(Parser.class, parser);
            EmbeddedDocumentLimit embedded = new EmbeddedDocumentLimit(context, maxEmbeddedDocuments, maxExpansionRatio);
            context.set(EmbeddedDocumentExtractor.class, embedded);
            boolean truncated;
            try {
                truncated = parse(in, pages, metadata, context, type, description);
            } finally {
                embedded.throwIfBombFound();
            }
            String content = text.toString();
            return new ExtractedDocument(content, type.toString(), DocumentProperties.pages(metadata), languages.guess(content),
                    DocumentProperties.title(metadata), DocumentProperties.author(metadata), content.length(),
                    truncated, maxCharacters, pages.offsets(content.length()), embedded.skipped());
        } catch (IOException e) {
            throw new DocumentExtractionException(FailureReason.CORRUPT_DOCUMENT,
                    "Could not read " + description + ": " + e.getMessage(), e);
        }
    }

    private record Tika(AutoDetectParser parser, SupportedTypes supportedTypes) {
        static Tika build() {
            AutoDetectParser parser = new AutoDetectParser();
            return new Tika(parser, new SupportedTypes(parser));
        }
    }

    /** Tika's parser, waiting for its background build if need be. */
    private Tika tika() {
        if (buildOnFirstUse && !tika.isDone()) {
            synchronized (tika) {
                if (!tika.isDone()) {
                    try {
                        tika.complete(Tika.build());
                    } catch (RuntimeException | Error e) {
                        tika.completeExceptionally(e);
                    }
                }
            }
        }
        try {
            return tika.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("Apache Tika's parser could not be built", e.getCause());
        }
    }

    /** Whether Tika's parser is built (tests). */
    boolean parserBuilt() {
        return tika.isDone();
    }

    /** The language of a text (ISO 639-1), or null when the guess is not reasonably certain. */
    public String language(String text) {
        return languages.guess(text);
    }

    private void parseWithTimeout(TikaInputStream in, ContentHandler text, Metadata metadata, ParseContext context,
                                  String description) throws IOException, TikaException, SAXException {
        AutoDetectParser parser = tika().parser();
        var parse = parsing.submit(() -> {
            parser.parse(in, new BodyContentHandler(text), metadata, context);
            return null;
        });
        try {
            parse.get(parseTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            parse.cancel(true);
            throw new DocumentExtractionException(FailureReason.PARSE_TIMEOUT, "Parsing " + description
                    + " took longer than docflow.extract.parse-timeout (" + parseTimeout + ")");
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while parsing " + description, e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof TikaException tika) {
                throw tika;
            }
            if (cause instanceof SAXException sax) {
                throw sax;
            }
            if (cause instanceof DocumentExtractionException extraction) {
                throw extraction;
            }
            // a parser's own runtime exceptions and errors (StackOverflowError on deep nesting) say what the file is
            throw new TikaException("Parser failed on " + description, cause);
        }
    }

    /** Returns whether the text was cut at the character limit. */
    private boolean parse(TikaInputStream in, ContentHandler text, Metadata metadata, ParseContext context,
                          MediaType type, String description) throws IOException {
        try {
            parseWithTimeout(in, text, metadata, context, description);
            return false;
        } catch (EncryptedDocumentException e) {
            throw new DocumentExtractionException(FailureReason.ENCRYPTED,
                    type + " document " + description + " is encrypted: " + e.getMessage(), e);
        } catch (TikaException | SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return true;
            }
            PageLimitReachedException pages = PageLimitReachedException.in(e);
            if (pages != null) {
                throw new DocumentExtractionException(FailureReason.TOO_MANY_PAGES, type + " document " + description
                        + " has " + pages.getMessage(), e);
            }
            FailureReason reason = ParseFailures.reasonOf(e);
            String why = switch (reason) {
                case TOO_LARGE_EXPANDED -> "expands beyond the parser's limits (a decompression bomb)";
                case TOO_DEEPLY_NESTED -> "is nested deeper than the parser follows";
                default -> "could not be parsed";
            };
            throw new DocumentExtractionException(reason, type + " document " + description + " " + why + ": " + rootCause(e), e);
        }
    }

    /**
     * Tesseract, when installed, would OCR every image in a separate process with no time limit. Scans come back
     * without text instead, and the caller decides what that means: io.docflow.ocr reads them, within its limits.
     */
    private static ParseContext parseContext() {
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, ocr);
        context.set(OfficeParserConfig.class, streamingOffice());
        return context;
    }

    /**
     * DOCX and PPTX read as a stream of SAX events rather than built into a document model first (POI's XWPF/XSLF),
     * so a part that expands to gigabytes of XML is never held whole; XLSX is streamed by Tika in any case.
     */
    private static OfficeParserConfig streamingOffice() {
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        return office;
    }

    /** Tika wraps parser failures ("TIKA-198: Illegal IOException from ...PDFParser"); the innermost cause says why. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage() + "; caused by " + root;
    }

    private static long sizeOf(Path document) {
        try {
            return Files.size(document);
        } catch (IOException e) {
            throw new DocumentExtractionException(FailureReason.CORRUPT_DOCUMENT,
                    "Could not read the size of " + document + ": " + e, e);
        }
    }

}
