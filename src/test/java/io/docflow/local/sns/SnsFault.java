package io.docflow.local.sns;

/**
 * An SNS error as the service reports it: an HTTP status, an error code the SDK maps to its exception class, and
 * whether the caller ({@code Sender}) or the service ({@code Receiver}) is at fault.
 */
final class SnsFault extends RuntimeException {

    private final int status;
    private final String code;
    private final String type;

    SnsFault(int status, String code, String type, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.type = type;
    }

    static SnsFault notFound(String message) {
        return new SnsFault(404, "NotFound", "Sender", message);
    }

    static SnsFault invalidParameter(String message) {
        return new SnsFault(400, "InvalidParameter", "Sender", message);
    }

    static SnsFault invalidValue(String message) {
        return new SnsFault(400, "ParameterValueInvalid", "Sender", message);
    }

    static SnsFault badRequest(String code, String message) {
        return new SnsFault(400, code, "Sender", message);
    }

    static SnsFault internal(String message) {
        return new SnsFault(500, "InternalError", "Receiver", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String type() {
        return type;
    }
}
