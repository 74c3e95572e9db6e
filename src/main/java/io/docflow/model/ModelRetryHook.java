package io.docflow.model;

import io.docflow.config.DocflowProperties;
import io.docflow.exchange.Variables;
import io.docflow.model.resilience.ModelErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The {@code onRedelivery} processor of the {@code model-retries} configuration (routes/error-handling.camel.yaml):
 * before each retry of a failed Bedrock call it counts the retry, slows the pace on throttling and waits for a slot.
 */
@Component("modelRetryHook")
public class ModelRetryHook implements Processor {

    private final ModelPacing pacing;
    private final MeterRegistry meters;

    public ModelRetryHook(ModelPacing pacing, DocflowProperties properties, MeterRegistry meters) {
        this.pacing = pacing;
        this.meters = meters;
        // at zero from the start, so rate() and the throttling alert see the series before the first retry
        for (String modelId : properties.models().configuredIds()) {
            retries(modelId, true);
            retries(modelId, false);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable error = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        retrying(Variables.MODEL_REQUEST.get(exchange).modelId(), error);
        pacing.pace(exchange);
    }

    /** A failed attempt on {@code modelId} is retried: counted, and throttling slows the model's pace. */
    void retrying(String modelId, Throwable error) {
        boolean throttled = ModelErrors.isThrottling(error);
        pacing.failed(modelId, throttled);
        retries(modelId, throttled).increment();
    }

    private Counter retries(String modelId, boolean throttled) {
        return meters.counter("docflow.model.retries", "model", modelId, "throttled", Boolean.toString(throttled));
    }
}
