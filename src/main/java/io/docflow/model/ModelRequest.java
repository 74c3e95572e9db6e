package io.docflow.model;

/**
 * One rendered prompt, ready to send.
 *
 * @param chunkIndex the chunk an extraction call reads, or -1
 */
public record ModelRequest(ModelTask task, String modelId, String promptVersion, String prompt, int chunkIndex) {

    public ModelRequest withModel(String otherModelId) {
        return new ModelRequest(task, otherModelId, promptVersion, prompt, chunkIndex);
    }

    /** Tokens the call may consume against the quota: the prompt (estimated) plus the reserved {@code maxTokens}. */
    public int estimatedTokens(int maxTokens) {
        return (prompt.length() + 3) / 4 + maxTokens;
    }
}
