package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docflow.extract.DocumentExtractionException;
import io.docflow.jobs.FailureReason;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class FailureReasonsTest {

    @Test
    void eachDocumentFailureCarriesItsOwnReason() {
        assertThat(FailureReasons.of(new DocumentExtractionException(FailureReason.ENCRYPTED, "locked")))
                .isEqualTo(FailureReason.ENCRYPTED);
        assertThat(FailureReasons.of(new DocumentFailedException(FailureReason.NO_TEXT, "blank")))
                .isEqualTo(FailureReason.NO_TEXT);
    }

    @Test
    void aGoneObjectAndARejectedModelRequestHaveTheirReasons() {
        assertThat(FailureReasons.of(NoSuchKeyException.builder().message("gone").build()))
                .isEqualTo(FailureReason.SOURCE_NOT_FOUND);
        assertThat(FailureReasons.of(AccessDeniedException.builder().message("no access").build()))
                .isEqualTo(FailureReason.MODEL_REJECTED);
    }

    @Test
    void aWrappedFailureIsFoundInTheCauseChain() {
        var wrapped = new RuntimeException("bean invocation failed",
                new DocumentExtractionException(FailureReason.PARSE_TIMEOUT, "slow"));

        assertThat(FailureReasons.of(wrapped)).isEqualTo(FailureReason.PARSE_TIMEOUT);
    }

    @Test
    void anExceptionThatEndsNoDocumentHasNoReasonInsteadOfPassingForACorruptDocument() {
        assertThatThrownBy(() -> FailureReasons.of(new IllegalStateException("a bug")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IllegalStateException");
    }
}
