package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

    @Test
    void estimatesRoundUpToWholeTokens() {
        assertThat(TokenEstimator.estimate(0)).isZero();
        assertThat(TokenEstimator.estimate(1)).isEqualTo(1);
        assertThat(TokenEstimator.estimate(4)).isEqualTo(1);
        assertThat(TokenEstimator.estimate(5)).isEqualTo(2);
        assertThat(TokenEstimator.estimate(8)).isEqualTo(2);
    }

    @Test
    void aTextIsEstimatedByItsLengthInChars() {
        assertThat(TokenEstimator.estimate("")).isZero();
        assertThat(TokenEstimator.estimate("hello")).isEqualTo(2);
        assertThat(TokenEstimator.estimate(new StringBuilder("x".repeat(4000)))).isEqualTo(1000);
    }

    @Test
    void charactersIsTheMostWhoseEstimateFitsTheTokens() {
        assertThat(TokenEstimator.characters(0)).isZero();
        assertThat(TokenEstimator.characters(1000)).isEqualTo(4000);
        assertThat(TokenEstimator.estimate(TokenEstimator.characters(1000))).isEqualTo(1000);
        assertThat(TokenEstimator.estimate(TokenEstimator.characters(1000) + 1)).isEqualTo(1001);
    }

    @Test
    void charactersRefusesToOverflow() {
        assertThatThrownBy(() -> TokenEstimator.characters(Integer.MAX_VALUE / 2)).isInstanceOf(ArithmeticException.class);
    }
}
