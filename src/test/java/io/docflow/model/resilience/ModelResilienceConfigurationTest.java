package io.docflow.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.docflow.config.DocflowProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ModelResilienceConfigurationTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ModelResilienceConfiguration configuration = new ModelResilienceConfiguration();
    private final DocflowProperties properties = Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.breaker.failure-rate-threshold", "25")
                    .withProperty("docflow.models.breaker.sliding-window-size", "8")
                    .withProperty("docflow.models.breaker.minimum-number-of-calls", "3")
                    .withProperty("docflow.models.breaker.wait-in-open-state", "7s")
                    .withProperty("docflow.models.breaker.permitted-calls-in-half-open-state", "1")
                    .withProperty("docflow.models.breaker.slow-call-rate-threshold", "90")
                    .withProperty("docflow.models.breaker.slow-call-duration", "45s")
                    .withProperty("docflow.models.pacing.requests-per-minute", "60")
                    .withProperty("docflow.models.pacing.burst", "0s")
                    .withProperty("docflow.models.pacing.decrease", "0.5"))
            .bindOrCreate("docflow", DocflowProperties.class);

    private double state(String role) {
        return meters.get("docflow.model.breaker.state").tag("role", role).gauge().value();
    }

    @Test
    void theBreakersTakeTheirThresholdsFromTheSettings() {
        CircuitBreaker primary = configuration.primaryModelBreaker(properties, meters);
        CircuitBreakerConfig config = primary.getCircuitBreakerConfig();

        assertThat(primary.getName()).isEqualTo("model-primary");
        assertThat(config.getFailureRateThreshold()).isEqualTo(25f);
        assertThat(config.getSlidingWindowSize()).isEqualTo(8);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(3);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(1);
        assertThat(config.getSlowCallRateThreshold()).isEqualTo(90f);
        assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
        assertThat(configuration.fallbackModelBreaker(properties, meters).getName()).isEqualTo("model-fallback");
    }

    @Test
    void eachBreakersStateIsAGaugeOfItsRole() {
        CircuitBreaker primary = configuration.primaryModelBreaker(properties, meters);
        CircuitBreaker fallback = configuration.fallbackModelBreaker(properties, meters);

        assertThat(state("primary")).isZero();
        primary.transitionToOpenState();
        assertThat(state("primary")).isEqualTo(1);
        assertThat(state("fallback")).isZero();
        primary.transitionToHalfOpenState();
        assertThat(state("primary")).isEqualTo(2);
        fallback.transitionToForcedOpenState();
        assertThat(state("fallback")).isEqualTo(3);
        primary.transitionToClosedState();
        assertThat(state("primary")).isZero();
    }

    @Test
    void theBreakerOpensAfterEnoughFailures() {
        CircuitBreaker primary = configuration.primaryModelBreaker(properties, meters);

        for (int i = 0; i < 3; i++) {
            primary.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, new IllegalStateException("down"));
        }

        assertThat(primary.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(state("primary")).isEqualTo(1);
    }

    @Test
    void thePacerUsesThePacingSettings() {
        AdaptivePacer pacer = configuration.modelPacer(properties);

        assertThat(pacer.reserve("m", 1)).isZero();
        Duration second = pacer.reserve("m", 1);
        assertThat(second).isGreaterThan(Duration.ofMillis(900)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        pacer.throttled("m");
        assertThat(pacer.rateFraction("m")).isEqualTo(0.5);
    }

    @Test
    void byDefaultThePacerIsUnpaced() {
        AdaptivePacer pacer = configuration.modelPacer(Binder.get(new MockEnvironment())
                .bindOrCreate("docflow", DocflowProperties.class));

        for (int i = 0; i < 100; i++) {
            assertThat(pacer.reserve("m", 10_000)).isZero();
        }
    }
}
