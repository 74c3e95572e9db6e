package io.docflow.local.bedrock;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an injected fault does to a call: answer with a Bedrock error, or answer 200 with a reply that is not the
 * JSON the prompt asked for (with tool use: a text reply instead of the tool call, or a tool input that fails the
 * schema). NON_JSON, MISSING_FIELDS and TRUNCATED_JSON work either way.
 */
public enum Fault {
    THROTTLING(BedrockError.THROTTLING),
    SERVICE_UNAVAILABLE(BedrockError.SERVICE_UNAVAILABLE),
    MODEL_TIMEOUT(BedrockError.MODEL_TIMEOUT),
    INTERNAL_SERVER(BedrockError.INTERNAL_SERVER),
    MODEL_NOT_READY(BedrockError.MODEL_NOT_READY),
    MODEL_ERROR(BedrockError.MODEL_ERROR),
    ACCESS_DENIED(BedrockError.ACCESS_DENIED),
    RESOURCE_NOT_FOUND(BedrockError.RESOURCE_NOT_FOUND),
    VALIDATION(BedrockError.VALIDATION),
    /** 200 with a refusal in plain text. */
    NON_JSON(null),
    /** 200 with a JSON object that lacks the schema's required properties (or the classification's fields). */
    MISSING_FIELDS(null),
    /**
     * 200 with the first half of the JSON answer, as if the model had stopped early; with tool use, the tool called
     * with an empty input and stop reason max_tokens.
     */
    TRUNCATED_JSON(null),
    /**
     * 200 with a value no document states: the first plain string property of the fields' schema (no enum, format or
     * pattern; an invoice's vendorName) is {@link #INVENTED_VALUE_TEXT}, and with tool use its evidence quotes
     * {@link #INVENTED_QUOTE}, which is not in the document either. For the grounding tests.
     */
    INVENTED_VALUE(null);

    public static final String INVENTED_VALUE_TEXT = "Invented Holdings Ltd";
    public static final String INVENTED_QUOTE = "Issued by Invented Holdings Ltd";

    private final BedrockError error;

    Fault(BedrockError error) {
        this.error = error;
    }

    Optional<BedrockError> error() {
        return Optional.ofNullable(error);
    }

    /** Reads {@code THROTTLING}, {@code throttling} or the error type name {@code ThrottlingException}. */
    public static Fault parse(String name) {
        for (Fault fault : values()) {
            if (fault.name().equalsIgnoreCase(name.strip())
                    || fault.error != null && fault.error.typeName().equalsIgnoreCase(name.strip())) {
                return fault;
            }
        }
        throw new IllegalArgumentException("Unknown fault '" + name + "'; use one of "
                + Arrays.toString(values()));
    }
}
