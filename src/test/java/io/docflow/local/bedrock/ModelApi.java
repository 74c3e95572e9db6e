package io.docflow.local.bedrock;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** One Bedrock Runtime operation's wire format: its request body in, its reply body out. */
interface ModelApi {

    ModelRequest parse(String modelId, JsonNode body) throws InvalidRequestException;

    void reply(HttpExchange exchange, ModelRequest request, CallOutcome.Reply reply) throws IOException;

    /** {@code maxTokens} as Bedrock checks it: absent, or a whole number of at least 1. */
    static Integer maxTokens(JsonNode value, String field) throws InvalidRequestException {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new InvalidRequestException(field + " must be a whole number of at least 1, was " + value);
        }
        return value.asInt();
    }
}
