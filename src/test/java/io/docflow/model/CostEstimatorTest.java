package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class CostEstimatorTest {

    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final String UNPRICED = "amazon.titan-text-lite-v1";

    private final CostEstimator estimator = new CostEstimator(Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.prices[" + HAIKU + "].input-per-million", "0.25")
                    .withProperty("docflow.models.prices[" + HAIKU + "].output-per-million", "1.25")
                    .withProperty("docflow.models.prices[" + SONNET + "].input-per-million", "3")
                    .withProperty("docflow.models.prices[" + SONNET + "].output-per-million", "15"))
            .bindOrCreate("docflow", DocflowProperties.class));

    private static ModelReply call(String model, int input, int output) {
        return new ModelReply(ModelTask.EXTRACT, model, "{}", "end_turn", input, output, 100, 0, 1, false);
    }

    @Test
    void oneCallCostsItsTokensAtTheModelsPrices() {
        // 1000 * 0.25 / 1e6 + 200 * 1.25 / 1e6 = 0.00025 + 0.00025
        assertThat(estimator.unrounded(call(HAIKU, 1000, 200))).isEqualByComparingTo("0.0005");
    }

    @Test
    void unroundedKeepsFractionsOfAMicroDollar() {
        assertThat(estimator.unrounded(call(HAIKU, 1, 0))).isEqualByComparingTo("0.00000025");
    }

    @Test
    void theEstimateAddsCallsOfDifferentModelsAndRoundsToSixDecimals() {
        BigDecimal estimate = estimator.estimate(List.of(call(HAIKU, 1000, 200), call(SONNET, 2000, 100)));

        // 0.0005 + (0.006 + 0.0015)
        assertThat(estimate).isEqualTo(new BigDecimal("0.008000"));
        assertThat(estimator.estimate(List.of(call(HAIKU, 3, 0)))).isEqualTo(new BigDecimal("0.000001")); // 0.00000075 half-up
        assertThat(estimator.estimate(List.of(call(HAIKU, 1, 0)))).isEqualTo(new BigDecimal("0.000000")); // 0.00000025
    }

    @Test
    void noCallsCostZero() {
        assertThat(estimator.estimate(List.of())).isEqualTo(new BigDecimal("0.000000"));
    }

    @Test
    void aModelWithoutAPriceMakesTheEstimateUnknownNotZero() {
        assertThat(estimator.unrounded(call(UNPRICED, 1000, 10))).isNull();
        assertThat(estimator.estimate(List.of(call(HAIKU, 1000, 200), call(UNPRICED, 1000, 10)))).isNull();
    }

    @Test
    void noPricesConfiguredMeansEveryEstimateIsUnknown() {
        CostEstimator unpriced = new CostEstimator(Binder.get(new MockEnvironment())
                .bindOrCreate("docflow", DocflowProperties.class));

        assertThat(unpriced.estimate(List.of(call(HAIKU, 1, 1)))).isNull();
    }
}
