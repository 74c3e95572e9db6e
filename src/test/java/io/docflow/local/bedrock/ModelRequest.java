package io.docflow.local.bedrock;

import java.util.List;

/**
 * A model call, whichever API it came through: the system texts, the conversation's text per turn and the
 * {@code maxTokens} asked for (null when not given).
 */
record ModelRequest(String modelId, List<String> system, List<Turn> messages, Integer maxTokens) {

    record Turn(String role, String text) {
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

    int inputChars() {
        return system.stream().mapToInt(String::length).sum()
                + messages.stream().mapToInt(turn -> turn.text().length()).sum();
    }
}
