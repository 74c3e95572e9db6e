package io.docflow.model;

/** The model answered, but not with what the prompt asked for (no JSON, wrong shape). */
public class BadModelOutputException extends RuntimeException {

    public BadModelOutputException(String message) {
        super(message);
    }

    public BadModelOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
