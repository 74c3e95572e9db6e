package io.docflow.local.bedrock;

/** The Bedrock Runtime errors, with the status code and error type name the SDK maps to its typed exceptions. */
enum BedrockError {
    VALIDATION("ValidationException", 400, "The provided request is not valid."),
    ACCESS_DENIED("AccessDeniedException", 403, "You don't have access to the model with the specified model ID."),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404,
            "The provided model identifier is invalid."),
    MODEL_TIMEOUT("ModelTimeoutException", 408, "Model has timed out in processing the request. Try your request again."),
    MODEL_ERROR("ModelErrorException", 424, "The model encountered an error while processing the request."),
    THROTTLING("ThrottlingException", 429, "Too many requests, please wait before trying again."),
    MODEL_NOT_READY("ModelNotReadyException", 429,
            "Model is not ready to serve inference requests. The AWS SDK will automatically retry the operation."),
    INTERNAL_SERVER("InternalServerException", 500, "The server encountered an internal error. Try again later."),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503,
            "Bedrock is unable to process your request. Please try again later.");

    private final String typeName;
    private final int status;
    private final String defaultMessage;

    BedrockError(String typeName, int status, String defaultMessage) {
        this.typeName = typeName;
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    String typeName() {
        return typeName;
    }

    int status() {
        return status;
    }

    String defaultMessage() {
        return defaultMessage;
    }

    /** The {@code x-amzn-ErrorType} value; the SDK reads the part before the colon. */
    String errorTypeHeader() {
        return typeName + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
    }
}
