package io.docflow.extract;

import java.util.List;

/**
 * How a text was split: the chunks to use and, if the text needed more than {@code docflow.extract.max-chunks},
 * the chunks left out and why.
 *
 * @param chunks  in text order, their indexes counting from 0
 * @param skipped the chunks past the cap, in text order, their indexes continuing those of {@code chunks}
 * @param reason  why chunks were skipped; null when none were
 */
public record ChunkPlan(List<Chunk> chunks, List<Skipped> skipped, String reason) {

    public ChunkPlan {
        chunks = List.copyOf(chunks);
        skipped = List.copyOf(skipped);
    }

    static ChunkPlan empty() {
        return new ChunkPlan(List.of(), List.of(), null);
    }

    /** True when the chunks cover the whole text. */
    public boolean complete() {
        return skipped.isEmpty();
    }

    /** A chunk that was planned but not used: where it lies in the original text. */
    public record Skipped(int index, int startOffset, int endOffset) {
    }
}
