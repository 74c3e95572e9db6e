package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.model.ExtractedFields;
import org.junit.jupiter.api.Test;

class ChunkAnswersTest {

    private final ChunkAnswers answers = new ChunkAnswers();

    @Test
    void fieldsComeInChunkOrderWhateverOrderTheAnswersCameIn() {
        answers.answered(2, answer("c"));
        answers.answered(0, answer("a"));
        answers.answered(1, answer("b"));

        assertThat(answers.fieldsInOrder()).containsExactly(fields("a"), fields("b"), fields("c"));
        assertThat(answers.unreadable()).isEmpty();
        assertThat(answers.noneReadable()).isNull();
    }

    @Test
    void anUnreadableChunkIsKeptWithWhyAndTheOthersStillCount() {
        answers.unreadable(0, "no JSON object");
        answers.answered(1, answer("b"));

        assertThat(answers.unreadable()).containsOnly(Map.entry(0, "no JSON object"));
        assertThat(answers.fieldsInOrder()).containsExactly(fields("b"));
        assertThat(answers.noneReadable()).as("one chunk was readable").isNull();
    }

    @Test
    void whenNoChunkWasReadableItSaysWhyTheFirstWasNot() {
        answers.unreadable(3, "empty reply");
        answers.unreadable(0, "no JSON object");
        answers.unreadable(1, "not an object");

        assertThat(answers.noneReadable()).isEqualTo("no JSON object");
        assertThat(answers.unreadable()).as("in chunk order").containsExactly(Map.entry(0, "no JSON object"),
                Map.entry(1, "not an object"), Map.entry(3, "empty reply"));
    }

    @Test
    void withoutAnyAnswerNothingWasUnreadable() {
        assertThat(answers.noneReadable()).isNull();
        assertThat(answers.fieldsInOrder()).isEmpty();
    }

    @Test
    void answersFromParallelChunksAreAllKept() throws Exception {
        Parallel.run(8, 2_000, chunk -> {
            if (chunk % 2 == 0) {
                answers.answered(chunk, answer(Integer.toString(chunk)));
            } else {
                answers.unreadable(chunk, "unreadable " + chunk);
            }
        });

        assertThat(answers.fieldsInOrder()).hasSize(1_000).first().isEqualTo(fields("0"));
        assertThat(answers.fieldsInOrder()).last().isEqualTo(fields("1998"));
        assertThat(answers.unreadable()).hasSize(1_000).containsEntry(1999, "unreadable 1999");
    }

    private static ExtractedFields answer(String value) {
        return new ExtractedFields((ObjectNode) fields(value), List.of());
    }

    private static JsonNode fields(String value) {
        return JsonNodeFactory.instance.objectNode().put("v", value);
    }
}
