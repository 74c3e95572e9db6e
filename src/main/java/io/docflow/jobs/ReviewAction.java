package io.docflow.jobs;

import java.util.Locale;

/** What a reviewer did with a NEEDS_REVIEW job; each but {@link #REJECT} ends it COMPLETED, a rejection FAILED. */
public enum ReviewAction {
    /** The model's answer is right as it is. */
    APPROVE,
    /** The reviewer corrected fields. */
    CORRECT,
    /** The document is of another class; the reviewer gives its fields for that class. */
    RECLASSIFY,
    /** The document cannot be used: FAILED with {@link FailureReason#REJECTED_IN_REVIEW}. */
    REJECT;

    /** The action's name as the API writes it: {@code approve}, {@code correct}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named {@code label} (any case); IllegalArgumentException listing the actions for anything else. */
    public static ReviewAction ofLabel(String label) {
        for (ReviewAction action : values()) {
            if (action.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return action;
            }
        }
        throw new IllegalArgumentException("action must be one of approve, correct, reclassify, reject; was '" + label + "'");
    }

    public JobStatus finalStatus() {
        return this == REJECT ? JobStatus.FAILED : JobStatus.COMPLETED;
    }
}
