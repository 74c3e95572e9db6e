package io.docflow.local.bedrock;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The local Bedrock's own JSON API under {@code /_local/}, for local mode and for tests that run it out of
 * process: the same settings {@link LocalBedrock} offers in code.
 */
final class AdminApi {

    private final LocalBedrock bedrock;

    AdminApi(LocalBedrock bedrock) {
        this.bedrock = bedrock;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String route = exchange.getRequestMethod() + " " + path;
        try {
            switch (route) {
                case "POST faults" -> faults(body(exchange));
                case "DELETE faults" -> clearFaults(query(exchange).get("modelId"));
                case "POST quota" -> quota(body(exchange));
                case "DELETE quota" -> bedrock.quota().clear();
                case "POST models" -> models(body(exchange));
                case "GET counters" -> {
                    HttpReplies.json(exchange, 200, counters());
                    return;
                }
                case "DELETE counters" -> bedrock.resetCounters();
                case "POST reset" -> bedrock.reset();
                default -> {
                    HttpReplies.message(exchange, 404, "No local admin operation " + route);
                    return;
                }
            }
            HttpReplies.json(exchange, 200, Json.MAPPER.createObjectNode().put("ok", true));
        } catch (JsonProcessingException e) {
            HttpReplies.message(exchange, 400, "The body is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            HttpReplies.message(exchange, 400, e.getMessage());
        }
    }

    private void faults(JsonNode body) {
        String modelId = modelId(body);
        if (body.hasNonNull("latencyMs")) {
            bedrock.setLatency(modelId, Latency.around(Duration.ofMillis(body.get("latencyMs").asLong()),
                    Duration.ofMillis(body.path("jitterMs").asLong(0))));
        }
        if (body.hasNonNull("fault")) {
            Fault fault = Fault.parse(body.get("fault").asText());
            if (body.hasNonNull("count")) {
                bedrock.faults().inject(modelId, fault, body.get("count").asInt());
            } else if (body.hasNonNull("probability")) {
                bedrock.faults().injectWithProbability(modelId, fault, body.get("probability").asDouble());
            } else {
                bedrock.faults().injectAlways(modelId, fault);
            }
        } else if (!body.hasNonNull("latencyMs")) {
            throw new IllegalArgumentException("Give a \"fault\" (with \"count\" or \"probability\") or a \"latencyMs\".");
        }
    }

    private void clearFaults(String modelId) {
        if (modelId == null) {
            bedrock.faults().clear();
            bedrock.clearLatency();
        } else {
            bedrock.faults().clear(modelId);
            bedrock.clearLatency(modelId);
        }
    }

    private void quota(JsonNode body) {
        bedrock.setQuota(modelId(body), body.path("requestsPerMinute").asLong(0),
                body.path("tokensPerMinute").asLong(0));
    }

    private void models(JsonNode body) {
        String modelId = modelId(body);
        if (body.hasNonNull("maxInputTokens")) {
            bedrock.setMaxInputTokens(modelId, body.get("maxInputTokens").asInt());
        }
        if (body.path("unknown").asBoolean(false)) {
            bedrock.markUnknown(modelId);
        }
        if (body.hasNonNull("toolUse")) {
            bedrock.setToolSupport(modelId, ToolSupport.parse(body.get("toolUse").asText()));
        }
    }

    private ObjectNode counters() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ObjectNode models = node.putObject("models");
        bedrock.counters().forEach((id, counts) -> models.set(id, Json.MAPPER.valueToTree(counts)));
        node.set("total", Json.MAPPER.valueToTree(bedrock.counters(PerModel.ALL_MODELS)));
        return node;
    }

    private static String modelId(JsonNode body) {
        return body.path("modelId").asText(PerModel.ALL_MODELS);
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        JsonNode body = Json.MAPPER.readTree(HttpReplies.body(exchange));
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object.");
        }
        return body;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
