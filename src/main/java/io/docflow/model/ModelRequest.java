package io.docflow.model;

/**
 * One rendered prompt, ready to send.
 *
 * @param chunkIndex the chunk an extraction call reads, or -1
 */
public record ModelRequest(ModelTask task, String modelId, String promptVersion, String prompt, int chunkIndex) {
}
