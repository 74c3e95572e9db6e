package io.docflow.evidence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Hides the card numbers of fields that a {@code luhn} rule masks: in the fields, in every quote and in every message
 * of the review, only their last four digits stay. The stored text itself is not touched.
 */
final class Masking {

    private final Set<String> pointers = new HashSet<>();
    private final Set<String> cards = new HashSet<>();

    static Masking of(JsonNode fields, List<Rule> rules) {
        Masking masking = new Masking();
        rules.stream().filter(ChecksumRule.class::isInstance).map(ChecksumRule.class::cast).filter(ChecksumRule::mask)
                .forEach(rule -> Presence.stated(fields, rule.field()).forEach(value -> {
                    masking.pointers.add(value.pointer());
                    String digits = value.value().asText().replaceAll("\\D", "");
                    if (digits.length() >= 12) {
                        masking.cards.add(digits);
                    }
                }));
        return masking;
    }

    JsonNode fields(JsonNode fields) {
        if (pointers.isEmpty()) {
            return fields;
        }
        JsonNode masked = fields.deepCopy();
        for (String pointer : pointers) {
            List<String> segments = Pointers.segments(pointer);
            JsonNode parent = Pointers.at(masked, pointer.substring(0, pointer.lastIndexOf('/')));
            String last = segments.get(segments.size() - 1);
            if (parent instanceof ObjectNode object) {
                object.set(last, value(object.get(last)));
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), value(array.get(Integer.parseInt(last))));
            }
        }
        return masked;
    }

    FieldEvidence evidence(FieldEvidence evidence) {
        if (pointers.isEmpty()) {
            return evidence;
        }
        JsonNode value = pointers.contains(evidence.field()) ? value(evidence.value()) : evidence.value();
        return new FieldEvidence(evidence.field(), value, text(evidence.quote()), evidence.page(), evidence.claimedPage(),
                evidence.start(), evidence.end(), evidence.quoteStart(), evidence.quoteEnd(), evidence.grounded(),
                text(evidence.reason()), text(evidence.note()), evidence.modelConfidence());
    }

    RuleResult result(RuleResult result) {
        return cards.isEmpty() ? result : new RuleResult(result.ruleId(), result.description(), result.fields(),
                result.outcome(), text(result.message()));
    }

    ReviewDecision decision(ReviewDecision decision) {
        return cards.isEmpty() ? decision
                : new ReviewDecision(decision.needsReview(), decision.reasons().stream().map(this::text).toList());
    }

    private String text(String text) {
        return CardMasking.maskIn(text, cards);
    }

    private static JsonNode value(JsonNode value) {
        return value == null || value.isNull() ? value : TextNode.valueOf(CardMasking.mask(value.asText()));
    }
}
