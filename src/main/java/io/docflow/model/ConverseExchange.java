package io.docflow.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.exchange.Variables;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.bedrock.runtime.BedrockConstants;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Translates between docflow's {@link ModelRequest}/{@link ModelReply} and the headers camel-aws-bedrock's
 * {@code converse} operation reads and writes.
 */
@Component("converseExchange")
public class ConverseExchange {

    static final String STARTED_AT = "docflowModelCallStartedAt";
    private static final List<String> REPLY_HEADERS = List.of(BedrockConstants.CONVERSE_OUTPUT_MESSAGE,
            BedrockConstants.CONVERSE_STOP_REASON, BedrockConstants.CONVERSE_USAGE);

    private final DocflowProperties.Models models;
    private final ToolUseSupport toolUse;

    public ConverseExchange(DocflowProperties properties, ToolUseSupport toolUse) {
        this.models = properties.models();
        this.toolUse = toolUse;
    }

    /** Starts a model call for {@code request} (the exchange body); an earlier call's reply headers go. */
    public void prepare(Exchange exchange) {
        ModelRequest request = exchange.getMessage().getBody(ModelRequest.class);
        REPLY_HEADERS.forEach(exchange.getMessage()::removeHeader);
        Variables.MODEL_REQUEST.set(exchange, request);
        Variables.MODEL_ATTEMPTS.set(exchange, 0);
        Variables.MODEL_FALLBACK.set(exchange, false);
        exchange.setProperty(STARTED_AT, System.nanoTime());
    }

    /**
     * Sets the converse headers for the call's request as its model can take it (the text form for a model that
     * refused tool use), just before it goes to Bedrock: the model may have changed to the fallback since prepare.
     */
    public void send(Exchange exchange) {
        ModelRequest request = toolUse.forModel(Variables.MODEL_REQUEST.get(exchange));
        Variables.MODEL_REQUEST.set(exchange, request);
        Message message = exchange.getMessage();
        message.removeHeader(BedrockConstants.CONVERSE_TOOL_CONFIG);
        headers(request).forEach(message::setHeader);
    }

    /**
     * The headers camel-aws-bedrock's converse operation reads: the prompt as one user message, the limits, and for
     * a tool-use request its one tool with a tool choice forcing it.
     */
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
        if (request.tool() != null) {
            headers.put(BedrockConstants.CONVERSE_TOOL_CONFIG, toolConfig(request.tool()));
        }
        return headers;
    }

    static ToolConfiguration toolConfig(ModelTool tool) {
        return ToolConfiguration.builder()
                .tools(Tool.fromToolSpec(ToolSpecification.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .inputSchema(ToolInputSchema.fromJson(SdkDocuments.toDocument(tool.inputSchema())))
                        .build()))
                .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder().name(tool.name()).build()))
                .build();
    }

    /** Reads the converse result from the exchange into a {@link ModelReply}. */
    public ModelReply reply(Exchange exchange) {
        Message message = exchange.getMessage();
        long started = exchange.getProperty(STARTED_AT, System.nanoTime(), Long.class);
        ModelRequest request = Variables.MODEL_REQUEST.get(exchange);
        var output = message.getHeader(BedrockConstants.CONVERSE_OUTPUT_MESSAGE,
                software.amazon.awssdk.services.bedrockruntime.model.Message.class);
        return reply(request, message.getBody(String.class), toolInput(request, output),
                message.getHeader(BedrockConstants.CONVERSE_STOP_REASON),
                message.getHeader(BedrockConstants.CONVERSE_USAGE, TokenUsage.class),
                (System.nanoTime() - started) / 1_000_000,
                Variables.MODEL_ATTEMPTS.get(exchange, 1), Variables.MODEL_FALLBACK.get(exchange, false));
    }

    /**
     * The input of the reply's toolUse block for the request's tool (or of its first toolUse block, should the
     * model name another); null for a text request or a reply without one.
     */
    static JsonNode toolInput(ModelRequest request,
                              software.amazon.awssdk.services.bedrockruntime.model.Message output) {
        if (request.tool() == null || output == null || !output.hasContent()) {
            return null;
        }
        List<ToolUseBlock> calls = output.content().stream().map(ContentBlock::toolUse)
                .filter(java.util.Objects::nonNull).toList();
        return calls.stream().filter(call -> request.tool().name().equals(call.name())).findFirst()
                .or(() -> calls.stream().findFirst())
                .map(call -> SdkDocuments.toJson(call.input()))
                .orElse(null);
    }

    /** A text reply to {@code request}. */
    static ModelReply reply(ModelRequest request, String text, Object stopReason, TokenUsage usage, long latencyMs,
                            int attempts, boolean fallback) {
        return reply(request, text, null, stopReason, usage, latencyMs, attempts, fallback);
    }

    /** The reply to {@code request}: Bedrock may leave out the usage or its counts (then 0) and the stop reason. */
    static ModelReply reply(ModelRequest request, String text, JsonNode toolInput, Object stopReason, TokenUsage usage,
                            long latencyMs, int attempts, boolean fallback) {
        return new ModelReply(request.task(), request.modelId(), text == null ? "" : text,
                stopReason == null ? null : stopReason.toString(),
                usage == null || usage.inputTokens() == null ? 0 : usage.inputTokens(),
                usage == null || usage.outputTokens() == null ? 0 : usage.outputTokens(),
                latencyMs, request.chunkIndex(), attempts, fallback, request.output(), toolInput);
    }
}
