package io.docflow.model.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * The model-call error taxonomy, in one place (docs/reliability.md):
 * <ul>
 *   <li><b>retryable</b>: throttling, model not ready, 5xx, model timeouts, I/O errors; retried by Camel's
 *       {@code model-retries} redelivery, then the fallback model, then the document is parked, never failed;</li>
 *   <li><b>tool use refused</b>: a validation error saying the model does not support tool use; the call is sent
 *       again at once as text ({@code io.docflow.model.ToolUseSupport}), not counted as a failure;</li>
 *   <li><b>not retryable</b>: validation, access denied, unknown model; the fallback model is tried once, and if it
 *       refuses too the job is FAILED {@code MODEL_REJECTED};</li>
 *   <li><b>bad output</b> ({@code BadModelOutputException}, schema errors): one repair call, then the fallback
 *       model, then NEEDS_REVIEW.</li>
 * </ul>
 */
public final class ModelErrors {

    private ModelErrors() {
    }

    public static boolean isRetryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ThrottlingException || t instanceof ModelNotReadyException
                    || t instanceof ServiceUnavailableException || t instanceof InternalServerException
                    || t instanceof ModelTimeoutException || t instanceof ModelErrorException
                    || t instanceof CallNotPermittedException
                    || t instanceof SdkClientException || t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isThrottling(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ThrottlingException) {
                return true;
            }
        }
        return false;
    }
}
