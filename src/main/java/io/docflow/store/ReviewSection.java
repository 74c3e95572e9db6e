package io.docflow.store;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.FieldConfidence;
import io.docflow.evidence.FieldEvidence;
import io.docflow.evidence.ReviewedFields;

/**
 * The result document's {@code review} (resultVersion 2): whether a person should look and why, the document's
 * confidence, one entry per value with its evidence and confidence, the rule results, list completeness and the
 * evidence the model gave that could not be used. Absent members of an entry (no quote, no page) are left out.
 */
final class ReviewSection {

    private ReviewSection() {
    }

    static ObjectNode of(ObjectMapper mapper, ReviewedFields review) {
        ObjectNode section = mapper.createObjectNode();
        section.put("needsReview", review.decision().needsReview());
        section.set("reasons", mapper.valueToTree(review.decision().reasons()));
        section.set("documentConfidence", mapper.valueToTree(review.documentConfidence()));
        ArrayNode values = section.putArray("evidence");
        List<FieldEvidence> evidence = review.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            values.add(value(mapper, evidence.get(i), review.fieldConfidence().get(i)));
        }
        section.set("rules", withoutNulls(mapper.valueToTree(review.rules())));
        section.set("lists", withoutNulls(mapper.valueToTree(review.lists())));
        section.set("evidenceProblems", mapper.valueToTree(review.evidenceProblems()));
        return section;
    }

    /** One value: its evidence, then its confidence, threshold and the steps that led to it. */
    private static ObjectNode value(ObjectMapper mapper, FieldEvidence evidence, FieldConfidence confidence) {
        ObjectNode value = mapper.createObjectNode();
        value.put("field", evidence.field());
        value.set("value", evidence.value());
        value.put("quote", evidence.quote());
        value.put("page", evidence.page());
        value.put("start", evidence.start());
        value.put("end", evidence.end());
        value.put("grounded", evidence.grounded());
        value.put("reason", evidence.reason());
        value.put("note", evidence.note());
        value.put("confidence", confidence.confidence());
        value.put("threshold", confidence.threshold());
        value.set("because", mapper.valueToTree(confidence.because()));
        value.put("claimedPage", evidence.claimedPage());
        value.put("quoteStart", evidence.quoteStart());
        value.put("quoteEnd", evidence.quoteEnd());
        value.put("modelConfidence", evidence.modelConfidence());
        return withoutNulls(value);
    }

    private static <T extends JsonNode> T withoutNulls(T node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                if (member.getValue().isNull() && !member.getKey().equals("value")) {
                    members.remove();
                } else {
                    withoutNulls(member.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ReviewSection::withoutNulls);
        }
        return node;
    }
}
