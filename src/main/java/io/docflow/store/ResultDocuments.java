package io.docflow.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.config.DocflowProperties;
import io.docflow.evidence.ReviewedFields;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FieldExtraction;
import io.docflow.jobs.JobOutcome;
import io.docflow.jobs.TextExtraction;
import io.docflow.model.CostEstimator;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.ModelOutputs;
import io.docflow.model.ModelReply;
import org.springframework.stereotype.Component;

/** Builds the result document stored at {@code results/{jobId}.json} (its fields: docs/architecture.md). */
@Component("resultDocuments")
public class ResultDocuments {

    /**
     * The result's shape: 2 added {@code review} (evidence, confidence, rules per value and document) and masks card
     * numbers in {@code fields}; consumers tell the shapes apart by it.
     */
    public static final int RESULT_VERSION = 2;

    /**
     * The shape of a reviewed result (written by the review, never by the pipeline): {@code fields} and {@code review}
     * are the reviewed ones, {@code modelAnswer} keeps the model's class, fields and review, {@code humanReview} says
     * who did what.
     */
    public static final int REVIEWED_RESULT_VERSION = 3;

    private final ObjectMapper mapper;
    private final CostEstimator costs;
    private final DocumentClassCatalog catalog;
    private final DocflowProperties properties;

    public ResultDocuments(ObjectMapper mapper, CostEstimator costs, DocumentClassCatalog catalog, DocflowProperties properties) {
        this.mapper = mapper;
        this.costs = costs;
        this.catalog = catalog;
        this.properties = properties;
    }

    public String resultKey(DocumentJob job) {
        return "results/" + job.jobId() + ".json";
    }

    public String textKey(DocumentJob job) {
        return "text/" + job.jobId() + ".txt";
    }

    public String resultLocation(DocumentJob job) {
        return "s3://" + properties.buckets().results() + "/" + resultKey(job);
    }

    public BigDecimal cost(DocumentJob job) {
        return costs.estimate(job.costs().modelCalls());
    }

    public String json(DocumentJob job) {
        ObjectNode result = mapper.createObjectNode();
        result.put("resultVersion", RESULT_VERSION);
        result.put("jobId", job.jobId());
        JobOutcome outcome = job.outcome();
        result.put("status", outcome.status().name());
        if (outcome.reason() != null) {
            result.put("reason", outcome.reason());
            result.put("error", outcome.message());
        }
        ObjectNode source = result.putObject("source");
        source.put("bucket", job.source().bucket());
        source.put("key", job.source().key());
        source.put("eTag", job.source().eTag());
        source.put("versionId", job.source().versionId());
        source.put("size", job.source().size());
        source.put("receivedVia", job.source().via());
        TextExtraction text = job.text();
        if (text != null) {
            var document = text.document();
            ObjectNode doc = result.putObject("document");
            doc.put("contentType", document.contentType());
            doc.put("pages", document.pages());
            doc.put("language", document.language());
            doc.put("title", document.title());
            doc.put("author", document.author());
            doc.put("characters", document.text().length());
            doc.put("truncated", document.truncated());
            doc.put("embeddedDocumentsSkipped", document.embeddedDocumentsSkipped());
            // where each page begins in the stored text: a review grounds corrected values on the right pages
            doc.set("pageStarts", mapper.valueToTree(document.pageStarts()));
            if (text.hasText()) {
                result.put("textLocation", "s3://" + properties.buckets().results() + "/" + textKey(job));
            }
        }
        if (text != null && text.ocr() != null) {
            ocr(result, text.ocr());
        }
        if (text != null && text.chunks() != null) {
            ObjectNode chunks = result.putObject("chunks");
            chunks.put("used", text.chunks().chunks().size());
            chunks.set("skipped", mapper.valueToTree(text.chunks().skipped()));
            chunks.put("skippedReason", text.chunks().reason());
            chunks.set("unreadableAnswers", mapper.valueToTree(job.chunkAnswers().unreadable()));
        }
        if (job.classification() != null) {
            ObjectNode classification = result.putObject("classification");
            classification.put("documentClass", job.documentClass());
            classification.put("confidence", job.classification().confidence());
            classification.put("reason", job.classification().reason());
            if (!job.classification().answeredClass().equals(job.documentClass())) {
                classification.put("answeredClass", job.classification().answeredClass());
            }
            result.put("confidence", job.confidence());
            result.put("schemaVersion", catalog.get(job.documentClass()).version());
        }
        FieldExtraction extraction = job.extraction();
        if (extraction != null) {
            result.set("fields", extraction.shownFields());
            ObjectNode validation = result.putObject("validation");
            validation.put("valid", extraction.valid());
            validation.put("repaired", extraction.repaired());
            validation.set("errors", mapper.valueToTree(extraction.validationErrors()));
            if (extraction.review() != null) {
                result.set("review", ReviewSection.of(mapper, extraction.review()));
            }
        }
        result.put("promptVersion", promptVersion(job));
        modelUsage(result, job);
        ObjectNode timings = result.putObject("timings");
        timings.set("stageMillis", mapper.valueToTree(job.costs().stageMillis()));
        timings.put("totalMillis", System.currentTimeMillis() - job.costs().startedAt());
        result.put("finishedAt", Instant.now().toString());
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result of job " + job.jobId(), e);
        }
    }

    /** Where the result stood before its review ({@code results/{jobId}.v1.json}): kept as it was. */
    public static String previousVersionKey(String jobId) {
        return "results/" + jobId + ".v1.json";
    }

    public static String resultKey(String jobId) {
        return "results/" + jobId + ".json";
    }

    /**
     * The result after a review, from the result as the pipeline wrote it: status (and reason) after the review; for
     * an accepted review ({@code reviewed} not null) the reviewed fields in {@code fields}, their review (evidence,
     * rules, confidence re-run on the reviewed fields) in {@code review}, the class after the review; the model's
     * class, fields and review as they were in {@code modelAnswer}; the reviewer's {@code humanReview}.
     */
    public String reviewedJson(ObjectNode previous, String status, String reason, String error, String documentClass,
                               ReviewedFields reviewed, ObjectNode humanReview) {
        ObjectNode result = previous.deepCopy();
        ObjectNode modelAnswer = mapper.createObjectNode();
        JsonNode modelClass = previous.at("/classification/documentClass");
        modelAnswer.set("documentClass", modelClass.isMissingNode() ? mapper.nullNode() : modelClass);
        modelAnswer.set("fields", previous.has("fields") ? previous.get("fields") : mapper.nullNode());
        modelAnswer.set("review", previous.has("review") ? previous.get("review") : mapper.nullNode());
        result.put("resultVersion", REVIEWED_RESULT_VERSION);
        result.put("status", status);
        result.remove(List.of("reason", "error"));
        if (reason != null) {
            result.put("reason", reason);
            result.put("error", error);
        }
        if (reviewed != null) {
            result.set("fields", reviewed.fields());
            result.set("review", ReviewSection.of(mapper, reviewed));
            ObjectNode validation = result.withObjectProperty("validation");
            validation.put("valid", true);
            validation.set("errors", mapper.createArrayNode());
            result.withObjectProperty("classification").put("documentClass", documentClass);
            result.put("schemaVersion", catalog.get(documentClass).version());
        }
        result.set("modelAnswer", modelAnswer);
        result.set("humanReview", humanReview);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the reviewed result of job " + previous.path("jobId").asText(), e);
        }
    }

    /** The {@code review} section of reviewed fields, as the result document shows it. */
    public JsonNode reviewSection(ReviewedFields reviewed) {
        return ReviewSection.of(mapper, reviewed);
    }

    /**
     * The version of the prompts the calls used: tool-use calls the tool-use prompts, text calls (a model refusing
     * tool use, or docflow.models.output text) the text prompts; both, comma-separated, when both were used.
     */
    private String promptVersion(DocumentJob job) {
        var prompts = properties.prompts();
        List<String> versions = job.costs().modelCalls().stream().map(call -> prompts.version(call.output()))
                .distinct().toList();
        return versions.isEmpty() ? prompts.version(properties.models().output()) : String.join(", ", versions);
    }

    /** Per page: where its text came from, the OCR confidence, why it was left out; then the OCR totals. */
    private void ocr(ObjectNode result, io.docflow.ocr.OcrReport report) {
        ArrayNode pages = result.putArray("pages");
        for (var page : report.pages()) {
            ObjectNode p = pages.addObject();
            p.put("page", page.page());
            p.put("source", page.source().name());
            p.put("characters", page.characters());
            if (page.engine() != null) {
                p.put("engine", page.engine());
            }
            if (page.confidence() != null) {
                p.put("confidence", page.confidence());
            }
            if (page.leftOut() != null) {
                p.put("leftOut", page.leftOut().name());
            }
            if (page.reason() != null) {
                p.put("reason", page.reason());
            }
            var reading = page.reading();
            if (reading != null) {
                p.put("rotation", reading.rotation());
                p.set("languages", mapper.valueToTree(reading.languages()));
                if (reading.script() != null) {
                    p.put("script", reading.script());
                }
                if (reading.scale() != 1) {
                    p.put("upscaled", reading.scale());
                }
                if (reading.deskewed() != 0) {
                    p.put("deskewed", reading.deskewed());
                }
            }
        }
        ObjectNode ocr = result.putObject("ocr");
        ocr.put("engine", report.engine());
        ocr.set("languages", mapper.valueToTree(report.languages()));
        ocr.put("pagesOcrd", report.pagesOcrd());
        Double mean = report.meanConfidence();
        if (mean != null) {
            ocr.put("meanConfidence", Math.round(mean * 10) / 10.0);
        } else {
            ocr.putNull("meanConfidence");
        }
        ocr.put("textConfidence", Math.round(report.textConfidence() * 1000) / 1000.0);
        ocr.set("pagesLeftOut", mapper.valueToTree(report.leftOutPages()));
        ocr.put("complete", report.leftOut().isEmpty());
        ocr.put("millis", report.millis());
    }

    private void modelUsage(ObjectNode result, DocumentJob job) {
        ObjectNode models = result.putObject("models");
        ArrayNode calls = models.putArray("calls");
        int input = 0;
        int output = 0;
        List<ModelReply> modelCalls = job.costs().modelCalls();
        for (ModelReply call : modelCalls) {
            ObjectNode c = calls.addObject();
            c.put("task", call.task().name());
            c.put("modelId", call.modelId());
            if (call.chunkIndex() >= 0) {
                c.put("chunk", call.chunkIndex());
            }
            c.put("inputTokens", call.inputTokens());
            c.put("outputTokens", call.outputTokens());
            c.put("latencyMs", call.latencyMs());
            c.put("stopReason", call.stopReason());
            c.put("attempts", call.attempts());
            c.put("fallback", call.fallback());
            c.put("output", call.output().label());
            input += call.inputTokens();
            output += call.outputTokens();
        }
        models.set("modelsUsed", mapper.valueToTree(modelCalls.stream().map(ModelReply::modelId).distinct().toList()));
        models.put("fallbackUsed", modelCalls.stream().anyMatch(ModelReply::fallback));
        ObjectNode outputs = models.putObject("output");
        ModelOutputs.byTask(modelCalls).forEach(outputs::put);
        ObjectNode usage = result.putObject("usage");
        usage.put("inputTokens", input);
        usage.put("outputTokens", output);
        BigDecimal cost = cost(job);
        if (cost != null) {
            result.put("costEstimateUsd", cost);
        } else {
            result.putNull("costEstimateUsd");
        }
    }
}
