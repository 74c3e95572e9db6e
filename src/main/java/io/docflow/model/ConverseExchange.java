package io.docflow.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.exchange.Variables;
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
        headers(request).forEach(message::setHeader);
        Variables.MODEL_REQUEST.set(exchange, request);
        Variables.MODEL_ATTEMPTS.set(exchange, 0);
        Variables.MODEL_FALLBACK.set(exchange, false);
        exchange.setProperty(STARTED_AT, System.nanoTime());
    }

    /** The headers camel-aws-bedrock's converse operation reads: the prompt as one user message, and the limits. */
    Map<String, Object> headers(ModelRequest request) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(BedrockConstants.MODEL_CONTENT_TYPE, "application/json");
        headers.put(BedrockConstants.MODEL_ACCEPT_CONTENT_TYPE, "application/json");
        headers.put(BedrockConstants.CONVERSE_MESSAGES, List.of(
                software.amazon.awssdk.services.bedrockruntime.model.Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(request.prompt()))
                        .build()));
        headers.put(BedrockConstants.CONVERSE_INFERENCE_CONFIG, InferenceConfiguration.builder()
                .maxTokens(models.maxTokens())
                .temperature((float) models.temperature())
                .build());
        return headers;
    }

    /** Reads the converse result from the exchange into a {@link ModelReply}. */
    public ModelReply reply(Exchange exchange) {
        Message message = exchange.getMessage();
        long started = exchange.getProperty(STARTED_AT, System.nanoTime(), Long.class);
        return reply(Variables.MODEL_REQUEST.get(exchange), message.getBody(String.class),
                message.getHeader(BedrockConstants.CONVERSE_STOP_REASON),
                message.getHeader(BedrockConstants.CONVERSE_USAGE, TokenUsage.class),
                (System.nanoTime() - started) / 1_000_000,
                Variables.MODEL_ATTEMPTS.get(exchange, 1), Variables.MODEL_FALLBACK.get(exchange, false));
    }

    /** The reply to {@code request}: Bedrock may leave out the usage or its counts (then 0) and the stop reason. */
    static ModelReply reply(ModelRequest request, String text, Object stopReason, TokenUsage usage, long latencyMs,
                            int attempts, boolean fallback) {
        return new ModelReply(request.task(), request.modelId(), text,
                stopReason == null ? null : stopReason.toString(),
                usage == null || usage.inputTokens() == null ? 0 : usage.inputTokens(),
                usage == null || usage.outputTokens() == null ? 0 : usage.outputTokens(),
                latencyMs, request.chunkIndex(), attempts, fallback);
    }
}
