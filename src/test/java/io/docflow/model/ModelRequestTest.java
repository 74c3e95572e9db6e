package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

    @Test
    void aToolUseRequestFallsBackToItsTextFormOnTheSameModel() {
        ModelTool tool = new ModelTool("record_fields", "d", JsonNodeFactory.instance.objectNode().put("type", "object"));
        ModelRequest toolUse = ModelRequest.toolUse(request, "v2", "call the tool", tool);

        assertThat(toolUse.output()).isEqualTo(ModelOutput.TOOL_USE);
        assertThat(toolUse.task()).isEqualTo(ModelTask.EXTRACT);
        assertThat(toolUse.chunkIndex()).isEqualTo(3);
        assertThat(request.output()).isEqualTo(ModelOutput.TEXT);
        assertThat(request.asText()).isSameAs(request);

        ModelRequest onFallback = toolUse.withModel("fallback");
        assertThat(onFallback.tool()).isEqualTo(tool);
        assertThat(onFallback.asText()).isEqualTo(request.withModel("fallback"));
    }

    @Test
    void theToolsSchemaCountsAsInput() {
        ModelTool tool = new ModelTool("t", "d", JsonNodeFactory.instance.objectNode().put("type", "object"));
        // {"type":"object"} is 17 characters
        ModelRequest toolUse = ModelRequest.toolUse(request, "v2", "x".repeat(3), tool);

        assertThat(toolUse.estimatedTokens(0)).isEqualTo((3 + 17 + 3) / 4);
    }

    @Test
    void aToolUseRequestNeedsATextFormWithoutTool() {
        ModelTool tool = new ModelTool("t", "d", JsonNodeFactory.instance.objectNode());

        assertThatThrownBy(() -> new ModelRequest(ModelTask.CLASSIFY, "m", "v2", "p", -1, tool, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
