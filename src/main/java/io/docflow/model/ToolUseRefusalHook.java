package io.docflow.model;

import io.docflow.exchange.Variables;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code onRedelivery} processor of a refused tool-use call (routes/error-handling.camel.yaml): remembers that
 * the model refuses tool use and turns the call into its text form before it is sent again, at once and once.
 */
@Component("toolUseRefusalHook")
public class ToolUseRefusalHook implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ToolUseRefusalHook.class);

    private final ToolUseSupport toolUse;
    private final ConverseExchange converse;
    private final ModelPacing pacing;

    public ToolUseRefusalHook(ToolUseSupport toolUse, ConverseExchange converse, ModelPacing pacing) {
        this.toolUse = toolUse;
        this.converse = converse;
        this.pacing = pacing;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ModelRequest request = Variables.MODEL_REQUEST.get(exchange);
        if (toolUse.remember(request.modelId())) {
            log.warn("Model {} refuses tool use; its calls use the text prompts from now on", request.modelId());
        }
        converse.send(exchange);
        pacing.pace(exchange);
    }
}
