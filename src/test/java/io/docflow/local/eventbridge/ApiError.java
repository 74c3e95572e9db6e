package io.docflow.local.eventbridge;

/**
 * An EventBridge error answer: HTTP status plus the {@code __type} the SDK turns into its typed exception
 * (ResourceNotFoundException, InvalidEventPatternException, ...) or, for ValidationException, which has no class
 * of its own in the SDK, into an EventBridgeException carrying that error code.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String type;

    private ApiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiError of(String type, String message) {
        return new ApiError(400, type, message);
    }

    static ApiError validation(String message) {
        return of("ValidationException", message);
    }

    static ApiError notFound(String message) {
        return of("ResourceNotFoundException", message);
    }

    static ApiError internal(String message) {
        return new ApiError(500, "InternalException", message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
