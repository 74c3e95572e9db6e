package io.docflow.api;

/** The JSON body of every API error: a stable code for programs and a message for people. */
public record ApiError(String error, String message) {
}
