package io.docflow.observability;

import java.util.function.BooleanSupplier;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.springframework.stereotype.Component;

/**
 * While a route step runs, the exchange's active span is the thread's current OpenTelemetry context. Camel keeps the
 * span on the exchange, not on the thread, so calls made inside beans (the jobs table's DynamoDB calls, traced by
 * the AWS SDK instrumentation) would otherwise start traces of their own instead of joining the document's.
 */
@Component
public class ExchangeSpanInScope implements InterceptStrategy {

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                return inScope(ActiveSpanManager.getSpan(exchange), () -> super.process(exchange, callback));
            }
        };
    }

    /** Runs {@code step} with {@code span} current, the scope closed again whatever happens; without a span, as is. */
    static boolean inScope(SpanAdapter span, BooleanSupplier step) {
        if (span == null) {
            return step.getAsBoolean();
        }
        try (AutoCloseable scope = span.makeCurrent()) {
            return step.getAsBoolean();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // closing an OpenTelemetry scope throws nothing checked; the signature just allows it
            throw new IllegalStateException(e);
        }
    }
}
