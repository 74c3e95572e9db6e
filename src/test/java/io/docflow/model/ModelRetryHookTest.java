package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.docflow.config.DocflowProperties;
import io.docflow.model.resilience.AdaptivePacer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

class ModelRetryHookTest {

    private final DocflowProperties properties = Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.classification", "model-a")
                    .withProperty("docflow.models.extraction", "model-a")
                    .withProperty("docflow.models.fallback", "model-b"))
            .bindOrCreate("docflow", DocflowProperties.class);
    private final AdaptivePacer pacer = new AdaptivePacer(0, 0, 0.1, 0.05, 0.5, Duration.ZERO, System::nanoTime);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ModelRetryHook hook = new ModelRetryHook(new ModelPacing(pacer, properties), properties, meters);

    @Test
    void everyConfiguredModelsRetrySeriesExistAtZeroBeforeTheFirstRetry() {
        for (String model : new String[] {"model-a", "model-b"}) {
            assertThat(retries(model, true)).isZero();
            assertThat(retries(model, false)).isZero();
        }
    }

    @Test
    void aThrottledRetryIsCountedAsThrottledAndSlowsThatModel() {
        hook.retrying("model-a", ThrottlingException.builder().message("slow down").build());

        assertThat(retries("model-a", true)).isEqualTo(1);
        assertThat(retries("model-a", false)).isZero();
        assertThat(pacer.rateFraction("model-a")).isEqualTo(0.5);
        assertThat(pacer.rateFraction("model-b")).isEqualTo(1.0);
    }

    @Test
    void throttlingIsFoundAsTheCauseOfAWrappedError() {
        hook.retrying("model-a", new IllegalStateException(ThrottlingException.builder().message("slow down").build()));

        assertThat(retries("model-a", true)).isEqualTo(1);
    }

    @Test
    void otherErrorsAreRetriedAtTheSamePace() {
        hook.retrying("model-b", ServiceUnavailableException.builder().message("down").build());
        hook.retrying("model-b", SdkClientException.create("connection reset"));

        assertThat(retries("model-b", false)).isEqualTo(2);
        assertThat(retries("model-b", true)).isZero();
        assertThat(pacer.rateFraction("model-b")).isEqualTo(1.0);
    }

    private double retries(String model, boolean throttled) {
        return meters.get("docflow.model.retries").tag("model", model).tag("throttled", Boolean.toString(throttled))
                .counter().count();
    }
}
