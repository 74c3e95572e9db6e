package io.docflow.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;

import io.docflow.model.BadModelOutputException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ModelErrorsTest {

    private static final ThrottlingException THROTTLED = ThrottlingException.builder().message("Too many requests").statusCode(429).build();

    @Test
    void serviceSideTransientErrorsAreRetryable() {
        assertThat(ModelErrors.isRetryable(THROTTLED)).isTrue();
        assertThat(ModelErrors.isRetryable(ModelNotReadyException.builder().message("warming").build())).isTrue();
        assertThat(ModelErrors.isRetryable(ServiceUnavailableException.builder().message("503").build())).isTrue();
        assertThat(ModelErrors.isRetryable(InternalServerException.builder().message("500").build())).isTrue();
        assertThat(ModelErrors.isRetryable(ModelTimeoutException.builder().message("slow").build())).isTrue();
        assertThat(ModelErrors.isRetryable(ModelErrorException.builder().message("model failed").build())).isTrue();
    }

    @Test
    void clientSideIoErrorsAndAnOpenBreakerAreRetryable() {
        assertThat(ModelErrors.isRetryable(SdkClientException.create("connection reset"))).isTrue();
        assertThat(ModelErrors.isRetryable(ApiCallTimeoutException.create(1000))).isTrue();
        assertThat(ModelErrors.isRetryable(new SocketTimeoutException("read timed out"))).isTrue();
        assertThat(ModelErrors.isRetryable(new UncheckedIOException(new IOException("broken pipe")))).isTrue();
        assertThat(ModelErrors.isRetryable(CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("model-primary")))).isTrue();
    }

    @Test
    void requestsTheModelRefusesAreNotRetryable() {
        assertThat(ModelErrors.isRetryable(ValidationException.builder().message("bad prompt").statusCode(400).build())).isFalse();
        assertThat(ModelErrors.isRetryable(AccessDeniedException.builder().message("denied").statusCode(403).build())).isFalse();
        assertThat(ModelErrors.isRetryable(ResourceNotFoundException.builder().message("no model").statusCode(404).build())).isFalse();
    }

    @Test
    void badOutputAndProgrammingErrorsAreNotRetryable() {
        assertThat(ModelErrors.isRetryable(new BadModelOutputException("no JSON"))).isFalse();
        assertThat(ModelErrors.isRetryable(new IllegalStateException("bug"))).isFalse();
        assertThat(ModelErrors.isRetryable(null)).isFalse();
    }

    @Test
    void theCauseChainIsSearched() {
        RuntimeException wrapped = new RuntimeException("route failed", new IllegalStateException("call failed", THROTTLED));

        assertThat(ModelErrors.isRetryable(wrapped)).isTrue();
        assertThat(ModelErrors.isThrottling(wrapped)).isTrue();
        assertThat(ModelErrors.isRetryable(new RuntimeException(ValidationException.builder().message("bad").build())))
                .isFalse();
    }

    @Test
    void onlyThrottlingIsThrottling() {
        assertThat(ModelErrors.isThrottling(THROTTLED)).isTrue();
        assertThat(ModelErrors.isThrottling(ServiceUnavailableException.builder().message("503").build())).isFalse();
        assertThat(ModelErrors.isThrottling(SdkClientException.create("reset"))).isFalse();
        assertThat(ModelErrors.isThrottling(new BadModelOutputException("x"))).isFalse();
        assertThat(ModelErrors.isThrottling(null)).isFalse();
    }
}
