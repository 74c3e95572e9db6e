package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.docflow.model.ModelOutputs;
import io.docflow.ocr.OcrReport;
import io.docflow.ocr.PageSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a finished job's item records of its outcome, for look-ups without reading the result from S3: status, class,
 * reason, model and tokens, how each model task was asked (tool use or text), cost, stage timings, the class's key fields and where the pages' text came from.
 */
final class OutcomeAttributes {

    private final Function<String, List<String>> keyFieldNames;

    /** @param keyFieldNames the key fields of a document class, by its name */
    OutcomeAttributes(Function<String, List<String>> keyFieldNames) {
        this.keyFieldNames = keyFieldNames;
    }

    Map<String, AttributeValue> of(DocumentJob job, String resultLocation, BigDecimal cost, String now) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        JobOutcome outcome = job.outcome();
        attributes.put(STATUS, s(outcome.status().name()));
        attributes.put(UPDATED_AT, s(now));
        attributes.put(FINISHED_AT, s(now));
        attributes.put(RESULT_LOCATION, s(resultLocation));
        if (job.documentClass() != null) {
            attributes.put(DOCUMENT_CLASS, s(job.documentClass()));
            attributes.put(CONFIDENCE, n(Double.toString(job.confidence())));
        }
        if (job.text() != null && job.text().ocr() != null) {
            attributes.putAll(ocr(job.text().ocr()));
        }
        if (outcome.reason() != null) {
            attributes.put(REASON, s(outcome.reason()));
            attributes.put(ERROR, s(outcome.message()));
        }
        var calls = job.costs().modelCalls();
        if (!calls.isEmpty()) {
            attributes.put(MODEL, s(calls.get(calls.size() - 1).modelId()));
            attributes.put(INPUT_TOKENS, n(Integer.toString(calls.stream().mapToInt(c -> c.inputTokens()).sum())));
            attributes.put(OUTPUT_TOKENS, n(Integer.toString(calls.stream().mapToInt(c -> c.outputTokens()).sum())));
            Map<String, AttributeValue> outputs = new HashMap<>();
            ModelOutputs.byTask(calls).forEach((task, output) -> outputs.put(task, s(output)));
            attributes.put(OUTPUT, AttributeValue.fromM(outputs));
        }
        if (cost != null) {
            attributes.put(COST_USD, n(cost.toPlainString()));
        }
        Map<String, AttributeValue> timings = new HashMap<>();
        job.costs().stageMillis().forEach((stage, ms) -> timings.put(stage, n(Long.toString(ms))));
        attributes.put(STAGE_MILLIS, AttributeValue.fromM(timings));
        Map<String, AttributeValue> keyFields = keyFields(job);
        if (!keyFields.isEmpty()) {
            attributes.put(KEY_FIELDS, AttributeValue.fromM(keyFields));
        }
        return attributes;
    }

    /**
     * Where the pages' text came from, compact enough for any page count: page ranges per source
     * ({@code pageSources: {TEXT_LAYER: "1-3", OCR: "4"}}), the OCR confidence per OCR'd page (at most
     * docflow.ocr.max-pages of them), and the pages left out per reason.
     */
    private static Map<String, AttributeValue> ocr(OcrReport report) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        Map<String, AttributeValue> sources = new HashMap<>();
        report.pagesBySource().forEach((source, pages) -> sources.put(source.name(), s(pages)));
        attributes.put(PAGE_SOURCES, AttributeValue.fromM(sources));
        attributes.put(OCR_ENGINE, s(report.engine()));
        Map<String, AttributeValue> confidences = new HashMap<>();
        report.pages().stream().filter(p -> p.source() == PageSource.OCR && p.confidence() != null)
                .forEach(p -> confidences.put(Integer.toString(p.page()), n(p.confidence().toString())));
        if (!confidences.isEmpty()) {
            attributes.put(OCR_PAGE_CONFIDENCE, AttributeValue.fromM(confidences));
        }
        Double mean = report.meanConfidence();
        if (mean != null) {
            attributes.put(OCR_CONFIDENCE, n(Double.toString(Math.round(mean * 10) / 10.0)));
        }
        Map<String, AttributeValue> leftOut = new HashMap<>();
        report.leftOutPages().forEach((why, pages) -> leftOut.put(why.name(), s(pages)));
        if (!leftOut.isEmpty()) {
            attributes.put(PAGES_LEFT_OUT, AttributeValue.fromM(leftOut));
        }
        return attributes;
    }

    private Map<String, AttributeValue> keyFields(DocumentJob job) {
        Map<String, AttributeValue> values = new HashMap<>();
        FieldExtraction extraction = job.extraction();
        if (extraction != null && job.documentClass() != null) {
            for (String field : keyFieldNames.apply(job.documentClass())) {
                var value = extraction.shownFields().get(field);
                if (value != null && !value.isNull() && value.isValueNode()) {
                    values.put(field, s(value.asText()));
                }
            }
        }
        return values;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
