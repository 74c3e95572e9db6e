package io.docflow.model;

/** A model's answer with what it cost: tokens as Bedrock counted them, and the time the call took. */
public record ModelReply(ModelTask task, String modelId, String text, String stopReason, int inputTokens,
                         int outputTokens, long latencyMs, int chunkIndex) {
}
