package io.docflow.extract;

/**
 * One piece of a document's text: {@code text} equals {@code original.substring(startOffset, endOffset)}.
 *
 * @param index position in the chunk sequence, from 0
 */
public record Chunk(int index, String text, int startOffset, int endOffset, int estimatedTokens) {
}
