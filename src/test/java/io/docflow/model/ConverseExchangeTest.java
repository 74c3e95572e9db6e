package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.docflow.config.DocflowProperties;
import org.apache.camel.component.aws2.bedrock.runtime.BedrockConstants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

class ConverseExchangeTest {

    private final ConverseExchange converse = new ConverseExchange(Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.max-tokens", "2048")
                    .withProperty("docflow.models.temperature", "0.2"))
            .bindOrCreate("docflow", DocflowProperties.class), new ToolUseSupport());
    private final ModelRequest request = new ModelRequest(ModelTask.EXTRACT, "model-a", "v1", "Read this invoice", 3);

    @Test
    void thePromptIsOneUserMessageWithTheConfiguredLimits() {
        Map<String, Object> headers = converse.headers(request);

        assertThat(headers.get(BedrockConstants.MODEL_CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.get(BedrockConstants.MODEL_ACCEPT_CONTENT_TYPE)).isEqualTo("application/json");
        assertThat((List<?>) headers.get(BedrockConstants.CONVERSE_MESSAGES)).singleElement().satisfies(m -> {
            Message message = (Message) m;
            assertThat(message.role()).isEqualTo(ConversationRole.USER);
            assertThat(message.content()).singleElement().satisfies(block -> assertThat(block.text()).isEqualTo("Read this invoice"));
        });
        InferenceConfiguration limits = (InferenceConfiguration) headers.get(BedrockConstants.CONVERSE_INFERENCE_CONFIG);
        assertThat(limits.maxTokens()).isEqualTo(2048);
        assertThat(limits.temperature()).isEqualTo(0.2f);
    }

    @Test
    void aReplyKeepsTheRequestsTaskModelAndChunkWithWhatTheCallCost() {
        TokenUsage usage = TokenUsage.builder().inputTokens(120).outputTokens(30).totalTokens(150).build();

        ModelReply reply = ConverseExchange.reply(request, "{\"total\": 1}", StopReason.END_TURN, usage, 850, 3, true);

        assertThat(reply).isEqualTo(new ModelReply(ModelTask.EXTRACT, "model-a", "{\"total\": 1}", "end_turn",
                120, 30, 850, 3, 3, true));
    }

    @Test
    void missingUsageOrStopReasonCountAsNothing() {
        assertThat(ConverseExchange.reply(request, "x", null, null, 5, 1, false))
                .satisfies(reply -> {
                    assertThat(reply.stopReason()).isNull();
                    assertThat(reply.inputTokens()).isZero();
                    assertThat(reply.outputTokens()).isZero();
                });
        TokenUsage partial = TokenUsage.builder().inputTokens(7).build();
        assertThat(ConverseExchange.reply(request, "x", "max_tokens", partial, 5, 1, false))
                .satisfies(reply -> {
                    assertThat(reply.stopReason()).isEqualTo("max_tokens");
                    assertThat(reply.inputTokens()).isEqualTo(7);
                    assertThat(reply.outputTokens()).isZero();
                });
    }

    private final ModelTool tool = new ModelTool("record_fields", "Records the fields.",
            JsonNodeFactory.instance.objectNode().put("type", "object").set("properties",
                    JsonNodeFactory.instance.objectNode().set("fields",
                            JsonNodeFactory.instance.objectNode().put("type", "object"))));
    private final ModelRequest toolUse = ModelRequest.toolUse(request, "v2", "Call record_fields", tool);

    @Test
    void aToolUseRequestOffersItsOneToolAndForcesIt() {
        Map<String, Object> headers = converse.headers(toolUse);

        assertThat((List<?>) headers.get(BedrockConstants.CONVERSE_MESSAGES)).singleElement().satisfies(m ->
                assertThat(((Message) m).content()).singleElement()
                        .satisfies(block -> assertThat(block.text()).isEqualTo("Call record_fields")));
        ToolConfiguration config = (ToolConfiguration) headers.get(BedrockConstants.CONVERSE_TOOL_CONFIG);
        assertThat(config.tools()).singleElement().satisfies(t -> {
            assertThat(t.toolSpec().name()).isEqualTo("record_fields");
            assertThat(t.toolSpec().description()).isEqualTo("Records the fields.");
            assertThat(t.toolSpec().inputSchema().json()).isEqualTo(Document.mapBuilder()
                    .putString("type", "object")
                    .putDocument("properties", Document.mapBuilder()
                            .putDocument("fields", Document.mapBuilder().putString("type", "object").build())
                            .build())
                    .build());
        });
        assertThat(config.toolChoice().tool().name()).isEqualTo("record_fields");
        assertThat(config.toolChoice().any()).isNull();
        assertThat(config.toolChoice().auto()).isNull();
    }

    @Test
    void aTextRequestHasNoToolConfig() {
        assertThat(converse.headers(request)).doesNotContainKey(BedrockConstants.CONVERSE_TOOL_CONFIG);
        assertThat(converse.headers(toolUse.asText())).doesNotContainKey(BedrockConstants.CONVERSE_TOOL_CONFIG);
    }

    @Test
    void aToolUseReplysAnswerIsTheInputOfItsToolUseBlock() {
        Message output = Message.builder().role(ConversationRole.ASSISTANT).content(
                ContentBlock.fromText("I will record the fields."),
                ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("tooluse_1").name("record_fields")
                        .input(Document.mapBuilder()
                                .putDocument("fields", Document.mapBuilder().putNumber("total", "1100.00").build())
                                .putDocument("evidence", Document.fromList(List.of(Document.mapBuilder()
                                        .putString("field", "/total").putString("quote", "Total: $1,100.00").build())))
                                .build())
                        .build()))
                .build();

        JsonNode input = ConverseExchange.toolInput(toolUse, output);
        ModelReply reply = ConverseExchange.reply(toolUse, "I will record the fields.", input, StopReason.TOOL_USE,
                TokenUsage.builder().inputTokens(900).outputTokens(60).build(), 40, 1, false);

        assertThat(input.toString()).isEqualTo(
                "{\"fields\":{\"total\":1100.0},\"evidence\":[{\"field\":\"/total\",\"quote\":\"Total: $1,100.00\"}]}");
        assertThat(reply.output()).isEqualTo(ModelOutput.TOOL_USE);
        assertThat(reply.toolInput()).isEqualTo(input);
        assertThat(reply.stopReason()).isEqualTo("tool_use");
        assertThat(reply.chunkIndex()).isEqualTo(3);
    }

    @Test
    void noToolInputForATextRequestOrAReplyWithoutAToolCall() {
        Message textOnly = Message.builder().role(ConversationRole.ASSISTANT)
                .content(ContentBlock.fromText("Sorry, I cannot help with that.")).build();

        assertThat(ConverseExchange.toolInput(toolUse, textOnly)).isNull();
        assertThat(ConverseExchange.toolInput(toolUse, null)).isNull();
        assertThat(ConverseExchange.toolInput(request, textOnly)).isNull();
        assertThat(ConverseExchange.reply(request, "{}", null, null, 1, 1, false).output()).isEqualTo(ModelOutput.TEXT);
    }
}
