package io.docflow.pipeline;

import io.docflow.extract.DocumentExtractionException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Maps what ended a document to its {@link FailureReason}. */
final class FailureReasons {

    private FailureReasons() {
    }

    static FailureReason of(Throwable exception) {
        if (exception instanceof DocumentFailedException failed) {
            return failed.reason();
        }
        if (exception instanceof DocumentExtractionException extraction) {
            return switch (extraction.failure()) {
                case ENCRYPTED_DOCUMENT -> FailureReason.ENCRYPTED;
                case UNSUPPORTED_TYPE -> FailureReason.UNSUPPORTED_TYPE;
                case TOO_LARGE -> FailureReason.TOO_LARGE;
                case NO_TEXT -> FailureReason.NO_TEXT;
                case PARSE_TIMEOUT -> FailureReason.PARSE_TIMEOUT;
                case CORRUPT_DOCUMENT, READ_FAILED -> FailureReason.CORRUPT_DOCUMENT;
            };
        }
        if (exception instanceof NoSuchKeyException) {
            return FailureReason.SOURCE_NOT_FOUND;
        }
        if (exception instanceof BedrockRuntimeException) {
            return FailureReason.MODEL_REJECTED;
        }
        return FailureReason.CORRUPT_DOCUMENT;
    }
}
