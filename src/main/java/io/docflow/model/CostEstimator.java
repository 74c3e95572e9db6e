package io.docflow.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

import io.docflow.config.DocflowProperties;
import org.springframework.stereotype.Component;

/** Estimates what model calls cost from the configured price table (USD per million tokens, per model id). */
@Component
public class CostEstimator {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final DocflowProperties.Models models;

    public CostEstimator(DocflowProperties properties) {
        this.models = properties.models();
    }

    /** The estimate in USD, or null when a model used has no price configured (unknown is not zero). */
    public BigDecimal estimate(Collection<ModelReply> calls) {
        BigDecimal total = BigDecimal.ZERO;
        for (ModelReply call : calls) {
            BigDecimal cost = unrounded(call);
            if (cost == null) {
                return null;
            }
            total = total.add(cost);
        }
        return total.setScale(6, RoundingMode.HALF_UP);
    }

    /** One call's cost in USD, not rounded (metrics add many of them), or null when its model has no price. */
    public BigDecimal unrounded(ModelReply call) {
        DocflowProperties.Price price = models.prices().get(call.modelId());
        if (price == null) {
            return null;
        }
        return price.inputPerMillion().multiply(BigDecimal.valueOf(call.inputTokens()))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(call.outputTokens())))
                .divide(MILLION);
    }
}
