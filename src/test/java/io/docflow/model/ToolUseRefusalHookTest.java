package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.docflow.config.DocflowProperties;
import io.docflow.exchange.Variables;
import io.docflow.model.resilience.AdaptivePacer;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.bedrock.runtime.BedrockConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The hook on a bare exchange (a context that is never started only holds it). */
class ToolUseRefusalHookTest {

    private final DocflowProperties properties = Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.classification", "model-a")
                    .withProperty("docflow.models.extraction", "model-a")
                    .withProperty("docflow.models.fallback", "model-b"))
            .bindOrCreate("docflow", DocflowProperties.class);
    private final ToolUseSupport toolUse = new ToolUseSupport();
    private final ToolUseRefusalHook hook = new ToolUseRefusalHook(toolUse, new ConverseExchange(properties, toolUse),
            new ModelPacing(new AdaptivePacer(0, 0, 0.1, 0.05, 0.5, Duration.ZERO, System::nanoTime), properties));
    private final DefaultCamelContext camel = new DefaultCamelContext();

    private final ModelRequest text = new ModelRequest(ModelTask.EXTRACT, "model-a", "v1", "Read this invoice", 0);
    private final ModelRequest toolRequest = ModelRequest.toolUse(text, "v2", "Call record_fields", new ModelTool(
            "record_fields", "Records the fields.", JsonNodeFactory.instance.objectNode().put("type", "object")));

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    private Exchange refusedCall(ModelRequest request, int attempts) {
        Exchange exchange = new DefaultExchange(camel);
        Variables.MODEL_REQUEST.set(exchange, request);
        Variables.MODEL_ATTEMPTS.set(exchange, attempts);
        exchange.getMessage().setHeaders(new ConverseExchange(properties, new ToolUseSupport()).headers(request));
        return exchange;
    }

    @Test
    void theRefusedCallIsSentAgainInItsTextFormWithoutATool() throws Exception {
        Exchange exchange = refusedCall(toolRequest, 1);
        assertThat(exchange.getMessage().getHeader(BedrockConstants.CONVERSE_TOOL_CONFIG)).isNotNull();

        hook.process(exchange);

        ModelRequest sent = Variables.MODEL_REQUEST.get(exchange);
        assertThat(sent.output()).isEqualTo(ModelOutput.TEXT);
        assertThat(sent.promptVersion()).isEqualTo("v1");
        assertThat(sent.modelId()).isEqualTo("model-a");
        assertThat(exchange.getMessage().getHeader(BedrockConstants.CONVERSE_TOOL_CONFIG)).isNull();
    }

    @Test
    void theResentCallCountsAsAnotherAttempt() throws Exception {
        Exchange exchange = refusedCall(toolRequest, 1);

        hook.process(exchange);

        assertThat(Variables.MODEL_ATTEMPTS.get(exchange)).isEqualTo(2);
    }

    @Test
    void theModelIsRememberedSoItsLaterCallsAreTextCallsButOtherModelsKeepTools() throws Exception {
        hook.process(refusedCall(toolRequest, 1));

        assertThat(toolUse.forModel(toolRequest).output()).isEqualTo(ModelOutput.TEXT);
        assertThat(toolUse.forModel(toolRequest.withModel("model-b")).output()).isEqualTo(ModelOutput.TOOL_USE);
    }

    @Test
    void aSecondRefusalOfAModelAlreadyRememberedIsResentAsText() throws Exception {
        hook.process(refusedCall(toolRequest, 1));
        Exchange again = refusedCall(toolRequest, 3);

        hook.process(again);

        assertThat(Variables.MODEL_REQUEST.get(again).output()).isEqualTo(ModelOutput.TEXT);
        assertThat(Variables.MODEL_ATTEMPTS.get(again)).isEqualTo(4);
    }
}
