package io.docflow.jobs;

import io.docflow.ingest.SourceObject;
import io.docflow.model.Classification;

/**
 * What docflow learns about one document while its exchange runs through the pipeline; the routes keep it in the
 * exchange variable {@code job}. Each stage sets its own result: the text, the classification, the field extraction
 * (with the answer of each chunk, extracted in parallel), and the outcome; what the job costs grows throughout.
 * A result not yet set is null.
 */
public class DocumentJob {

    private final String jobId;
    private final SourceObject source;
    private final JobCosts costs = new JobCosts();
    private final ChunkAnswers chunkAnswers = new ChunkAnswers();

    // set on the exchange's thread, read also by the chunk extractions on the extraction pool
    private volatile TextExtraction text;
    private volatile Classification classification;
    private volatile FieldExtraction extraction;
    private volatile JobOutcome outcome = JobOutcome.PROCESSING;

    public DocumentJob(String jobId, SourceObject source) {
        this.jobId = jobId;
        this.source = source;
    }

    public String jobId() {
        return jobId;
    }

    public SourceObject source() {
        return source;
    }

    public JobCosts costs() {
        return costs;
    }

    public TextExtraction text() {
        return text;
    }

    public void text(TextExtraction text) {
        if (this.text != null) {
            throw new IllegalStateException("Job " + jobId + " has its text already");
        }
        this.text = text;
    }

    public boolean hasText() {
        return text != null && text.hasText();
    }

    public Classification classification() {
        return classification;
    }

    public void classification(Classification classification) {
        if (this.classification != null) {
            throw new IllegalStateException("Job " + jobId + " is classified already");
        }
        this.classification = classification;
    }

    public String documentClass() {
        return classification == null ? null : classification.documentClass();
    }

    /**
     * The document's confidence: the classification's, lowered by the OCR confidence of the text it was read from
     * (text-layer characters count fully, OCR'd ones by their page's confidence). Null before classification.
     */
    public Double confidence() {
        if (classification == null) {
            return null;
        }
        double factor = text == null || text.ocr() == null ? 1 : text.ocr().textConfidence();
        return Math.round(classification.confidence() * factor * 1000) / 1000.0;
    }

    public ChunkAnswers chunkAnswers() {
        return chunkAnswers;
    }

    public FieldExtraction extraction() {
        return extraction;
    }

    /** Set by the merge of the chunks' answers, then replaced by each repair answer's. */
    public void extraction(FieldExtraction extraction) {
        this.extraction = extraction;
    }

    public JobOutcome outcome() {
        return outcome;
    }

    public void outcome(JobOutcome outcome) {
        this.outcome = outcome;
    }

    /** For logs: the status with the class or the reason, e.g. {@code COMPLETED (invoice)}, {@code FAILED (NO_TEXT)}. */
    public String summary() {
        String detail = outcome.reason() != null ? outcome.reason() : documentClass();
        return detail == null ? outcome.status().name() : outcome.status().name() + " (" + detail + ")";
    }
}
