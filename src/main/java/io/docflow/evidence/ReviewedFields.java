package io.docflow.evidence;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@link FieldReview} found; every part serialises to JSON as is.
 *
 * @param fields             the fields, card numbers masked to their last four digits
 * @param evidence           one entry per leaf value, in document order
 * @param rules              one result per rule of the class, in declaration order
 * @param lists              one report per list among the fields
 * @param fieldConfidence    one entry per leaf value, in the order of {@code evidence}
 * @param evidenceProblems   evidence entries that could not be used: naming no field, naming a value the fields
 *                           do not have, a page or confidence that is not one
 */
public record ReviewedFields(
        JsonNode fields,
        List<FieldEvidence> evidence,
        List<RuleResult> rules,
        List<ListCompleteness> lists,
        List<FieldConfidence> fieldConfidence,
        DocumentConfidence documentConfidence,
        ReviewDecision decision,
        List<String> evidenceProblems) {
}
