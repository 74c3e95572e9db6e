package io.docflow.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A model's answer with what it cost: tokens as Bedrock counted them, the time the call took (retries included),
 * how many attempts it needed across both models, and whether the fallback model gave it.
 *
 * @param text      the reply's text blocks, joined (empty when a tool-use reply holds only the tool call)
 * @param output    how the call asked for its answer (a refusing model's call is TEXT though the task uses tools)
 * @param toolInput a tool-use reply's toolUse input, the answer; null for text replies and when the model called
 *                  no tool
 */
public record ModelReply(ModelTask task, String modelId, String text, String stopReason, int inputTokens,
                         int outputTokens, long latencyMs, int chunkIndex, int attempts, boolean fallback,
                         ModelOutput output, JsonNode toolInput) {

    /** A text reply. */
    public ModelReply(ModelTask task, String modelId, String text, String stopReason, int inputTokens,
                      int outputTokens, long latencyMs, int chunkIndex, int attempts, boolean fallback) {
        this(task, modelId, text, stopReason, inputTokens, outputTokens, latencyMs, chunkIndex, attempts, fallback,
                ModelOutput.TEXT, null);
    }
}
