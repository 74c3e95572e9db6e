package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import org.apache.camel.component.aws2.bedrock.runtime.BedrockConstants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

class ConverseExchangeTest {

    private final ConverseExchange converse = new ConverseExchange(Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.max-tokens", "2048")
                    .withProperty("docflow.models.temperature", "0.2"))
            .bindOrCreate("docflow", DocflowProperties.class));
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
}
