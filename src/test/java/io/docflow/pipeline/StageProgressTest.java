package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageProgressTest {

    @Test
    void theStagesAfterTheTextAreRecorded() {
        assertThat(StageProgress.stageEntered("direct://classify")).isEqualTo("classify");
        assertThat(StageProgress.stageEntered("direct://extract-fields")).isEqualTo("extract-fields");
    }

    @Test
    void otherSendsAreNot() {
        assertThat(StageProgress.stageEntered("direct://call-model")).isNull();
        assertThat(StageProgress.stageEntered("direct://extract-text")).as("recorded by mark-processing").isNull();
        assertThat(StageProgress.stageEntered("aws2-s3://bucket")).isNull();
    }
}
