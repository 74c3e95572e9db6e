package io.docflow.model;

import io.docflow.config.DocflowProperties;
import io.docflow.exchange.Variables;
import io.docflow.model.resilience.AdaptivePacer;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The converse route's steps around each Bedrock attempt: a slot under the pod's quota share first, then success. */
@Component("modelPacing")
public class ModelPacing {

    private final AdaptivePacer pacer;
    private final int maxTokens;

    public ModelPacing(AdaptivePacer pacer, DocflowProperties properties) {
        this.pacer = pacer;
        this.maxTokens = properties.models().maxTokens();
    }

    /** Before every attempt on a model: wait for a slot under the quota share, count the attempt. */
    public void pace(Exchange exchange) throws InterruptedException {
        Variables.MODEL_ATTEMPTS.set(exchange, pace(Variables.MODEL_REQUEST.get(exchange),
                Variables.MODEL_ATTEMPTS.get(exchange, 0)));
    }

    /**
     * Waits for a slot for {@code request}, reserving its prompt's estimated tokens plus the reply's maximum against
     * the token budget; returns the attempts made once this one is counted.
     */
    int pace(ModelRequest request, int attemptsSoFar) throws InterruptedException {
        pacer.acquire(request.modelId(), request.estimatedTokens(maxTokens));
        return attemptsSoFar + 1;
    }

    public void succeeded(Exchange exchange) {
        pacer.succeeded(Variables.MODEL_REQUEST.get(exchange).modelId());
    }

    /** A failed attempt: throttling slows the model's pace down. */
    void failed(String modelId, boolean throttled) {
        if (throttled) {
            pacer.throttled(modelId);
        }
    }
}
