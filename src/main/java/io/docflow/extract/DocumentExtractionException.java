package io.docflow.extract;

import io.docflow.jobs.FailureReason;

/** Text extraction failed; the reason is the job's {@link FailureReason}, the one taxonomy of failed documents. */
public class DocumentExtractionException extends RuntimeException {

    private final FailureReason reason;

    public DocumentExtractionException(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentExtractionException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
