package io.docflow.local.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the local model says to a call: text, or a call of a tool; with the stop reason it gives. */
record Answer(String text, CallOutcome.ToolCall toolCall, String stopReason) {

    static Answer text(String text) {
        return new Answer(text, null, "end_turn");
    }

    static Answer tool(String name, ObjectNode input) {
        return new Answer("", new CallOutcome.ToolCall(name, input), "tool_use");
    }

    int outputTokens() {
        return Tokens.of(toolCall == null ? text : toolCall.input().toString());
    }

    /**
     * The answer cut at {@code maxTokens}: text is cut short; a tool call's input cannot be half a JSON object, so
     * the tool is called with an empty one.
     */
    Answer cutAt(int maxTokens) {
        if (toolCall == null) {
            return new Answer(text.substring(0, maxTokens * Tokens.CHARS_PER_TOKEN), null, "max_tokens");
        }
        return new Answer("", new CallOutcome.ToolCall(toolCall.name(), Json.MAPPER.createObjectNode()), "max_tokens");
    }
}
