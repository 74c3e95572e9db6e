package io.docflow.local.bedrock;

import java.util.List;

/**
 * A model call, whichever API it came through: the system texts, the conversation's text per turn, the
 * {@code maxTokens} asked for (null when not given) and the Converse tool configuration (null without tools).
 */
record ModelRequest(String modelId, List<String> system, List<Turn> messages, Integer maxTokens, ToolConfig tools) {

    record Turn(String role, String text) {
    }

    ModelRequest(String modelId, List<String> system, List<Turn> messages, Integer maxTokens) {
        this(modelId, system, messages, maxTokens, null);
    }

    /** The text the local model answers: the last user message. */
    String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    /** What counts as input: system texts, messages and tool definitions. */
    int inputChars() {
        return system.stream().mapToInt(String::length).sum()
                + messages.stream().mapToInt(turn -> turn.text().length()).sum()
                + (tools == null ? 0 : tools.characters());
    }
}
