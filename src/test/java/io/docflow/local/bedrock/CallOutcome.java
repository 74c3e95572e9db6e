package io.docflow.local.bedrock;

/** How a model call ended: a reply, or a Bedrock error. */
sealed interface CallOutcome {

    record Reply(String text, String stopReason, int inputTokens, int outputTokens, long latencyMs)
            implements CallOutcome {
    }

    record Failure(BedrockError error, String message) implements CallOutcome {

        Failure(BedrockError error) {
            this(error, error.defaultMessage());
        }
    }
}
