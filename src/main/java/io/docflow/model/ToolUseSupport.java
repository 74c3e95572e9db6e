package io.docflow.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.docflow.exchange.Variables;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Which models refused tool use. Bedrock answers a model without tool use, or without a forced tool choice, with a
 * ValidationException ("This model doesn't support tool use.", "This model doesn't support the
 * toolConfig.toolChoice.tool field. ..."); such a model then gets text calls for as long as docflow runs, so that
 * only its first call pays the refusal.
 */
@Component("toolUseSupport")
public class ToolUseSupport {

    private static final Pattern REFUSAL = Pattern.compile(
            "(?i)(doesn't|does not|don't|do not) support (the )?(tool ?use|tool ?config|toolChoice|tool choice|tools)");

    private final Set<String> refusing = ConcurrentHashMap.newKeySet();

    /** The onWhen of the model-retries configuration: this call asked with a tool and Bedrock refused tool use. */
    public boolean refused(Exchange exchange) {
        Throwable error = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ModelRequest request = Variables.MODEL_REQUEST.get(exchange);
        return request != null && request.output() == ModelOutput.TOOL_USE && isRefusal(error);
    }

    static boolean isRefusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ValidationException && t.getMessage() != null && REFUSAL.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Records that {@code modelId} refused tool use; answers whether this is news. */
    boolean remember(String modelId) {
        return refusing.add(modelId);
    }

    /** {@code request} as its model can take it: the text form for a model that refused tool use. */
    public ModelRequest forModel(ModelRequest request) {
        return refusing.contains(request.modelId()) ? request.asText() : request;
    }
}
