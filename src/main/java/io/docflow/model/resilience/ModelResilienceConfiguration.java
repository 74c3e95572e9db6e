package io.docflow.model.resilience;

import io.docflow.config.DocflowProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breakers the routes use by name (routes/model.camel.yaml) and the quota pacer. The breakers are built
 * here, not by the EIP, so their thresholds are typed configuration and their state is a metric.
 */
@Configuration(proxyBeanMethods = false)
class ModelResilienceConfiguration {

    @Bean
    CircuitBreaker primaryModelBreaker(DocflowProperties properties, MeterRegistry meters) {
        return breaker("primary", properties.models().breaker(), meters);
    }

    @Bean
    CircuitBreaker fallbackModelBreaker(DocflowProperties properties, MeterRegistry meters) {
        return breaker("fallback", properties.models().breaker(), meters);
    }

    @Bean
    AdaptivePacer modelPacer(DocflowProperties properties) {
        var pacing = properties.models().pacing();
        return new AdaptivePacer(pacing.requestsPerMinute(), pacing.tokensPerMinute(), pacing.minimumFraction(),
                pacing.increase(), pacing.decrease(), pacing.burst(), System::nanoTime);
    }

    private static CircuitBreaker breaker(String role, DocflowProperties.Breaker settings, MeterRegistry meters) {
        CircuitBreaker breaker = CircuitBreaker.of("model-" + role, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .slowCallRateThreshold(settings.slowCallRateThreshold())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .build());
        // 0 closed, 1 open, 2 half-open, 3 other (disabled, forced open, metrics only)
        Gauge.builder("docflow.model.breaker.state", breaker, b -> switch (b.getState()) {
                    case CLOSED -> 0;
                    case OPEN -> 1;
                    case HALF_OPEN -> 2;
                    default -> 3;
                })
                .tag("role", role)
                .description("Circuit breaker state of the model role: 0 closed, 1 open, 2 half-open")
                .register(meters);
        return breaker;
    }
}
