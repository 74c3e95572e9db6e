package io.docflow.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.extract.ChunkPlan;
import io.docflow.extract.ExtractedDocument;
import io.docflow.ingest.SourceObject;
import io.docflow.model.Classification;
import io.docflow.model.ExtractedFields;
import io.docflow.model.FieldEvidence;
import io.docflow.model.ModelReply;
import io.docflow.ocr.OcrReport;

/**
 * What docflow learns about one document while its exchange runs through the pipeline; the routes keep it in the
 * exchange variable {@code job}. Chunk extraction runs in parallel, so what it touches is synchronized.
 */
public class DocumentJob {

    private final String jobId;
    private final SourceObject source;
    private final long startedAt = System.currentTimeMillis();
    private final Map<String, Long> stageMillis = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ModelReply> modelCalls = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, JsonNode> chunkFields = Collections.synchronizedMap(new TreeMap<>());
    private final Map<Integer, String> chunkErrors = Collections.synchronizedMap(new TreeMap<>());
    private final Map<Integer, List<FieldEvidence>> chunkEvidence = Collections.synchronizedMap(new TreeMap<>());

    private ExtractedDocument document;
    private OcrReport ocr;
    private ChunkPlan chunks;
    private Classification classification;
    private String classificationUnreadable;
    private ObjectNode fields;
    private List<String> validationErrors = List.of();
    private List<FieldEvidence> evidence = List.of();
    private boolean repaired;
    private JobStatus status = JobStatus.PROCESSING;
    private String failureReason;
    private String failureMessage;

    public DocumentJob(String jobId, SourceObject source) {
        this.jobId = jobId;
        this.source = source;
    }

    /** The stored outcome of a finished job, enough to announce it again. */
    public static DocumentJob finished(SourceObject source, JobRecord stored) {
        DocumentJob job = new DocumentJob(stored.jobId(), source);
        if (stored.documentClass() != null) {
            double confidence = stored.confidence() == null ? 0 : stored.confidence();
            job.classification(new Classification(stored.documentClass(), confidence, "", stored.documentClass()));
        }
        switch (stored.status()) {
            case COMPLETED -> job.completed();
            case NEEDS_REVIEW -> job.needsReview(stored.reason(), stored.error());
            default -> job.failed(stored.reason(), stored.error());
        }
        return job;
    }

    public String jobId() {
        return jobId;
    }

    public SourceObject source() {
        return source;
    }

    public long startedAt() {
        return startedAt;
    }

    public void stageTook(String stage, long millis) {
        stageMillis.merge(stage, millis, Long::sum);
    }

    public Map<String, Long> stageMillis() {
        synchronized (stageMillis) {
            return Map.copyOf(stageMillis);
        }
    }

    public void modelCalled(ModelReply reply) {
        modelCalls.add(reply);
    }

    public List<ModelReply> modelCalls() {
        synchronized (modelCalls) {
            return List.copyOf(modelCalls);
        }
    }

    public void chunkExtracted(int index, JsonNode fields) {
        chunkFields.put(index, fields);
    }

    /** A chunk's fields with the evidence the model gave for them (tool use). */
    public void chunkExtracted(int index, ExtractedFields answer) {
        synchronized (chunkFields) {
            chunkFields.put(index, answer.fields());
            chunkEvidence.put(index, answer.evidence());
        }
    }

    /** The answers per chunk, fields with their evidence, in chunk order. */
    public List<ExtractedFields> chunkAnswersInOrder() {
        synchronized (chunkFields) {
            List<ExtractedFields> answers = new ArrayList<>();
            chunkFields.forEach((index, fields) -> answers.add(new ExtractedFields((ObjectNode) fields,
                    chunkEvidence.getOrDefault(index, List.of()))));
            return answers;
        }
    }

    public void chunkFailed(int index, String error) {
        chunkErrors.put(index, error);
    }

    /** The fields found per chunk, in chunk order. */
    public List<JsonNode> chunkFieldsInOrder() {
        synchronized (chunkFields) {
            return List.copyOf(chunkFields.values());
        }
    }

    public Map<Integer, String> chunkErrors() {
        synchronized (chunkErrors) {
            return Map.copyOf(chunkErrors);
        }
    }

    public ExtractedDocument document() {
        return document;
    }

    public void document(ExtractedDocument document) {
        this.document = document;
    }

    public boolean hasText() {
        return document != null && document.hasText();
    }

    /** Where each page's text came from (images, PDFs); null for other types. */
    public OcrReport ocr() {
        return ocr;
    }

    public void ocr(OcrReport ocr) {
        this.ocr = ocr;
    }

    /**
     * The document's confidence: the classification's, lowered by the OCR confidence of the text it was read from
     * (text-layer characters count fully, OCR'd ones by their page's confidence). Null before classification.
     */
    public Double confidence() {
        if (classification == null) {
            return null;
        }
        double factor = ocr == null ? 1 : ocr.textConfidence();
        return Math.round(classification.confidence() * factor * 1000) / 1000.0;
    }

    public ChunkPlan chunks() {
        return chunks;
    }

    public void chunks(ChunkPlan chunks) {
        this.chunks = chunks;
    }

    public Classification classification() {
        return classification;
    }

    public void classification(Classification classification) {
        this.classification = classification;
    }

    /** Why the last classification answer could not be read; null when it was read. */
    public String classificationUnreadable() {
        return classificationUnreadable;
    }

    public void classificationUnreadable(String why) {
        this.classificationUnreadable = why;
    }

    public String documentClass() {
        return classification == null ? null : classification.documentClass();
    }

    public ObjectNode fields() {
        return fields;
    }

    public void fields(ObjectNode fields) {
        this.fields = fields;
    }

    public List<String> validationErrors() {
        return validationErrors;
    }

    public void validationErrors(List<String> errors) {
        this.validationErrors = List.copyOf(errors);
    }

    /** The evidence for {@link #fields()}, pointers into them; empty when the fields were read from text. */
    public List<FieldEvidence> evidence() {
        return evidence;
    }

    public void evidence(List<FieldEvidence> evidence) {
        this.evidence = List.copyOf(evidence);
    }

    public boolean repaired() {
        return repaired;
    }

    public void repaired(boolean repaired) {
        this.repaired = repaired;
    }

    public JobStatus status() {
        return status;
    }

    public String failureReason() {
        return failureReason;
    }

    public String failureMessage() {
        return failureMessage;
    }

    /** For logs: the status with the class or the reason, e.g. {@code COMPLETED (invoice)}, {@code FAILED (NO_TEXT)}. */
    public String summary() {
        String detail = failureReason != null ? failureReason : documentClass();
        return detail == null ? status.name() : status.name() + " (" + detail + ")";
    }

    public void completed() {
        this.status = JobStatus.COMPLETED;
    }

    public void needsReview(String reason, String message) {
        this.status = JobStatus.NEEDS_REVIEW;
        this.failureReason = reason;
        this.failureMessage = message;
    }

    public void failed(String reason, String message) {
        this.status = JobStatus.FAILED;
        this.failureReason = reason;
        this.failureMessage = message;
    }
}
