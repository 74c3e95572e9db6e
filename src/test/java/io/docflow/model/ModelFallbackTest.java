package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.docflow.model.resilience.ModelsUnavailableException;
import org.junit.jupiter.api.Test;
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
}
