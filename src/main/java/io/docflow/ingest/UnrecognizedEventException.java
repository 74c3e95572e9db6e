package io.docflow.ingest;

/** An ingest message that is none of the shapes docflow accepts; it cannot be retried into success. */
public class UnrecognizedEventException extends RuntimeException {

    public UnrecognizedEventException(String message) {
        super(message);
    }

    public UnrecognizedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
