package io.docflow.local.eventbridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge's wire protocol, AWS JSON 1.1: {@code POST /} with {@code X-Amz-Target: AWSEvents.<Action>} and a
 * JSON body, answered with JSON; errors are HTTP 400 with {@code {"__type": ..., "message": ...}}.
 */
final class EventBridgeApi implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(EventBridgeApi.class);
    private static final String TARGET_PREFIX = "AWSEvents.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Map<String, Function<ApiRequest, ObjectNode>> actions = new HashMap<>();

    EventBridgeApi(Map<String, Function<ApiRequest, ObjectNode>> actions) {
        this.actions.putAll(actions);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            int status = 200;
            ObjectNode body;
            try {
                body = call(exchange);
            } catch (ApiError e) {
                status = e.status();
                body = Json.object().put("__type", e.type()).put("message", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Local EventBridge failed on {}", exchange.getRequestHeaders().getFirst("X-Amz-Target"), e);
                status = 500;
                body = Json.object().put("__type", "InternalException").put("message", e.toString());
            }
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    private ObjectNode call(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        Function<ApiRequest, ObjectNode> action = target != null && target.startsWith(TARGET_PREFIX)
                ? actions.get(target.substring(TARGET_PREFIX.length()))
                : null;
        if (!"POST".equals(exchange.getRequestMethod()) || action == null) {
            throw ApiError.of("UnknownOperationException", "The local EventBridge does not support "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " with X-Amz-Target " + target);
        }
        return action.apply(new ApiRequest(body(exchange.getRequestBody())));
    }

    private static JsonNode body(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = text.isBlank() ? Json.object() : Json.parseOrNull(text);
        if (body == null || !body.isObject()) {
            throw ApiError.of("SerializationException", "The request body is not a JSON object.");
        }
        return body;
    }
}
