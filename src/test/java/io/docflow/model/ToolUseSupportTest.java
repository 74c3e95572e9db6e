package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ToolUseSupportTest {

    private final ToolUseSupport support = new ToolUseSupport();
    private final ModelRequest text = new ModelRequest(ModelTask.CLASSIFY, "meta.llama3-70b-instruct-v1:0", "v1",
            "answer JSON", -1);
    private final ModelRequest toolUse = ModelRequest.toolUse(text, "v2", "call the tool",
            new ModelTool("record_classification", "d", JsonNodeFactory.instance.objectNode()));

    @Test
    void bedrocksRefusalsOfToolUseAreRecognised() {
        assertThat(ToolUseSupport.isRefusal(validation("This model doesn't support tool use."))).isTrue();
        assertThat(ToolUseSupport.isRefusal(validation("This model doesn't support the toolConfig.toolChoice.tool "
                + "field. Remove toolConfig.toolChoice.tool and try again."))).isTrue();
        assertThat(ToolUseSupport.isRefusal(validation("This model does not support tool use in streaming mode.")))
                .isTrue();
        assertThat(ToolUseSupport.isRefusal(new IllegalStateException(validation("This model doesn't support tool use."))))
                .isTrue();
    }

    @Test
    void otherErrorsAreNotRefusalsOfToolUse() {
        assertThat(ToolUseSupport.isRefusal(validation("Input is too long for requested model."))).isFalse();
        assertThat(ToolUseSupport.isRefusal(AccessDeniedException.builder()
                .message("This model doesn't support tool use.").build())).isFalse();
        assertThat(ToolUseSupport.isRefusal(null)).isFalse();
    }

    @Test
    void aModelThatRefusedGetsTheTextFormFromThenOnOthersKeepTheTool() {
        assertThat(support.forModel(toolUse)).isSameAs(toolUse);

        assertThat(support.remember(toolUse.modelId())).isTrue();
        assertThat(support.remember(toolUse.modelId())).as("news only once").isFalse();

        assertThat(support.forModel(toolUse)).isEqualTo(text);
        assertThat(support.forModel(toolUse.withModel("anthropic.claude-3-5-haiku-20241022-v1:0")).output())
                .isEqualTo(ModelOutput.TOOL_USE);
    }

    private static ValidationException validation(String message) {
        return ValidationException.builder().message(message).build();
    }
}
