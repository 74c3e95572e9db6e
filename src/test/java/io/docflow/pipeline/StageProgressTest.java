package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageProgressTest {

    @Test
    void theStagesAfterTheTextAreRecorded() {
        assertThat(StageProgress.tracked("classify")).isTrue();
        assertThat(StageProgress.tracked("extract-fields")).isTrue();
    }

    @Test
    void otherSendsAreNot() {
        assertThat(StageProgress.tracked("call-model")).isFalse();
        assertThat(StageProgress.tracked("extract-text")).as("recorded by mark-processing").isFalse();
    }
}
