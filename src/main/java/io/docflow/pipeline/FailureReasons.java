package io.docflow.pipeline;

import io.docflow.extract.DocumentExtractionException;
import io.docflow.jobs.FailureReason;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Maps what ended a document to its {@link FailureReason}. */
final class FailureReasons {

    private FailureReasons() {
    }

    /** The reason of the first exception in the cause chain that ends a document (Camel may wrap what a bean threw). */
    static FailureReason of(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            FailureReason reason = reasonOf(cause);
            if (reason != null) {
                return reason;
            }
        }
        throw new IllegalArgumentException("No failure reason for " + exception.getClass().getName()
                + " (only the exceptions process-errors ends a document with have one): " + exception.getMessage(), exception);
    }

    private static FailureReason reasonOf(Throwable exception) {
        if (exception instanceof DocumentFailedException failed) {
            return failed.reason();
        }
        if (exception instanceof DocumentExtractionException extraction) {
            return extraction.reason();
        }
        if (exception instanceof NoSuchKeyException) {
            return FailureReason.SOURCE_NOT_FOUND;
        }
        if (exception instanceof BedrockRuntimeException) {
            return FailureReason.MODEL_REJECTED;
        }
        return null;
    }
}
