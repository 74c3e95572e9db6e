package io.docflow.local.bedrock;

/** A request body Bedrock would refuse with a ValidationException; the message is what the caller sees. */
final class InvalidRequestException extends Exception {

    InvalidRequestException(String message) {
        super(message);
    }
}
