package io.docflow.store;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.config.DocflowProperties;
import io.docflow.jobs.DocumentJob;
import io.docflow.model.CostEstimator;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.ModelReply;
import org.springframework.stereotype.Component;

/** Builds the result document stored at {@code results/{jobId}.json} (its fields: docs/architecture.md). */
@Component("resultDocuments")
public class ResultDocuments {

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
        return costs.estimate(job.modelCalls());
    }

    public String json(DocumentJob job) {
        ObjectNode result = mapper.createObjectNode();
        result.put("jobId", job.jobId());
        result.put("status", job.status().name());
        if (job.failureReason() != null) {
            result.put("reason", job.failureReason());
            result.put("error", job.failureMessage());
        }
        ObjectNode source = result.putObject("source");
        source.put("bucket", job.source().bucket());
        source.put("key", job.source().key());
        source.put("eTag", job.source().eTag());
        source.put("versionId", job.source().versionId());
        source.put("size", job.source().size());
        source.put("receivedVia", job.source().via());
        if (job.document() != null) {
            var document = job.document();
            ObjectNode doc = result.putObject("document");
            doc.put("contentType", document.contentType());
            doc.put("pages", document.pages());
            doc.put("language", document.language());
            doc.put("title", document.title());
            doc.put("author", document.author());
            doc.put("characters", document.text().length());
            doc.put("truncated", document.truncated());
            doc.put("embeddedDocumentsSkipped", document.embeddedDocumentsSkipped());
            if (job.hasText()) {
                result.put("textLocation", "s3://" + properties.buckets().results() + "/" + textKey(job));
            }
        }
        if (job.ocr() != null) {
            ocr(result, job.ocr());
        }
        if (job.chunks() != null) {
            ObjectNode chunks = result.putObject("chunks");
            chunks.put("used", job.chunks().chunks().size());
            chunks.set("skipped", mapper.valueToTree(job.chunks().skipped()));
            chunks.put("skippedReason", job.chunks().reason());
            chunks.set("unreadableAnswers", mapper.valueToTree(job.chunkErrors()));
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
        if (job.fields() != null) {
            result.set("fields", job.fields());
            ObjectNode validation = result.putObject("validation");
            validation.put("valid", job.validationErrors().isEmpty());
            validation.put("repaired", job.repaired());
            validation.set("errors", mapper.valueToTree(job.validationErrors()));
        }
        result.put("promptVersion", properties.prompts().version());
        modelUsage(result, job);
        ObjectNode timings = result.putObject("timings");
        timings.set("stageMillis", mapper.valueToTree(job.stageMillis()));
        timings.put("totalMillis", System.currentTimeMillis() - job.startedAt());
        result.put("finishedAt", Instant.now().toString());
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result of job " + job.jobId(), e);
        }
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
        for (ModelReply call : job.modelCalls()) {
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
            input += call.inputTokens();
            output += call.outputTokens();
        }
        models.set("modelsUsed", mapper.valueToTree(job.modelCalls().stream().map(ModelReply::modelId).distinct().toList()));
        models.put("fallbackUsed", job.modelCalls().stream().anyMatch(ModelReply::fallback));
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
