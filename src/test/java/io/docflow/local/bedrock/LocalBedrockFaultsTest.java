package io.docflow.local.bedrock;

import static io.docflow.local.bedrock.BedrockSdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Injected faults, limits and unknown models reach the SDK as Bedrock's own typed errors or spoiled replies. */
class LocalBedrockFaultsTest extends LocalBedrockClientTest {


    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(Fault.THROTTLING, ThrottlingException.class, 429),
                Arguments.of(Fault.SERVICE_UNAVAILABLE, ServiceUnavailableException.class, 503),
                Arguments.of(Fault.MODEL_TIMEOUT, ModelTimeoutException.class, 408),
                Arguments.of(Fault.INTERNAL_SERVER, InternalServerException.class, 500),
                Arguments.of(Fault.MODEL_NOT_READY, ModelNotReadyException.class, 429),
                Arguments.of(Fault.MODEL_ERROR, ModelErrorException.class, 424),
                Arguments.of(Fault.ACCESS_DENIED, AccessDeniedException.class, 403),
                Arguments.of(Fault.RESOURCE_NOT_FOUND, ResourceNotFoundException.class, 404),
                Arguments.of(Fault.VALIDATION, ValidationException.class, 400));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void anInjectedErrorIsTheSdksTypedExceptionWithItsStatusCode(Fault fault, Class<? extends BedrockRuntimeException> type,
            int status) {
        bedrock.faults().inject(HAIKU, fault, 1);

        BedrockRuntimeException e = catchThrowableOfType(() -> BedrockSdk.converse(client, HAIKU, "hello"), type);

        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(fault.error().orElseThrow().typeName());
        assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
        assertThat(BedrockSdk.converse(client, HAIKU, "hello").stopReason()).as("the fault was used up")
                .isEqualTo(StopReason.END_TURN);
        CallCounts counts = bedrock.counters(HAIKU);
        assertThat(counts.calls()).isEqualTo(2);
        assertThat(counts.succeeded()).isEqualTo(1);
        assertThat(counts.throttled() + counts.failed()).isEqualTo(1);
        assertThat(counts.throttled()).isEqualTo(fault == Fault.THROTTLING ? 1 : 0);
    }

    @Test
    void invokeModelGetsTheSameErrors() {
        bedrock.faults().inject(LocalBedrock.ALL_MODELS, Fault.SERVICE_UNAVAILABLE, 1);

        assertThatThrownBy(() -> client.invokeModel(b -> b.modelId(HAIKU).body(SdkBytes.fromString("""
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}
                """, StandardCharsets.UTF_8)))).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void aNonJsonFaultAnswers200WithARefusal() {
        bedrock.faults().inject(HAIKU, Fault.NON_JSON, 1);

        ConverseResponse response = BedrockSdk.converse(client, HAIKU, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE));

        assertThat(BedrockSdk.text(response)).isEqualTo("Sorry, I cannot help with that.");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void aMissingFieldsFaultAnswersJsonWithoutTheRequiredProperties() throws Exception {
        bedrock.faults().inject(HAIKU, Fault.MISSING_FIELDS, 2);
        String prompt = SampleDocuments.extractPrompt("invoice", SampleDocuments.INVOICE_SCHEMA, SampleDocuments.INVOICE);

        JsonNode first = Json.MAPPER.readTree(BedrockSdk.text(BedrockSdk.converse(client, HAIKU, prompt)));
        JsonNode second = Json.MAPPER.readTree(BedrockSdk.text(BedrockSdk.converse(client, HAIKU, prompt)));
        JsonNode third = Json.MAPPER.readTree(BedrockSdk.text(BedrockSdk.converse(client, HAIKU, prompt)));

        assertThat(first.isObject()).isTrue();
        assertThat(first.has("invoiceNumber") || first.has("total")).isFalse();
        assertThat(second).isEqualTo(first);
        assertThat(third.has("invoiceNumber") && third.has("total")).as("valid again after two").isTrue();
        assertThat(bedrock.counters(HAIKU).succeeded()).isEqualTo(3);
    }

    @Test
    void aTruncatedJsonFaultAnswersJsonThatDoesNotParse() {
        bedrock.faults().inject(HAIKU, Fault.TRUNCATED_JSON, 1);
        String prompt = SampleDocuments.extractPrompt("invoice", SampleDocuments.INVOICE_SCHEMA, SampleDocuments.INVOICE);

        String text = BedrockSdk.text(BedrockSdk.converse(client, HAIKU, prompt));

        assertThat(text).startsWith("{\"invoiceNumber\"");
        assertThatThrownBy(() -> Json.MAPPER.readTree(text)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void inputOverTheModelsLimitIsAValidationException() {
        bedrock.setMaxInputTokens(HAIKU, 10);

        ValidationException e = catchThrowableOfType(
                () -> BedrockSdk.converse(client, HAIKU, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE)),
                ValidationException.class);

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Input is too long for requested model.");
        assertThat(BedrockSdk.converse(client, HAIKU, "short").stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void aModelMarkedUnknownIsNotFound() {
        bedrock.markUnknown("anthropic.claude-9-v1:0");

        assertThatThrownBy(() -> BedrockSdk.converse(client, "anthropic.claude-9-v1:0", "hello"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(bedrock.counters("anthropic.claude-9-v1:0").failed()).isEqualTo(1);
    }

    @Test
    void aMalformedRequestIsAValidationException() {
        assertThatThrownBy(() -> client.invokeModel(b -> b.modelId(HAIKU)
                .body(SdkBytes.fromString("{\"messages\":[]}", StandardCharsets.UTF_8))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("required key [anthropic_version]");
        assertThatThrownBy(() -> client.invokeModel(b -> b.modelId(HAIKU)
                .body(SdkBytes.fromString("not json", StandardCharsets.UTF_8))))
                .isInstanceOf(ValidationException.class);
        assertThat(bedrock.counters(HAIKU).failed()).isEqualTo(2);
    }
}
