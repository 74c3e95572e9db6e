package io.docflow.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Truths and results written as JSON for the report tests, scored with the shipped invoice and receipt schemas. */
final class ScoredDocuments {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Function<String, FieldMatchers> MATCHERS = c -> FieldMatchers.of(schema(c));

    private ScoredDocuments() {
    }

    static GroundTruth truth(String document, String documentClass, String fields) {
        return new GroundTruth(Path.of("set", document), documentClass, (ObjectNode) json(fields), "test");
    }

    /** A result document as docflow writes it, with only what the evaluation reads. */
    static ObservedResult result(String status, String documentClass, String fields, String evidence, long millis,
                                 int inputTokens, int outputTokens, String usd) {
        String review = evidence == null ? "" : ",\"review\":{\"needsReview\":" + "NEEDS_REVIEW".equals(status)
                + ",\"evidence\":" + evidence + "}";
        return ObservedResult.fromResult(json("{\"status\":\"" + status + "\",\"classification\":{\"documentClass\":\""
                + documentClass + "\"},\"fields\":" + fields + review
                + ",\"models\":{\"calls\":[{},{}]},\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens
                + "},\"costEstimateUsd\":" + usd + ",\"timings\":{\"totalMillis\":" + millis + "}}"));
    }

    static DocumentEvaluation score(GroundTruth truth, ObservedResult observed) {
        return DocumentEvaluation.of(truth, observed, MATCHERS);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schema(String documentClass) {
        try (InputStream in = ScoredDocuments.class.getResourceAsStream("/document-classes/" + documentClass + ".schema.json")) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
