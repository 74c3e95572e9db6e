package io.docflow.extract;

/** Text extraction failed for a reason given as a machine-readable {@link ExtractionFailure}. */
public class DocumentExtractionException extends RuntimeException {

    private final ExtractionFailure failure;

    public DocumentExtractionException(ExtractionFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public DocumentExtractionException(ExtractionFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public ExtractionFailure failure() {
        return failure;
    }
}
