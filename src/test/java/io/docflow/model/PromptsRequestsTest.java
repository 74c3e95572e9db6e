package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.extract.Chunk;
import io.docflow.extract.ChunkPlan;
import io.docflow.extract.ExtractedDocument;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FieldExtraction;
import io.docflow.jobs.TextExtraction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The requests Prompts builds with the shipped prompts and classes, for tool use and for text. */
class PromptsRequestsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = "ACME Supplies Ltd\nInvoice Number: INV-1\nTotal: $5.00\n";

    private static Prompts prompts(String output) {
        MockEnvironment environment = new MockEnvironment();
        if (output != null) {
            environment.setProperty("docflow.models.output", output);
        }
        DocflowProperties properties = Binder.get(environment).bindOrCreate("docflow", DocflowProperties.class);
        DocumentClassCatalog catalog = new DocumentClassCatalog(properties, MAPPER);
        return new Prompts(new PromptLibrary(properties), catalog, properties, MAPPER, new ModelTools(catalog));
    }

    private static DocumentJob invoice() {
        DocumentJob job = new DocumentJob("j-1", new SourceObject("in", "a.pdf", 10, "e", null, null, "test"));
        job.text(new TextExtraction(new ExtractedDocument(TEXT, "application/pdf", 1, "en", null, null, TEXT.length(), false,
                100_000, List.of(0), 0), null, new ChunkPlan(List.of(new Chunk(0, TEXT, 0, TEXT.length(), 10)), List.of(), null)));
        job.classification(new Classification("invoice", 0.9, "", "invoice"));
        return job;
    }

    @Test
    void classificationAsksForItsToolWithTheTextPromptToFallBackTo() {
        ModelRequest request = prompts(null).classify(invoice());

        assertThat(request.output()).isEqualTo(ModelOutput.TOOL_USE);
        assertThat(request.tool().name()).isEqualTo(ModelTools.CLASSIFICATION_TOOL);
        assertThat(request.promptVersion()).isEqualTo("v2");
        assertThat(request.prompt()).contains("calling the tool record_classification", "<task>classify</task>",
                "invoice: ", "Invoice Number: INV-1");
        ModelRequest text = request.asText();
        assertThat(text.tool()).isNull();
        assertThat(text.promptVersion()).isEqualTo("v1");
        assertThat(text.prompt()).contains("Answer with one JSON object", "Invoice Number: INV-1");
        assertThat(text.modelId()).isEqualTo(request.modelId());
    }

    @Test
    void extractionAsksForTheClassToolAndEvidenceAndLeavesTheSchemaToTheTool() {
        ModelRequest request = prompts(null).extract(invoice(), invoice().text().chunks().chunks().get(0));

        assertThat(request.tool().name()).isEqualTo(ModelTools.FIELDS_TOOL);
        assertThat(request.tool().inputSchema().at("/properties/fields/properties/invoiceNumber/type").asText())
                .isEqualTo("string");
        assertThat(request.chunkIndex()).isZero();
        assertThat(request.prompt()).contains("record_fields", "evidence", "/lineItems/2/amount", "part 1 of 1")
                .doesNotContain("<schema>");
        assertThat(request.asText().prompt()).contains("<schema>", "\"invoiceNumber\"");
    }

    @Test
    void aRepairAsksForTheSameToolAsTheExtraction() {
        DocumentJob job = invoice();
        job.extraction(FieldExtraction.merged(MAPPER.createObjectNode(), List.of("$: required property 'total' not found")));

        ModelRequest request = prompts(null).repair(job);

        assertThat(request.task()).isEqualTo(ModelTask.REPAIR);
        assertThat(request.tool().name()).isEqualTo(ModelTools.FIELDS_TOOL);
        assertThat(request.prompt()).contains("<task>repair</task>", "required property 'total'");
    }

    @Test
    void withOutputTextEveryRequestIsTheTextOne() {
        Prompts text = prompts("text");
        DocumentJob job = invoice();

        assertThat(text.classify(job).output()).isEqualTo(ModelOutput.TEXT);
        assertThat(text.classify(job).promptVersion()).isEqualTo("v1");
        assertThat(text.extract(job, job.text().chunks().chunks().get(0)).tool()).isNull();
        job.extraction(FieldExtraction.merged(MAPPER.createObjectNode(), List.of("$: required property 'total' not found")));
        assertThat(text.repair(job).output()).isEqualTo(ModelOutput.TEXT);
    }
}
