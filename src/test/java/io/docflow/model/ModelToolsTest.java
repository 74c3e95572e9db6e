package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The tools with the shipped document classes. */
class ModelToolsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DocumentClassCatalog catalog = new DocumentClassCatalog(
            Binder.get(new MockEnvironment()).bindOrCreate("docflow", DocflowProperties.class), MAPPER);
    private final ModelTools tools = new ModelTools(catalog);

    @Test
    void theClassificationToolOffersTheCatalogsClassesAsAnEnum() {
        ModelTool tool = tools.classification();

        assertThat(tool.name()).isEqualTo("record_classification").matches("[a-zA-Z0-9_-]{1,64}");
        JsonNode schema = tool.inputSchema();
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("required").toString()).isEqualTo("[\"documentClass\",\"confidence\",\"reason\"]");
        assertThat(schema.at("/properties/documentClass/enum").toString()).isEqualTo(
                "[\"bank-statement\",\"contract\",\"form\",\"invoice\",\"letter\",\"other\",\"receipt\",\"report\",\"resume\"]");
        assertThat(schema.at("/properties/confidence/type").asText()).isEqualTo("number");
        assertThat(schema.at("/properties/confidence/maximum").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/reason/type").asText()).isEqualTo("string");
    }

    @Test
    void theExtractionToolHasTheClassSchemaAsFieldsAndTheSharedEvidenceShape() throws Exception {
        DocumentClass invoice = catalog.get("invoice");

        ModelTool tool = tools.extraction(invoice);

        assertThat(tool.name()).isEqualTo("record_fields");
        assertThat(tool.inputSchema()).isEqualTo(MAPPER.readTree("""
                {"type":"object","required":["fields","evidence"],"properties":{
                   "fields": %s,
                   "evidence": {"type":"array",
                     "description":"One entry per value recorded in fields, including each property of each list item",
                     "items":{"type":"object","required":["field","quote"],"properties":{
                       "field":{"type":"string","description":"JSON Pointer into fields, e.g. /lineItems/2/amount"},
                       "quote":{"type":"string","description":"the exact text of the document the value was read from"},
                       "page":{"type":"integer"},"confidence":{"type":"number","minimum":0,"maximum":1}}}}}}
                """.formatted(ModelTools.forBedrock(invoice.schema()))));
        assertThat(tools.extraction(invoice)).as("built once per class").isSameAs(tool);
    }

    @Test
    void bedrockGetsTheClassSchemaWithoutDocflowsKeywordsAndTheRootsSchemaAndId() throws Exception {
        JsonNode schema = catalog.get("invoice").schema();

        JsonNode fields = ModelTools.forBedrock(schema);

        assertThat(schema.has("$schema")).isTrue();
        assertThat(schema.has("x-docflow-key-fields")).isTrue();
        assertThat(fields.has("$schema")).isFalse();
        assertThat(fields.has("$id")).isFalse();
        assertThat(fields.toString()).doesNotContain("x-docflow-");
        assertThat(schema.at("/properties/currency/x-docflow-match").asText()).as("a nested docflow keyword").isEqualTo("currency");
        assertThat(fields.get("properties").fieldNames()).toIterable()
                .containsExactlyElementsOf(() -> schema.get("properties").fieldNames());
        assertThat(fields.at("/properties/currency")).isEqualTo(MAPPER.readTree(
                "{\"type\":\"string\",\"pattern\":\"^[A-Z]{3}$\",\"description\":\"ISO 4217 code, e.g. USD\"}"));
        assertThat(fields.at("/properties/lineItems")).isEqualTo(schema.at("/properties/lineItems"));
        assertThat(fields.get("required")).isEqualTo(schema.get("required"));
        assertThat(fields.get("additionalProperties").asBoolean()).isFalse();
    }
}
