package io.docflow.model;

/**
 * A model's answer with what it cost: tokens as Bedrock counted them, the time the call took (retries included),
 * how many attempts it needed across both models, and whether the fallback model gave it.
 */
public record ModelReply(ModelTask task, String modelId, String text, String stopReason, int inputTokens,
                         int outputTokens, long latencyMs, int chunkIndex, int attempts, boolean fallback) {
}
