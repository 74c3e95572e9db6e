package io.docflow.model;

import io.docflow.exchange.Variables;
import java.util.List;

import io.docflow.config.DocflowProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.bedrock.runtime.BedrockConstants;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * Translates between docflow's {@link ModelRequest}/{@link ModelReply} and the headers camel-aws-bedrock's
 * {@code converse} operation reads and writes.
 */
@Component("converseExchange")
public class ConverseExchange {

    static final String STARTED_AT = "docflowModelCallStartedAt";

    private final DocflowProperties.Models models;

    public ConverseExchange(DocflowProperties properties) {
        this.models = properties.models();
    }

    /** Sets the converse headers for {@code request} (the exchange body). */
    public void prepare(Exchange exchange) {
        ModelRequest request = exchange.getMessage().getBody(ModelRequest.class);
        Message message = exchange.getMessage();
        message.setHeader(BedrockConstants.MODEL_CONTENT_TYPE, "application/json");
        message.setHeader(BedrockConstants.MODEL_ACCEPT_CONTENT_TYPE, "application/json");
        message.setHeader(BedrockConstants.CONVERSE_MESSAGES, List.of(
                software.amazon.awssdk.services.bedrockruntime.model.Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(request.prompt()))
                        .build()));
        message.setHeader(BedrockConstants.CONVERSE_INFERENCE_CONFIG, InferenceConfiguration.builder()
                .maxTokens(models.maxTokens())
                .temperature((float) models.temperature())
                .build());
        Variables.MODEL_REQUEST.set(exchange, request);
        Variables.MODEL_ATTEMPTS.set(exchange, 0);
        Variables.MODEL_FALLBACK.set(exchange, false);
        exchange.setProperty(STARTED_AT, System.nanoTime());
    }

    /** Reads the converse result from the exchange into a {@link ModelReply}. */
    public ModelReply reply(Exchange exchange) {
        ModelRequest request = Variables.MODEL_REQUEST.get(exchange);
        Message message = exchange.getMessage();
        TokenUsage usage = message.getHeader(BedrockConstants.CONVERSE_USAGE, TokenUsage.class);
        Object stopReason = message.getHeader(BedrockConstants.CONVERSE_STOP_REASON);
        long started = exchange.getProperty(STARTED_AT, System.nanoTime(), Long.class);
        return new ModelReply(request.task(), request.modelId(), message.getBody(String.class),
                stopReason == null ? null : stopReason.toString(),
                usage == null || usage.inputTokens() == null ? 0 : usage.inputTokens(),
                usage == null || usage.outputTokens() == null ? 0 : usage.outputTokens(),
                (System.nanoTime() - started) / 1_000_000, request.chunkIndex(),
                Variables.MODEL_ATTEMPTS.get(exchange, 1),
                Variables.MODEL_FALLBACK.get(exchange, false));
    }
}
