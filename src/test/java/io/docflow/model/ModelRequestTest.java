package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelRequestTest {

    private final ModelRequest request = new ModelRequest(ModelTask.EXTRACT, "primary", "v1", "x".repeat(10), 3);

    @Test
    void estimatedTokensArePromptTokensRoundedUpPlusTheReservedMaximum() {
        assertThat(request.estimatedTokens(1024)).isEqualTo(3 + 1024);
        assertThat(new ModelRequest(ModelTask.CLASSIFY, "m", "v1", "", -1).estimatedTokens(0)).isZero();
        assertThat(new ModelRequest(ModelTask.CLASSIFY, "m", "v1", "abcd", -1).estimatedTokens(0)).isEqualTo(1);
        assertThat(new ModelRequest(ModelTask.CLASSIFY, "m", "v1", "abcde", -1).estimatedTokens(0)).isEqualTo(2);
    }

    @Test
    void withModelChangesOnlyTheModel() {
        ModelRequest fallback = request.withModel("fallback");

        assertThat(fallback).isEqualTo(new ModelRequest(ModelTask.EXTRACT, "fallback", "v1", "x".repeat(10), 3));
        assertThat(request.modelId()).isEqualTo("primary");
    }
}
