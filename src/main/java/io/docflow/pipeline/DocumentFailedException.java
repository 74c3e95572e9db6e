package io.docflow.pipeline;

import io.docflow.jobs.FailureReason;

/** The document cannot be processed, for a reason retrying will not change: the job ends FAILED. */
public class DocumentFailedException extends RuntimeException {

    private final FailureReason reason;

    public DocumentFailedException(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentFailedException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
