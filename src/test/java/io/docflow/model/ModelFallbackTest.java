package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.docflow.config.DocflowProperties;
import io.docflow.model.resilience.ModelsUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

class ModelFallbackTest {

    private final ModelRequest request = new ModelRequest(ModelTask.CLASSIFY, "model-a", "v1", "prompt", 0);

    @Test
    void anOpenBreakerWithoutACauseParksTheDocument() {
        RuntimeException end = ModelFallback.noModelFor(request, null);

        assertThat(end).isInstanceOf(ModelsUnavailableException.class).hasMessageContaining("circuit breaker open");
    }

    @Test
    void outagesAndThrottlingParkTheDocument() {
        assertThat(ModelFallback.noModelFor(request, ThrottlingException.builder().message("slow down").build()))
                .isInstanceOf(ModelsUnavailableException.class).hasMessageContaining("ThrottlingException");
        assertThat(ModelFallback.noModelFor(request, ServiceUnavailableException.builder().message("down").build()))
                .isInstanceOf(ModelsUnavailableException.class);
    }

    @Test
    void aRefusalIsRethrownSoTheJobFailsWithIt() {
        AccessDeniedException denied = AccessDeniedException.builder().message("no access").build();

        assertThat(ModelFallback.noModelFor(request, denied)).isSameAs(denied);
    }

    @Test
    void aCheckedCauseIsWrappedNotLost() {
        Exception checked = new Exception("odd");

        assertThat(ModelFallback.noModelFor(request, checked)).isInstanceOf(IllegalStateException.class).hasCause(checked);
    }

    @Test
    void anUnusableAnswerIsAskedAgainOfTheFallbackModel() {
        ModelFallback fallback = fallback("model-b");

        assertThat(fallback.asksAgainAfter(replyFrom("model-a"))).isTrue();
    }

    @Test
    void anUnusableAnswerOfTheFallbackModelItselfIsNotAskedAgain() {
        // e.g. the fallback model also serves a task, or it served the call while the primary's breaker was open:
        // asking it again would be refused by call-fallback-model as if no model could serve it, parking the document
        ModelFallback fallback = fallback("model-b");

        assertThat(fallback.asksAgainAfter(replyFrom("model-b"))).isFalse();
    }

    @Test
    void withoutAFallbackModelNothingIsAskedAgain() {
        assertThat(fallback("").asksAgainAfter(replyFrom("model-a"))).isFalse();
    }

    private static ModelFallback fallback(String fallbackModel) {
        DocflowProperties properties = Binder.get(new MockEnvironment().withProperty("docflow.models.fallback", fallbackModel))
                .bindOrCreate("docflow", DocflowProperties.class);
        return new ModelFallback(properties, new SimpleMeterRegistry());
    }

    private static ModelReply replyFrom(String modelId) {
        return new ModelReply(ModelTask.CLASSIFY, modelId, "not json", "end_turn", 1, 1, 1, -1, 1, false);
    }
}
