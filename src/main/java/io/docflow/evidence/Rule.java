package io.docflow.evidence;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deterministic check on extracted fields, declared in the class schema under {@code x-docflow-rules}
 * ({@link RuleParser}; docs/document-classes.md, "Rules"). Each rule gives exactly one result.
 */
sealed interface Rule permits SumRule, ProductRule, OrderRule, ChecksumRule, PatternRule, RequiresRule, CountRule,
        RunningBalanceRule {

    String id();

    String description();

    RuleResult evaluate(JsonNode fields);

    default RuleResult result(List<String> fields, RuleOutcome outcome, String message) {
        return new RuleResult(id(), description(), fields, outcome, message);
    }
}
