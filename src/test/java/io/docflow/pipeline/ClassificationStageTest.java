package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.model.BadModelOutputException;
import io.docflow.model.ClassificationReader;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.JsonReplyReader;
import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The classify stage as routes/process.camel.yaml drives it: the answer, the fallback's answer, then the end. */
class ClassificationStageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocflowProperties PROPERTIES = Binder.get(new MockEnvironment())
            .bindOrCreate("docflow", DocflowProperties.class);
    private final ClassificationStage stage = new ClassificationStage(
            new ClassificationReader(new JsonReplyReader(MAPPER), new DocumentClassCatalog(PROPERTIES, MAPPER)));
    private final DocumentJob job = new DocumentJob("j-1",
            new SourceObject("in", "a.pdf", 10, "e", null, null, "test"));

    @Test
    void aReadableAnswerIsTheClassificationAndEndsTheStage() {
        ModelReply reply = reply("primary", "{\"documentClass\": \"invoice\", \"confidence\": 0.9}");

        assertThat(stage.classified(job, reply)).isTrue();
        stage.finish(job);

        assertThat(job.documentClass()).isEqualTo("invoice");
        assertThat(job.costs().modelCalls()).containsExactly(reply);
    }

    @Test
    void anUnreadableAnswerIsNotUsableAndTheStageEndsWithWhy() {
        assertThat(stage.classified(job, reply("primary", "Sorry, I cannot help with that."))).isFalse();

        assertThat(job.classification()).isNull();
        assertThat(job.costs().modelCalls()).hasSize(1);
        assertThatThrownBy(() -> stage.finish(job))
                .isInstanceOf(BadModelOutputException.class)
                .hasMessage("The model's reply holds no complete JSON object: 'Sorry, I cannot help with that.'");
    }

    @Test
    void anAnswerWithoutAClassIsNotUsable() {
        assertThat(stage.classified(job, reply("primary", "{\"confidence\": 0.9}"))).isFalse();

        assertThatThrownBy(() -> stage.finish(job))
                .isInstanceOf(BadModelOutputException.class).hasMessageContaining("lacks documentClass");
    }

    @Test
    void theFallbacksReadableAnswerIsAccepted() {
        stage.classified(job, reply("primary", "not json"));

        assertThat(stage.classified(job, reply("fallback", "{\"documentClass\": \"receipt\"}"))).isTrue();
        stage.finish(job);

        assertThat(job.documentClass()).isEqualTo("receipt");
        assertThat(job.costs().modelCalls()).extracting(ModelReply::modelId).containsExactly("primary", "fallback");
    }

    @Test
    void whenTheFallbackIsUnreadableTooTheStageEndsWithTheFallbacksReason() {
        stage.classified(job, reply("primary", "not json"));
        stage.classified(job, reply("fallback", "{\"documentClass\": 7}"));

        assertThatThrownBy(() -> stage.finish(job))
                .isInstanceOf(BadModelOutputException.class)
                .hasMessage("The classification reply lacks documentClass: '{\"documentClass\": 7}'");
    }

    @Test
    void withoutAnyAnswerTheStageEndsSayingSo() {
        assertThatThrownBy(() -> stage.finish(job))
                .isInstanceOf(BadModelOutputException.class).hasMessage("No classification answer was read");
    }

    @Test
    void theReasonIsThatOfTheLastClassificationAnswerNotOfALaterCall() {
        stage.classified(job, reply("primary", "not json"));
        job.costs().modelCalled(new ModelReply(ModelTask.EXTRACT, "primary", "{}", "end_turn", 1, 1, 1, 0, 1, false));

        assertThatThrownBy(() -> stage.finish(job))
                .isInstanceOf(BadModelOutputException.class).hasMessageContaining("'not json'");
    }

    private static ModelReply reply(String modelId, String text) {
        return new ModelReply(ModelTask.CLASSIFY, modelId, text, "end_turn", 10, 5, 3, -1, 1, "fallback".equals(modelId));
    }
}
