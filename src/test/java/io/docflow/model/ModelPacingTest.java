package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.docflow.config.DocflowProperties;
import io.docflow.model.resilience.AdaptivePacer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ModelPacingTest {

    private static final long NOW = 1_000_000_000_000L;
    /** 60,000 tokens a minute: a token is a millisecond of the schedule; no request budget, no burst, a still clock. */
    private final AdaptivePacer pacer = new AdaptivePacer(0, 60_000, 0.1, 0.05, 0.5, Duration.ZERO, () -> NOW);
    private final ModelPacing pacing = new ModelPacing(pacer, Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.max-tokens", "1000"))
            .bindOrCreate("docflow", DocflowProperties.class));

    @Test
    void eachAttemptIsCountedAndReservesThePromptAndTheLongestReply() throws InterruptedException {
        ModelRequest request = new ModelRequest(ModelTask.CLASSIFY, "model-a", "v1", "x".repeat(400), -1);

        assertThat(pacing.pace(request, 0)).isEqualTo(1);
        assertThat(pacing.pace(request.withModel("model-b"), 2)).isEqualTo(3);

        // 400 characters are about 100 tokens, plus the 1000 reserved for the reply: 1100 ms of model-a's schedule
        assertThat(pacer.reserve("model-a", 1)).isEqualTo(Duration.ofMillis(1100));
    }

    @Test
    void onlyThrottlingSlowsTheModelDown() {
        pacing.failed("model-a", false);
        assertThat(pacer.rateFraction("model-a")).isEqualTo(1.0);

        pacing.failed("model-a", true);
        assertThat(pacer.rateFraction("model-a")).isEqualTo(0.5);
        assertThat(pacer.rateFraction("model-b")).isEqualTo(1.0);
    }
}
