package io.docflow.local.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/** Reads request bodies and writes JSON answers with the headers Bedrock sends. */
final class HttpReplies {

    private HttpReplies() {
    }

    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void json(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        json(exchange, status, body, Map.of());
    }

    /** An error as Bedrock answers it, so that the SDK raises the matching typed exception. */
    static void error(HttpExchange exchange, BedrockError error, String message) throws IOException {
        json(exchange, error.status(), Json.MAPPER.createObjectNode().put("message", message),
                Map.of("x-amzn-ErrorType", error.errorTypeHeader()));
    }

    static void message(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Json.MAPPER.createObjectNode().put("message", message));
    }
}
