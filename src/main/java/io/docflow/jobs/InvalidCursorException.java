package io.docflow.jobs;

/** A listing cursor that is not one this search handed out: malformed, altered, or from another search. */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
