package io.docflow.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.TextChunker;
import io.docflow.extract.DocumentParser;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.TextExtraction;
import io.docflow.ocr.DocumentOcr;
import io.docflow.ocr.LeftOut;
import io.docflow.ocr.OcrReport;
import org.springframework.stereotype.Component;

/** The extract-text stage (routes/process.camel.yaml): the size check, then text, OCR and the chunk plan. */
@Component("textStage")
public class TextStage {

    private final DocumentParser parser;
    private final TextChunker chunker;
    private final DocumentOcr ocr;
    private final long maxDocumentBytes;

    public TextStage(DocumentParser parser, TextChunker chunker, DocumentOcr ocr, ExtractionSettings settings) {
        this.parser = parser;
        this.chunker = chunker;
        this.ocr = ocr;
        this.maxDocumentBytes = settings.maxDocumentBytes().toBytes();
    }

    /** Refuses an object larger than docflow.extract.max-document-bytes before downloading it. */
    public void checkSize(DocumentJob job) {
        if (job.source().size() > maxDocumentBytes) {
            throw new DocumentFailedException(FailureReason.TOO_LARGE, job.source().uri() + " has "
                    + job.source().size() + " bytes, more than docflow.extract.max-document-bytes (" + maxDocumentBytes + ")");
        }
    }

    /**
     * Spools the object's bytes to a temporary file (never whole into the heap), extracts its text, OCRs the images
     * and scanned PDF pages, and plans the chunks. No text at all fails the job with {@code NO_TEXT}, or with the OCR
     * limit that left every page out.
     */
    public void extractText(DocumentJob job, InputStream content) {
        Path spool = null;
        try (content) {
            spool = Files.createTempFile("docflow-" + job.jobId(), ".bin");
            Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            DocumentOcr.Scan scan = ocr.read(spool, parser.extract(spool, job.source().key()), job.source().uri());
            ExtractedDocument document = scan.document();
            if (!document.hasText()) {
                // the result still shows the document and its pages
                job.text(new TextExtraction(document, scan.report(), null));
                throw noText(job, document, scan.report());
            }
            job.text(new TextExtraction(document, scan.report(), chunker.chunk(document.text())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool " + job.source().uri() + " to a temporary file", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    static DocumentFailedException noText(DocumentJob job, ExtractedDocument document, OcrReport report) {
        String what = "No text could be extracted from " + job.source().uri() + " (" + document.contentType() + ")";
        if (report == null) {
            return new DocumentFailedException(FailureReason.NO_TEXT, what + "; it may be empty");
        }
        LeftOut limit = report.pagesOcrd() > 0 ? null : report.limitReached();
        FailureReason reason = limit == null ? FailureReason.NO_TEXT : switch (limit) {
            case OCR_LANGUAGE_MISSING -> FailureReason.OCR_LANGUAGE_MISSING;
            case IMAGE_TOO_LARGE -> FailureReason.IMAGE_TOO_LARGE;
            default -> FailureReason.OCR_TIMEOUT;
        };
        return new DocumentFailedException(reason, what + ": " + report.noTextSummary());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is not worth failing a document over
            }
        }
    }
}
