package io.docflow.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.TextChunker;
import io.docflow.extract.TextExtractor;
import io.docflow.jobs.DocumentJob;
import io.docflow.model.BadModelOutputException;
import io.docflow.model.ClassificationReader;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.FieldMerger;
import io.docflow.model.JsonReplyReader;
import io.docflow.model.ModelReply;
import io.docflow.model.SchemaValidator;
import io.docflow.ocr.DocumentOcr;
import io.docflow.ocr.LeftOut;
import io.docflow.ocr.OcrReport;
import org.springframework.stereotype.Component;

/**
 * The pipeline's steps that are more than a line, called by name from routes/process.camel.yaml. Each takes the
 * job and what the previous endpoint produced, and records its outcome on the job.
 */
@Component("documentStages")
public class DocumentStages {

    private final TextExtractor extractor;
    private final TextChunker chunker;
    private final ClassificationReader classifications;
    private final JsonReplyReader json;
    private final FieldMerger merger;
    private final SchemaValidator validator;
    private final DocumentClassCatalog catalog;
    private final long maxDocumentBytes;
    private final DocumentOcr ocr;

    public DocumentStages(TextExtractor extractor, TextChunker chunker, ClassificationReader classifications,
                          JsonReplyReader json, FieldMerger merger, SchemaValidator validator,
                          DocumentClassCatalog catalog, io.docflow.extract.ExtractionSettings settings, DocumentOcr ocr) {
        this.extractor = extractor;
        this.ocr = ocr;
        this.chunker = chunker;
        this.classifications = classifications;
        this.json = json;
        this.merger = merger;
        this.validator = validator;
        this.catalog = catalog;
        this.maxDocumentBytes = settings.maxDocumentBytes().toBytes();
    }

    public DocumentJob begin(String jobId, io.docflow.ingest.SourceObject source) {
        return new DocumentJob(jobId, source);
    }

    /** Records why the document failed, with the reason code the exception carries. */
    public void failed(DocumentJob job, Exception exception) {
        job.failed(FailureReasons.of(exception).name(), exception.getMessage());
    }

    public void poisoned(DocumentJob job, Exception exception) {
        job.failed(FailureReason.POISON_MESSAGE.name(), "Failed on every one of its receives; moved to the dead-letter "
                + "queue. Last error: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
    }

    /** Refuses an object larger than docflow.extract.max-document-bytes before downloading it. */
    public void checkSize(DocumentJob job) {
        long limit = maxDocumentBytes;
        if (job.source().size() > limit) {
            throw new DocumentFailedException(FailureReason.TOO_LARGE, job.source().uri() + " has "
                    + job.source().size() + " bytes, more than docflow.extract.max-document-bytes (" + limit + ")");
        }
    }

    public void reviewNeeded(DocumentJob job, Exception exception) {
        job.needsReview(FailureReason.INVALID_MODEL_OUTPUT.name(), exception.getMessage());
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
            DocumentOcr.Scan scan = ocr.read(spool, extractor.extract(spool, job.source().key()), job.source().uri());
            ExtractedDocument document = scan.document();
            job.document(document);
            job.ocr(scan.report());
            if (!document.hasText()) {
                throw noText(job, document, scan.report());
            }
            job.chunks(chunker.chunk(document.text()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool " + job.source().uri() + " to a temporary file", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    public void classified(DocumentJob job, ModelReply reply) {
        job.modelCalled(reply);
        job.classification(classifications.read(reply.text()));
    }

    /** One chunk's fields; an unreadable reply is recorded against the chunk, not fatal to the document. */
    public void chunkExtracted(DocumentJob job, ModelReply reply) {
        job.modelCalled(reply);
        try {
            job.chunkExtracted(reply.chunkIndex(), json.readObject(reply.text()));
        } catch (BadModelOutputException e) {
            job.chunkFailed(reply.chunkIndex(), e.getMessage());
        }
    }

    /** Merges the chunks' fields and validates them; true when they are valid. */
    public boolean mergeAndValidate(DocumentJob job) {
        ObjectNode merged = merger.merge(job.chunkFieldsInOrder());
        job.fields(merged);
        List<String> errors = validator.errors(catalog.get(job.documentClass()), merged);
        if (!job.chunkErrors().isEmpty() && job.chunkFieldsInOrder().isEmpty()) {
            errors = concat(errors, "no chunk gave a readable answer: " + job.chunkErrors().values().iterator().next());
        }
        job.validationErrors(errors);
        return errors.isEmpty();
    }

    /** A repair call's answer; true when it made the fields valid (they then replace the merged ones). */
    public boolean repairAnswered(DocumentJob job, ModelReply reply) {
        job.modelCalled(reply);
        job.repaired(true);
        try {
            JsonNode repaired = json.readObject(reply.text());
            List<String> errors = validator.errors(catalog.get(job.documentClass()), repaired);
            if (errors.isEmpty()) {
                job.fields((ObjectNode) repaired);
                job.validationErrors(List.of());
                return true;
            }
            job.validationErrors(errors);
        } catch (BadModelOutputException e) {
            job.validationErrors(concat(job.validationErrors(), "repair reply: " + e.getMessage()));
        }
        return false;
    }

    /** COMPLETED, or NEEDS_REVIEW with the validation errors kept when the fields stayed invalid. */
    public void finish(DocumentJob job) {
        if (job.status() != io.docflow.jobs.JobStatus.PROCESSING) {
            return;
        }
        if (job.validationErrors().isEmpty()) {
            String lowConfidence = ocr.lowConfidence(job.ocr());
            if (lowConfidence == null) {
                job.completed();
            } else {
                job.needsReview(FailureReason.LOW_OCR_CONFIDENCE.name(), lowConfidence);
            }
        } else {
            job.needsReview(FailureReason.INVALID_MODEL_OUTPUT.name(),
                    "Extracted fields stayed invalid after repair: " + String.join("; ", job.validationErrors()));
        }
    }

    private static DocumentFailedException noText(DocumentJob job, ExtractedDocument document, OcrReport report) {
        String what = "No text could be extracted from " + job.source().uri() + " (" + document.contentType() + ")";
        if (report == null) {
            return new DocumentFailedException(FailureReason.NO_TEXT, what + "; it may be empty");
        }
        LeftOut limit = report.pagesOcrd() > 0 ? null : report.limitReached();
        FailureReason reason = limit == LeftOut.IMAGE_TOO_LARGE ? FailureReason.IMAGE_TOO_LARGE
                : limit == null ? FailureReason.NO_TEXT : FailureReason.OCR_TIMEOUT;
        return new DocumentFailedException(reason, what + ": " + report.noTextSummary());
    }

    private static List<String> concat(List<String> errors, String more) {
        var all = new java.util.ArrayList<>(errors);
        all.add(more);
        return all;
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
