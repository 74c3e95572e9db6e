package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the model's evidence list, as the model gave it: the field it supports (a JSON Pointer into the
 * fields, e.g. {@code /lineItems/2/amount}), the quote it copied from the document, and optionally the page (from 1)
 * and the model's own confidence (0 to 1). What docflow found for it is a {@link FieldEvidence}.
 */
public record EvidenceClaim(String field, String quote, Integer page, Double confidence) {

    public EvidenceClaim {
        quote = quote == null ? "" : quote;
    }

    /** The same claim for the value at {@code pointer} (after a merge moved the value). */
    public EvidenceClaim at(String pointer) {
        return new EvidenceClaim(pointer, quote, page, confidence);
    }

    /** The usable entries of the model's evidence list and what was wrong with the others. */
    public record Parsed(List<EvidenceClaim> claims, List<String> problems) {

        public Parsed {
            claims = List.copyOf(claims);
            problems = List.copyOf(problems);
        }
    }

    /** Reads a tool input's {@code evidence}; null or missing is an empty list. */
    public static Parsed parse(JsonNode evidence) {
        List<EvidenceClaim> claims = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (evidence == null || evidence.isNull() || evidence.isMissingNode()) {
            return new Parsed(claims, problems);
        }
        if (!evidence.isArray()) {
            problems.add("evidence is not a list");
            return new Parsed(claims, problems);
        }
        for (int i = 0; i < evidence.size(); i++) {
            JsonNode entry = evidence.get(i);
            JsonNode field = entry.path("field");
            if (!field.isTextual() || field.asText().isBlank()) {
                problems.add("evidence[" + i + "] names no field");
                continue;
            }
            // models sometimes drop the pointer's leading slash; the pointer is still unambiguous
            String pointer = field.asText().startsWith("/") ? field.asText() : "/" + field.asText();
            JsonNode quote = entry.path("quote");
            claims.add(new EvidenceClaim(pointer, quote.isValueNode() && !quote.isNull() ? quote.asText() : "",
                    page(entry.path("page"), i, problems), confidence(entry.path("confidence"), i, problems)));
        }
        return new Parsed(claims, problems);
    }

    private static Integer page(JsonNode page, int index, List<String> problems) {
        if (page.isMissingNode() || page.isNull()) {
            return null;
        }
        if (page.canConvertToInt() && page.isIntegralNumber()) {
            return page.asInt();
        }
        problems.add("evidence[" + index + "]: page " + page + " is not a page number, ignored");
        return null;
    }

    private static Double confidence(JsonNode confidence, int index, List<String> problems) {
        if (confidence.isMissingNode() || confidence.isNull()) {
            return null;
        }
        if (confidence.isNumber() && confidence.asDouble() >= 0 && confidence.asDouble() <= 1) {
            return confidence.asDouble();
        }
        problems.add("evidence[" + index + "]: confidence " + confidence + " is not between 0 and 1, ignored");
        return null;
    }
}
