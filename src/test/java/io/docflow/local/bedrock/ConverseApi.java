package io.docflow.local.bedrock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code POST /model/{modelId}/converse}: text content blocks in; out one text block, or with a {@code toolConfig}
 * one toolUse block (stop reason {@code tool_use}) as Bedrock answers tool use.
 */
final class ConverseApi implements ModelApi {

    private final AtomicLong toolUseIds = new AtomicLong();

    @Override
    public ModelRequest parse(String modelId, JsonNode body) throws InvalidRequestException {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequestException("The messages field is required and must not be empty.");
        }
        if (!"user".equals(messages.get(0).path("role").asText())) {
            throw new InvalidRequestException("A conversation must start with a user message. "
                    + "Try again with a conversation that starts with a user message.");
        }
        List<ModelRequest.Turn> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) {
                throw new InvalidRequestException("Message role must be user or assistant, was '" + role + "'.");
            }
            turns.add(new ModelRequest.Turn(role, texts(message.path("content"))));
        }
        List<String> system = new ArrayList<>();
        body.path("system").forEach(block -> system.add(block.path("text").asText("")));
        Integer maxTokens = ModelApi.maxTokens(body.path("inferenceConfig").path("maxTokens"), "inferenceConfig.maxTokens");
        ToolConfig tools = body.hasNonNull("toolConfig") ? ToolConfig.parse(body.get("toolConfig")) : null;
        return new ModelRequest(modelId, system, turns, maxTokens, tools);
    }

    /** The text blocks of a message, joined; images, documents and tool blocks carry no text the model reads. */
    private static String texts(JsonNode content) {
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText("")));
        return text.toString();
    }

    @Override
    public void reply(HttpExchange exchange, ModelRequest request, CallOutcome.Reply reply) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode message = body.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        if (reply.toolCall() == null) {
            content.addObject().put("text", reply.text());
        } else {
            content.addObject().putObject("toolUse")
                    .put("toolUseId", "tooluse_local%012d".formatted(toolUseIds.incrementAndGet()))
                    .put("name", reply.toolCall().name())
                    .set("input", reply.toolCall().input());
        }
        body.put("stopReason", reply.stopReason());
        body.putObject("usage")
                .put("inputTokens", reply.inputTokens())
                .put("outputTokens", reply.outputTokens())
                .put("totalTokens", reply.inputTokens() + reply.outputTokens());
        body.putObject("metrics").put("latencyMs", reply.latencyMs());
        HttpReplies.json(exchange, 200, body, Map.of());
    }
}
