package io.docflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.tracing.SpanAdapter;
import org.junit.jupiter.api.Test;

class ExchangeSpanInScopeTest {

    private final RecordingSpan span = new RecordingSpan();

    @Test
    void theStepRunsWithTheExchangesSpanCurrentAndTheScopeIsClosedAfter() {
        boolean result = ExchangeSpanInScope.inScope(span, () -> {
            span.events.add("step");
            return false;
        });

        assertThat(result).isFalse();
        assertThat(span.events).containsExactly("current", "step", "closed");
    }

    @Test
    void aFailingStepStillClosesTheScopeAndItsErrorIsUnchanged() {
        IllegalStateException failure = new IllegalStateException("stage failed");

        assertThatThrownBy(() -> ExchangeSpanInScope.inScope(span, () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(span.events).containsExactly("current", "closed");
    }

    @Test
    void withoutASpanTheStepJustRuns() {
        assertThat(ExchangeSpanInScope.inScope(null, () -> true)).isTrue();
    }

    @Test
    void aCheckedErrorClosingTheScopeIsWrapped() {
        span.failOnClose = true;

        assertThatThrownBy(() -> ExchangeSpanInScope.inScope(span, () -> true))
                .isInstanceOf(IllegalStateException.class).hasRootCauseMessage("cannot close");
    }

    /** The span of an exchange: records when it is made current and when that scope closes. */
    private static final class RecordingSpan implements SpanAdapter {
        final List<String> events = new ArrayList<>();
        boolean failOnClose;

        @Override
        public AutoCloseable makeCurrent() {
            events.add("current");
            return () -> {
                events.add("closed");
                if (failOnClose) {
                    throw new Exception("cannot close");
                }
            };
        }

        @Override
        public void setComponent(String component) {
        }

        @Override
        public void setError(boolean error) {
        }

        @Override
        public void setTag(String key, String value) {
        }

        @Override
        public void setTag(String key, Number value) {
        }

        @Override
        public void setTag(String key, Boolean value) {
        }

        @Override
        public void log(Map<String, String> fields) {
        }

        @Override
        public String traceId() {
            return "t";
        }

        @Override
        public String spanId() {
            return "s";
        }
    }
}
