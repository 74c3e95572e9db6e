package io.docflow.model;

import io.docflow.exchange.Variables;
import io.docflow.config.DocflowProperties;
import io.docflow.model.resilience.AdaptivePacer;
import io.docflow.model.resilience.ModelErrors;
import io.docflow.model.resilience.ModelsUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of routes/model.camel.yaml around each Bedrock call: pacing under the quota, counting attempts,
 * adapting the pace to throttling, and switching to the fallback model or giving up when the models are down.
 * Also the {@code onRedelivery} processor of the {@code model-retries} configuration.
 */
@Component("modelCalls")
public class ModelCalls implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ModelCalls.class);

    private final AdaptivePacer pacer;
    private final DocflowProperties.Models models;
    private final MeterRegistry meters;

    public ModelCalls(AdaptivePacer pacer, DocflowProperties properties, MeterRegistry meters) {
        this.pacer = pacer;
        this.models = properties.models();
        this.meters = meters;
        // at zero from the start, so rate() and the throttling alert see the series before the first retry
        for (String modelId : models.configuredIds()) {
            retries(modelId, true);
            retries(modelId, false);
        }
    }

    /** Before the first attempt on a model: wait for a slot under the pod's quota share. */
    public void pace(Exchange exchange) throws InterruptedException {
        ModelRequest request = request(exchange);
        pacer.acquire(request.modelId(), request.estimatedTokens(models.maxTokens()));
        Variables.MODEL_ATTEMPTS.set(exchange, Variables.MODEL_ATTEMPTS.get(exchange, 0) + 1);
    }

    public void succeeded(Exchange exchange) {
        pacer.succeeded(request(exchange).modelId());
    }

    /** Called by Camel before each redelivery of a failed call: slow down on throttling, then wait for a slot. */
    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable error = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String modelId = request(exchange).modelId();
        boolean throttled = ModelErrors.isThrottling(error);
        if (throttled) {
            pacer.throttled(modelId);
        }
        retries(modelId, throttled).increment();
        pace(exchange);
    }

    private Counter retries(String modelId, boolean throttled) {
        return meters.counter("docflow.model.retries", "model", modelId, "throttled", Boolean.toString(throttled));
    }

    public boolean fallbackConfigured() {
        return models.hasFallback();
    }

    /** The primary model's breaker is open or its retries are spent: the fallback model takes the call. */
    public void useFallback(Exchange exchange) {
        Throwable cause = caught(exchange);
        ModelRequest request = request(exchange);
        if (!models.hasFallback() || models.fallback().equals(request.modelId())) {
            giveUp(exchange);
            return;
        }
        log.warn("Model {} unavailable for {} ({}); the fallback model {} takes the call", request.modelId(),
                request.task(), describe(cause), models.fallback());
        meters.counter("docflow.model.fallbacks", "model", request.modelId()).increment();
        Variables.MODEL_REQUEST.set(exchange, request.withModel(models.fallback()));
        Variables.MODEL_FALLBACK.set(exchange, true);
    }

    /**
     * No model could answer. Retryable causes (throttling, outages, an open breaker) park the document; a refusal
     * (validation, access) is rethrown so the job fails with it.
     */
    public void giveUp(Exchange exchange) {
        Throwable cause = caught(exchange);
        if (cause == null || ModelErrors.isRetryable(cause)) {
            throw new ModelsUnavailableException("No model can serve " + request(exchange).task() + " now: "
                    + describe(cause), cause);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }

    private static Throwable caught(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return caught != null ? caught : exchange.getException();
    }

    private static String describe(Throwable cause) {
        return cause == null ? "circuit breaker open" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static ModelRequest request(Exchange exchange) {
        return Variables.MODEL_REQUEST.get(exchange);
    }
}
