package io.docflow.model.resilience;

/** Every model that could serve a call is unavailable for now: the document is parked, not failed. */
public class ModelsUnavailableException extends RuntimeException {

    public ModelsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
