package io.docflow.local.bedrock;

import static io.docflow.local.bedrock.BedrockSdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.model.SdkDocuments;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Converse tool use through the real SDK client against the local Bedrock, as docflow asks for it. */
class LocalBedrockToolUseTest extends LocalBedrockClientTest {

    private static final String LLAMA = "meta.llama3-70b-instruct-v1:0";
    private static final String FIELDS_TOOL = """
            {"type":"object","required":["fields","evidence"],"properties":{
               "fields": %s,
               "evidence":{"type":"array","items":{"type":"object","required":["field","quote"],"properties":{
                  "field":{"type":"string"},"quote":{"type":"string"},"page":{"type":"integer"},
                  "confidence":{"type":"number","minimum":0,"maximum":1}}}}}}""";
    private static final String CLASSIFICATION_TOOL = """
            {"type":"object","required":["documentClass","confidence","reason"],"properties":{
               "documentClass":{"type":"string","enum":["invoice","receipt","contract","other"]},
               "confidence":{"type":"number"},"reason":{"type":"string"}}}""";
    private static final String LINE_ITEMS_SCHEMA = """
            {"type":"object","properties":{
               "invoiceNumber":{"type":"string"},"total":{"type":"number"},
               "lineItems":{"type":"array","items":{"type":"object","properties":{
                  "description":{"type":"string"},"quantity":{"type":"number"},"amount":{"type":"number"}}}}},
             "required":["invoiceNumber","total"]}""";

    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClassificationAnswersWithAToolUseBlockAsBedrockDoes() {
        ConverseResponse response = converse(HAIKU, "Call the tool.\n<task>classify</task>\n<document>\n"
                + SampleDocuments.INVOICE + "</document>\n", tool("record_classification", CLASSIFICATION_TOOL));

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        ToolUseBlock call = toolUse(response);
        assertThat(call.name()).isEqualTo("record_classification");
        assertThat(call.toolUseId()).startsWith("tooluse_");
        JsonNode input = json(call.input());
        assertThat(input.get("documentClass").asText()).as("from the tool's enum, no <classes> given").isEqualTo("invoice");
        assertThat(input.get("confidence").asDouble()).isGreaterThan(0.5);
        assertThat(input.get("reason").asText()).isNotBlank();
        assertThat(response.usage().inputTokens()).isPositive();
        assertThat(response.usage().outputTokens()).isEqualTo(Tokens.of(input.toString()));
    }

    @Test
    void theToolsDefinitionCountsAsInput() {
        String prompt = SampleDocuments.classifyPrompt(SampleDocuments.INVOICE);

        int withTool = converse(HAIKU, prompt, tool("record_classification", CLASSIFICATION_TOOL)).usage().inputTokens();

        assertThat(withTool).isGreaterThan(BedrockSdk.converse(client, HAIKU, prompt).usage().inputTokens());
    }

    @Test
    void anExtractionFillsTheFieldsAndQuotesTheLineOfEveryValue() {
        ConverseResponse response = converse(HAIKU, extractPrompt(SampleDocuments.INVOICE),
                tool("record_fields", FIELDS_TOOL.formatted(LINE_ITEMS_SCHEMA)));

        JsonNode input = json(toolUse(response).input());
        JsonNode fields = input.get("fields");
        assertThat(fields.get("invoiceNumber").asText()).isEqualTo("INV-2026-0042");
        assertThat(fields.get("total").decimalValue()).isEqualByComparingTo("564.00");
        assertThat(fields.at("/lineItems/1/description").asText()).isEqualTo("Consulting services");
        assertThat(evidence(input)).containsExactly(
                "/invoiceNumber|Invoice Number: INV-2026-0042",
                "/total|Total: $564.00",
                "/lineItems/0/description|Widget A               2     $10.00       $20.00",
                "/lineItems/0/quantity|Widget A               2     $10.00       $20.00",
                "/lineItems/0/amount|Widget A               2     $10.00       $20.00",
                "/lineItems/1/description|Consulting services    3     $150.00      $450.00",
                "/lineItems/1/quantity|Consulting services    3     $150.00      $450.00",
                "/lineItems/1/amount|Consulting services    3     $150.00      $450.00");
        input.get("evidence").forEach(entry -> {
            assertThat(SampleDocuments.INVOICE).contains(entry.get("quote").asText());
            assertThat(entry.has("page")).as("no page breaks, no pages").isFalse();
            assertThat(entry.get("confidence").asDouble()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void evidenceNamesThePageWhenTheTextHasPageBreaks() {
        String paged = "ACME Supplies Ltd\nInvoice Number: INV-P\n\fPage two\nSubtotal: $10.00\n\f\fTotal: $12.00\n";

        JsonNode input = json(toolUse(converse(HAIKU, extractPrompt(paged),
                tool("record_fields", FIELDS_TOOL.formatted(LINE_ITEMS_SCHEMA)))).input());

        assertThat(input.get("evidence").findValuesAsText("field")).containsExactly("/invoiceNumber", "/total");
        assertThat(input.get("evidence").findValues("page")).extracting(JsonNode::asInt).containsExactly(1, 4);
        assertThat(input.at("/evidence/1/quote").asText()).isEqualTo("Total: $12.00");
    }

    @Test
    void theSameRequestGetsTheSameAnswer() {
        ToolConfiguration config = tool("record_fields", FIELDS_TOOL.formatted(LINE_ITEMS_SCHEMA));

        JsonNode first = json(toolUse(converse(HAIKU, extractPrompt(SampleDocuments.INVOICE), config)).input());
        JsonNode second = json(toolUse(converse(HAIKU, extractPrompt(SampleDocuments.INVOICE), config)).input());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aModelWithoutToolUseRefusesToolConfigAsBedrockDoesButAnswersText() {
        bedrock.setToolSupport(LLAMA, ToolSupport.NONE);

        assertThatThrownBy(() -> converse(LLAMA, extractPrompt(SampleDocuments.INVOICE),
                tool("record_fields", FIELDS_TOOL.formatted(LINE_ITEMS_SCHEMA))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("This model doesn't support tool use.");
        assertThat(BedrockSdk.text(BedrockSdk.converse(client, LLAMA, SampleDocuments.classifyPrompt(
                SampleDocuments.INVOICE)))).contains("\"documentClass\":\"invoice\"");
        assertThat(bedrock.counters(LLAMA).failed()).isEqualTo(1);
        assertThat(toolUse(converse(HAIKU, extractPrompt(SampleDocuments.INVOICE),
                tool("record_fields", FIELDS_TOOL.formatted(LINE_ITEMS_SCHEMA))))).isNotNull();
    }

    @Test
    void aModelWithoutForcedToolChoiceRefusesOnlyTheForcedChoice() {
        bedrock.setToolSupport(LLAMA, ToolSupport.NO_FORCED_CHOICE);
        ToolConfiguration auto = ToolConfiguration.builder().tools(t -> t.toolSpec(s -> s.name("record_classification")
                .inputSchema(i -> i.json(document(CLASSIFICATION_TOOL))))).build();

        assertThatThrownBy(() -> converse(LLAMA, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE),
                tool("record_classification", CLASSIFICATION_TOOL)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("doesn't support the toolConfig.toolChoice.tool field");
        assertThat(converse(LLAMA, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE), auto).stopReason())
                .isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void aForcedToolThatIsNotOfferedIsAValidationError() {
        ToolConfiguration wrong = ToolConfiguration.builder()
                .tools(t -> t.toolSpec(s -> s.name("a").inputSchema(i -> i.json(document("{\"type\":\"object\"}")))))
                .toolChoice(c -> c.tool(n -> n.name("b"))).build();

        assertThatThrownBy(() -> converse(HAIKU, "hello", wrong)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("toolConfig.toolChoice.tool");
    }

    @Test
    void outputFaultsSpoilToolUseAnswersToo() {
        ToolConfiguration config = tool("record_fields", FIELDS_TOOL.formatted(LINE_ITEMS_SCHEMA));
        String prompt = extractPrompt(SampleDocuments.INVOICE);
        bedrock.faults().inject(HAIKU, Fault.NON_JSON, 1);
        bedrock.faults().inject(HAIKU, Fault.MISSING_FIELDS, 1);
        bedrock.faults().inject(HAIKU, Fault.TRUNCATED_JSON, 1);

        ConverseResponse refusal = converse(HAIKU, prompt, config);
        assertThat(refusal.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(BedrockSdk.text(refusal)).isEqualTo(MalformedOutput.REFUSAL);

        JsonNode missing = json(toolUse(converse(HAIKU, prompt, config)).input());
        assertThat(missing.get("fields").has("invoiceNumber")).isFalse();
        assertThat(missing.get("fields").has("total")).isFalse();
        assertThat(missing.get("fields").has("lineItems")).isTrue();
        assertThat(missing.get("evidence").findValuesAsText("field")).allMatch(f -> f.startsWith("/lineItems/"));

        ConverseResponse truncated = converse(HAIKU, prompt, config);
        assertThat(truncated.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(json(toolUse(truncated).input())).isEmpty();
    }

    @Test
    void theInventedValueFaultGivesAValueAndAQuoteTheDocumentDoesNotHold() {
        String schema = """
                {"type":"object","properties":{"currency":{"type":"string","pattern":"^[A-Z]{3}$"},
                 "vendorName":{"type":"string"},"invoiceNumber":{"type":"string"}}}""";
        bedrock.faults().inject(HAIKU, Fault.INVENTED_VALUE, 1);

        JsonNode input = json(toolUse(converse(HAIKU, extractPrompt(SampleDocuments.INVOICE),
                tool("record_fields", FIELDS_TOOL.formatted(schema)))).input());

        assertThat(input.at("/fields/vendorName").asText()).isEqualTo(Fault.INVENTED_VALUE_TEXT);
        assertThat(input.at("/fields/invoiceNumber").asText()).isEqualTo("INV-2026-0042");
        List<String> vendorQuotes = new ArrayList<>();
        input.get("evidence").forEach(e -> {
            if (e.get("field").asText().equals("/vendorName")) {
                vendorQuotes.add(e.get("quote").asText());
            }
        });
        assertThat(vendorQuotes).containsExactly(Fault.INVENTED_QUOTE);
        assertThat(SampleDocuments.INVOICE).doesNotContain(Fault.INVENTED_VALUE_TEXT).doesNotContain(Fault.INVENTED_QUOTE);
    }

    @Test
    void toolSupportIsSetOverTheAdminApiToo() throws Exception {
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(bedrock.endpoint() + "/_local/models"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"modelId\":\"" + LLAMA + "\",\"toolUse\":\"none\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(set.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> converse(LLAMA, "hello", tool("record_classification", CLASSIFICATION_TOOL)))
                .isInstanceOf(ValidationException.class);
    }

    private static String extractPrompt(String document) {
        return "Call the tool.\n<task>extract</task>\n<class>invoice</class>\n<document>\n" + document + "</document>\n";
    }

    private static ConverseResponse converse(String modelId, String prompt, ToolConfiguration tools) {
        return client.converse(b -> b.modelId(modelId).messages(BedrockSdk.user(prompt)).toolConfig(tools)
                .inferenceConfig(c -> c.maxTokens(2048)));
    }

    private static ToolConfiguration tool(String name, String schema) {
        return ToolConfiguration.builder()
                .tools(t -> t.toolSpec(s -> s.name(name).description("d").inputSchema(i -> i.json(document(schema)))))
                .toolChoice(c -> c.tool(n -> n.name(name)))
                .build();
    }

    private static ToolUseBlock toolUse(ConverseResponse response) {
        return response.output().message().content().stream().map(ContentBlock::toolUse)
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    private static List<String> evidence(JsonNode input) {
        List<String> entries = new ArrayList<>();
        input.get("evidence").forEach(e -> entries.add(e.get("field").asText() + "|" + e.get("quote").asText()));
        return entries;
    }

    private static Document document(String json) {
        try {
            return SdkDocuments.toDocument(Json.MAPPER.readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(Document document) {
        return SdkDocuments.toJson(document);
    }
}
