package io.docflow.local.bedrock;

import static io.docflow.local.bedrock.BedrockSdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/** Converse and InvokeModel through the real SDK client against the local Bedrock. */
class LocalBedrockConverseTest extends LocalBedrockClientTest {


    @Test
    void aClassifyPromptForAnInvoiceAnswersInvoiceAsJson() throws Exception {
        ConverseResponse response = BedrockSdk.converse(client, HAIKU, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE));

        JsonNode answer = Json.MAPPER.readTree(BedrockSdk.text(response));
        assertThat(answer.get("documentClass").asText()).isEqualTo("invoice");
        assertThat(answer.get("confidence").asDouble()).isGreaterThan(0.5);
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage().inputTokens()).isPositive();
        assertThat(response.usage().outputTokens()).isPositive();
        assertThat(response.usage().totalTokens())
                .isEqualTo(response.usage().inputTokens() + response.usage().outputTokens());
        assertThat(response.metrics().latencyMs()).isPositive();
    }

    @Test
    void inputTokensGrowWithTheText() {
        String longer = SampleDocuments.INVOICE + "Notes: payment by bank transfer only, quoting the invoice number.\n";

        int shortInput = BedrockSdk.converse(client, HAIKU, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE))
                .usage().inputTokens();
        int longInput = BedrockSdk.converse(client, HAIKU, SampleDocuments.classifyPrompt(longer)).usage().inputTokens();

        assertThat(longInput).isGreaterThan(shortInput);
        assertThat(shortInput).isEqualTo(Tokens.of(SampleDocuments.classifyPrompt(SampleDocuments.INVOICE)));
    }

    @Test
    void systemTextCountsAsInput() {
        String prompt = SampleDocuments.classifyPrompt(SampleDocuments.INVOICE);
        int without = BedrockSdk.converse(client, HAIKU, prompt).usage().inputTokens();

        int with = client.converse(b -> b.modelId(HAIKU).messages(BedrockSdk.user(prompt))
                .system(SystemContentBlock.fromText("You are a careful document clerk. Answer with JSON only.")))
                .usage().inputTokens();

        assertThat(with).isGreaterThan(without);
    }

    @Test
    void anExtractPromptAnswersTheSchemaFields() throws Exception {
        String prompt = SampleDocuments.extractPrompt("invoice", SampleDocuments.INVOICE_SCHEMA, SampleDocuments.INVOICE);

        JsonNode fields = Json.MAPPER.readTree(BedrockSdk.text(BedrockSdk.converse(client, HAIKU, prompt)));

        assertThat(fields.get("invoiceNumber").asText()).isEqualTo("INV-2026-0042");
        assertThat(fields.get("total").decimalValue()).isEqualByComparingTo("564.00");
        assertThat(fields.get("invoiceDate").asText()).isEqualTo("2026-03-01");
    }

    @Test
    void maxTokensCutsTheReplyAndSaysSo() {
        ConverseResponse response = client.converse(b -> b.modelId(HAIKU)
                .messages(BedrockSdk.user(SampleDocuments.classifyPrompt(SampleDocuments.INVOICE)))
                .inferenceConfig(c -> c.maxTokens(5)));

        assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(response.usage().outputTokens()).isEqualTo(5);
        assertThat(BedrockSdk.text(response)).hasSize(5 * Tokens.CHARS_PER_TOKEN).startsWith("{\"documentClass\"");
    }

    @Test
    void invokeModelTakesAnAnthropicMessagesBody() throws Exception {
        String body = Json.MAPPER.createObjectNode()
                .put("anthropic_version", "bedrock-2023-05-31")
                .put("max_tokens", 500)
                .put("system", "Answer with JSON only.")
                .set("messages", Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
                        .put("role", "user")
                        .set("content", Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
                                .put("type", "text")
                                .put("text", SampleDocuments.classifyPrompt(SampleDocuments.RECEIPT))))))
                .toString();

        InvokeModelResponse response = client.invokeModel(b -> b.modelId(HAIKU)
                .contentType("application/json").accept("application/json")
                .body(SdkBytes.fromString(body, StandardCharsets.UTF_8)));

        JsonNode reply = Json.MAPPER.readTree(response.body().asUtf8String());
        assertThat(reply.get("type").asText()).isEqualTo("message");
        assertThat(reply.get("role").asText()).isEqualTo("assistant");
        assertThat(reply.get("model").asText()).isEqualTo(HAIKU);
        assertThat(reply.get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(reply.get("usage").get("input_tokens").asInt()).isPositive();
        JsonNode answer = Json.MAPPER.readTree(reply.get("content").get(0).get("text").asText());
        assertThat(answer.get("documentClass").asText()).isEqualTo("receipt");
        assertThat(bedrock.counters(HAIKU).succeeded()).isEqualTo(1);
    }

    @Test
    void invokeModelTakesStringContentToo() throws Exception {
        String body = """
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":500,
                 "messages":[{"role":"user","content":"hello"}]}""";

        InvokeModelResponse response = client.invokeModel(b -> b.modelId(HAIKU)
                .body(SdkBytes.fromString(body, StandardCharsets.UTF_8)));

        assertThat(Json.MAPPER.readTree(response.body().asUtf8String()).get("content").get(0).get("text").asText())
                .isEqualTo(DocumentModel.HELP);
    }

    @Test
    void theModelIdArrivesDecodedWithItsColon() {
        BedrockSdk.converse(client, HAIKU, "hello");
        BedrockSdk.converse(client, "anthropic.claude-3-5-sonnet-20240620-v1:0", "hello");

        assertThat(bedrock.counters()).containsOnlyKeys(HAIKU, "anthropic.claude-3-5-sonnet-20240620-v1:0");
        assertThat(bedrock.counters(HAIKU).calls()).isEqualTo(1);
    }

    @Test
    void addedLatencyShowsInTheMetrics() {
        bedrock.setLatency(HAIKU, Duration.ofMillis(150));

        assertThat(BedrockSdk.converse(client, HAIKU, "hello").metrics().latencyMs()).isGreaterThanOrEqualTo(150);
        assertThat(BedrockSdk.converse(client, "other-model", "hello").metrics().latencyMs()).isLessThan(150);
    }

    @Test
    void countersAddUpTheTokensOfSucceededCalls() {
        ConverseResponse first = BedrockSdk.converse(client, HAIKU, "hello");
        ConverseResponse second = BedrockSdk.converse(client, HAIKU, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE));

        CallCounts counts = bedrock.counters(HAIKU);
        assertThat(counts.calls()).isEqualTo(2);
        assertThat(counts.succeeded()).isEqualTo(2);
        assertThat(counts.inputTokens()).isEqualTo(first.usage().inputTokens() + second.usage().inputTokens());
        assertThat(counts.outputTokens()).isEqualTo(first.usage().outputTokens() + second.usage().outputTokens());

        bedrock.resetCounters();
        assertThat(bedrock.counters(HAIKU)).isEqualTo(new CallCounts(0, 0, 0, 0, 0, 0));
    }
}
