package io.docflow.model;

import io.docflow.config.DocflowProperties;
import io.docflow.exchange.Variables;
import io.docflow.model.resilience.ModelErrors;
import io.docflow.model.resilience.ModelsUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a model call goes when the primary model cannot answer (routes/model.camel.yaml): to the fallback model, or,
 * when there is none or it is down too, nowhere: retryable causes park the document, refusals fail it.
 */
@Component("modelFallback")
public class ModelFallback {

    private static final Logger log = LoggerFactory.getLogger(ModelFallback.class);

    private final DocflowProperties.Models models;
    private final MeterRegistry meters;

    public ModelFallback(DocflowProperties properties, MeterRegistry meters) {
        this.models = properties.models();
        this.meters = meters;
    }

    /**
     * Whether an unusable answer (bad output, not an outage) is asked once more of the fallback model: one is
     * configured and it is not the model that gave the answer. Asking the model that answered again cannot help, and
     * call-fallback-model would take it for no model being able to serve the call and park the document (over and
     * over, until the dead-letter queue) where it needs review.
     */
    public boolean asksAgainAfter(ModelReply unusable) {
        return models.hasFallback() && !models.fallback().equals(unusable.modelId());
    }

    /** The primary model's breaker is open or its retries are spent: the fallback model takes the call. */
    public void useFallback(Exchange exchange) {
        Throwable cause = caught(exchange);
        ModelRequest request = Variables.MODEL_REQUEST.get(exchange);
        if (!models.hasFallback() || models.fallback().equals(request.modelId())) {
            throw noModelFor(request, cause);
        }
        log.warn("Model {} unavailable for {} ({}); the fallback model {} takes the call", request.modelId(),
                request.task(), describe(cause), models.fallback());
        meters.counter("docflow.model.fallbacks", "model", request.modelId()).increment();
        Variables.MODEL_REQUEST.set(exchange, request.withModel(models.fallback()));
        Variables.MODEL_FALLBACK.set(exchange, true);
    }

    /** The fallback model's breaker is open or its retries are spent too. */
    public void giveUp(Exchange exchange) {
        throw noModelFor(Variables.MODEL_REQUEST.get(exchange), caught(exchange));
    }

    /**
     * What a call that no model could answer ends with: retryable causes (throttling, outages, an open breaker, none
     * at all) park the document; a refusal (validation, access) is the cause itself, so the job fails with it.
     */
    static RuntimeException noModelFor(ModelRequest request, Throwable cause) {
        if (cause == null || ModelErrors.isRetryable(cause)) {
            return new ModelsUnavailableException("No model can serve " + request.task() + " now: " + describe(cause), cause);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private static Throwable caught(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return caught != null ? caught : exchange.getException();
    }

    private static String describe(Throwable cause) {
        return cause == null ? "circuit breaker open" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
