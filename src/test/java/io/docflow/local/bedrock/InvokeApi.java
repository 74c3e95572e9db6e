package io.docflow.local.bedrock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** {@code POST /model/{modelId}/invoke} with an Anthropic Messages body, as Claude models on Bedrock take it. */
final class InvokeApi implements ModelApi {

    private final AtomicLong ids = new AtomicLong();

    @Override
    public ModelRequest parse(String modelId, JsonNode body) throws InvalidRequestException {
        for (String key : List.of("anthropic_version", "max_tokens", "messages")) {
            if (!body.has(key)) {
                throw new InvalidRequestException(
                        "Malformed input request: #: required key [" + key + "] not found, please reformat your input "
                                + "and try again.");
            }
        }
        JsonNode messages = body.get("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequestException("Malformed input request: #/messages: expected at least 1 message.");
        }
        List<ModelRequest.Turn> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            turns.add(new ModelRequest.Turn(message.path("role").asText(), texts(message.path("content"))));
        }
        List<String> system = new ArrayList<>();
        if (body.has("system")) {
            system.add(texts(body.get("system")));
        }
        return new ModelRequest(modelId, system, turns, ModelApi.maxTokens(body.get("max_tokens"), "max_tokens"));
    }

    /** Anthropic content is a string or a list of blocks, of which {@code text} blocks carry text. */
    private static String texts(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText(""));
            }
        });
        return text.toString();
    }

    @Override
    public void reply(HttpExchange exchange, ModelRequest request, CallOutcome.Reply reply) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("id", "msg_bdrk_local_%012d".formatted(ids.incrementAndGet()))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", request.modelId());
        body.putArray("content").addObject().put("type", "text").put("text", reply.text());
        body.put("stop_reason", reply.stopReason()).putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", reply.inputTokens()).put("output_tokens", reply.outputTokens());
        HttpReplies.json(exchange, 200, body, Map.of(
                "X-Amzn-Bedrock-Input-Token-Count", String.valueOf(reply.inputTokens()),
                "X-Amzn-Bedrock-Output-Token-Count", String.valueOf(reply.outputTokens()),
                "X-Amzn-Bedrock-Invocation-Latency", String.valueOf(reply.latencyMs())));
    }
}
