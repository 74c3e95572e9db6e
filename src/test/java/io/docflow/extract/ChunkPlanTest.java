package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    private static final Chunk FIRST = new Chunk(0, "abc", 0, 3, 1);

    @Test
    void theEmptyPlanHasNoChunksAndIsComplete() {
        ChunkPlan empty = ChunkPlan.empty();

        assertThat(empty.chunks()).isEmpty();
        assertThat(empty.skipped()).isEmpty();
        assertThat(empty.reason()).isNull();
        assertThat(empty.complete()).isTrue();
    }

    @Test
    void aPlanWithSkippedChunksIsIncomplete() {
        ChunkPlan plan = new ChunkPlan(List.of(FIRST), List.of(new ChunkPlan.Skipped(1, 2, 6)), "too long");

        assertThat(plan.complete()).isFalse();
        assertThat(new ChunkPlan(List.of(FIRST), List.of(), null).complete()).isTrue();
    }

    @Test
    void theListsAreCopiedAndCannotChangeAfterwards() {
        List<Chunk> chunks = new ArrayList<>(List.of(FIRST));
        ChunkPlan plan = new ChunkPlan(chunks, new ArrayList<>(), null);

        chunks.add(new Chunk(1, "d", 3, 4, 1));

        assertThat(plan.chunks()).containsExactly(FIRST);
        assertThatThrownBy(() -> plan.chunks().add(FIRST)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> plan.skipped().add(new ChunkPlan.Skipped(1, 0, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullListsAreRefused() {
        assertThatThrownBy(() -> new ChunkPlan(null, List.of(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ChunkPlan(List.of(), null, null)).isInstanceOf(NullPointerException.class);
    }
}
