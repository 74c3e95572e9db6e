package io.docflow.local.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How a model call ended: a reply, or a Bedrock error. */
sealed interface CallOutcome {

    /** @param toolCall the tool the model called with its input, null for a text reply */
    record Reply(String text, String stopReason, int inputTokens, int outputTokens, long latencyMs, ToolCall toolCall)
            implements CallOutcome {
    }

    record ToolCall(String name, ObjectNode input) {
    }

    record Failure(BedrockError error, String message) implements CallOutcome {

        Failure(BedrockError error) {
            this(error, error.defaultMessage());
        }
    }
}
