package io.docflow.evidence;

/** What a rule found: the fields agree, they do not, or the rule could not be checked (its inputs are absent). */
public enum RuleOutcome {
    PASSED,
    FAILED,
    SKIPPED
}
