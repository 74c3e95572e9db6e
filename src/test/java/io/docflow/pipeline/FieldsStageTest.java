package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.extract.ExtractedDocument;
import io.docflow.extract.ExtractionSettings;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.JobOutcome;
import io.docflow.jobs.JobStatus;
import io.docflow.jobs.TextExtraction;
import io.docflow.model.Classification;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.evidence.EvidenceClaim;
import io.docflow.model.FieldMerger;
import io.docflow.model.JsonReplyReader;
import io.docflow.model.ModelOutput;
import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import io.docflow.model.SchemaValidator;
import io.docflow.ocr.DocumentOcr;
import io.docflow.ocr.OcrReport;
import io.docflow.ocr.OcrSettings;
import io.docflow.ocr.PageSource;
import io.docflow.ocr.PageText;
import io.docflow.evidence.FieldEvidence;
import io.docflow.extract.Chunk;
import io.docflow.extract.ChunkPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The extract-fields stage with the real reader, merger, validator and invoice schema (invoiceNumber, total required). */
class FieldsStageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocflowProperties PROPERTIES = Binder.get(new MockEnvironment())
            .bindOrCreate("docflow", DocflowProperties.class);
    // only lowConfidence is used, which reads the settings alone: no engine, pool or extractor
    private static final DocumentOcr OCR = new DocumentOcr(OcrSettings.defaults(), null, null, null,
            ExtractionSettings.defaults());

    private static final DocumentClassCatalog CATALOG = new DocumentClassCatalog(PROPERTIES, MAPPER);

    private final FieldsStage stage = new FieldsStage(new JsonReplyReader(MAPPER), new FieldMerger(), new SchemaValidator(),
            CATALOG, OCR, new FieldReviews(CATALOG, PROPERTIES));
    private final DocumentJob job = new DocumentJob("j-1", new SourceObject("in", "a.pdf", 10, "e", null, null, "test"));

    @BeforeEach
    void anInvoice() {
        job.classification(new Classification("invoice", 0.9, "", "invoice"));
    }

    @Test
    void chunkAnswersMergeInChunkOrderIntoValidFields() {
        stage.chunkExtracted(job, extract(1, "{\"invoiceNumber\": \"B\", \"total\": 2}"));
        stage.chunkExtracted(job, extract(0, "{\"invoiceNumber\": \"A\", \"vendorName\": \"Acme\"}"));

        assertThat(stage.mergeAndValidate(job)).isTrue();

        assertThat(job.extraction().fields().toString()).isEqualTo("{\"invoiceNumber\":\"A\",\"vendorName\":\"Acme\",\"total\":2}");
        assertThat(job.extraction().validationErrors()).isEmpty();
        assertThat(job.costs().modelCalls()).hasSize(2);
    }

    @Test
    void anUnreadableChunkIsRecordedAgainstItAndTheOthersStillCount() {
        stage.chunkExtracted(job, extract(0, "Sorry, I cannot help with that."));
        stage.chunkExtracted(job, extract(1, "{\"invoiceNumber\": \"A\", \"total\": 2}"));

        assertThat(stage.mergeAndValidate(job)).isTrue();
        assertThat(job.chunkAnswers().unreadable()).containsOnlyKeys(0);
        assertThat(job.chunkAnswers().unreadable().get(0)).contains("no complete JSON object");
    }

    @Test
    void missingRequiredFieldsAreValidationErrors() {
        stage.chunkExtracted(job, extract(0, "{\"vendorName\": \"Acme\"}"));

        assertThat(stage.mergeAndValidate(job)).isFalse();
        assertThat(job.extraction().validationErrors()).hasSize(2)
                .allSatisfy(error -> assertThat(error).contains("required"))
                .anySatisfy(error -> assertThat(error).contains("invoiceNumber"))
                .anySatisfy(error -> assertThat(error).contains("total"));
    }

    @Test
    void whenNoChunkWasReadableTheErrorsSaySo() {
        stage.chunkExtracted(job, extract(0, "not json"));

        assertThat(stage.mergeAndValidate(job)).isFalse();
        assertThat(job.extraction().validationErrors()).last().asString()
                .startsWith("no chunk gave a readable answer: The model's reply holds no complete JSON object");
    }

    @Test
    void aRepairThatMakesTheFieldsValidReplacesThem() {
        stage.chunkExtracted(job, extract(0, "{\"vendorName\": \"Acme\"}"));
        stage.mergeAndValidate(job);

        assertThat(stage.repairAnswered(job, repair("{\"invoiceNumber\": \"A\", \"total\": 5}"))).isTrue();

        assertThat(job.extraction().fields().toString()).isEqualTo("{\"invoiceNumber\":\"A\",\"total\":5}");
        assertThat(job.extraction().validationErrors()).isEmpty();
        assertThat(job.extraction().repaired()).isTrue();
    }

    @Test
    void aRepairStillInvalidKeepsTheMergedFieldsAndGivesItsOwnErrors() {
        stage.chunkExtracted(job, extract(0, "{\"vendorName\": \"Acme\"}"));
        stage.mergeAndValidate(job);

        assertThat(stage.repairAnswered(job, repair("{\"invoiceNumber\": \"A\"}"))).isFalse();

        assertThat(job.extraction().fields().toString()).isEqualTo("{\"vendorName\":\"Acme\"}");
        assertThat(job.extraction().validationErrors()).singleElement().asString().contains("total");
    }

    @Test
    void anUnreadableRepairAddsWhyToTheErrorsItCouldNotFix() {
        stage.chunkExtracted(job, extract(0, "{\"vendorName\": \"Acme\"}"));
        stage.mergeAndValidate(job);
        List<String> before = job.extraction().validationErrors();

        assertThat(stage.repairAnswered(job, repair("no"))).isFalse();

        assertThat(job.extraction().validationErrors()).startsWith(before.toArray(String[]::new)).hasSize(before.size() + 1);
        assertThat(job.extraction().validationErrors()).last().asString().startsWith("repair reply: ");
    }

    @Test
    void validFieldsComplete() {
        stage.chunkExtracted(job, extract(0, "{\"invoiceNumber\": \"A\", \"total\": 2}"));
        stage.mergeAndValidate(job);

        stage.finish(job);

        assertThat(job.outcome().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void fieldsStillInvalidNeedReviewWithTheErrorsKept() {
        stage.chunkExtracted(job, extract(0, "{\"invoiceNumber\": \"A\"}"));
        stage.mergeAndValidate(job);
        stage.repairAnswered(job, repair("{\"invoiceNumber\": \"A\"}"));

        stage.finish(job);

        assertThat(job.outcome().status()).isEqualTo(JobStatus.NEEDS_REVIEW);
        assertThat(job.outcome().reason()).isEqualTo("INVALID_MODEL_OUTPUT");
        assertThat(job.outcome().message()).startsWith("Extracted fields stayed invalid after repair: ").contains("total");
    }

    @Test
    void validFieldsReadByUnsureOcrNeedReview() {
        ExtractedDocument scan = new ExtractedDocument("A", "image/png", 1, null, null, null, 1, false, 1000, List.of(), 0);
        job.text(new TextExtraction(scan, new OcrReport("tesseract", List.of("eng"), List.of(
                new PageText(1, PageSource.OCR, 100, "tesseract", 30.0, null, null)), 10), null));
        stage.chunkExtracted(job, extract(0, "{\"invoiceNumber\": \"A\", \"total\": 2}"));
        stage.mergeAndValidate(job);

        stage.finish(job);

        assertThat(job.outcome().status()).isEqualTo(JobStatus.NEEDS_REVIEW);
        assertThat(job.outcome().reason()).isEqualTo("LOW_OCR_CONFIDENCE");
        assertThat(job.outcome().message()).contains("Mean OCR confidence 30.0");
    }

    @Test
    void validFieldsWhoseTotalsDoNotAddUpNeedReviewNamingTheRule() throws Exception {
        job.text(textOf("Invoice INV-7\nSubtotal 617.96\nTax 30.90\nShipping 45.00\nTotal due EUR 693.86"));
        stage.chunkExtracted(job, tool(ModelTask.EXTRACT, 0, """
                {"fields": {"invoiceNumber": "INV-7", "subtotal": 617.96, "tax": 30.90, "total": 693.86, "currency": "EUR"},
                 "evidence": [{"field": "/invoiceNumber", "quote": "Invoice INV-7"},
                              {"field": "/subtotal", "quote": "Subtotal 617.96"}, {"field": "/tax", "quote": "Tax 30.90"},
                              {"field": "/total", "quote": "Total due EUR 693.86"},
                              {"field": "/currency", "quote": "Total due EUR 693.86"}]}"""));
        stage.mergeAndValidate(job);

        stage.finish(job);

        assertThat(job.outcome().status()).isEqualTo(JobStatus.NEEDS_REVIEW);
        assertThat(job.outcome().reason()).isEqualTo("FIELDS_NEED_REVIEW");
        assertThat(job.outcome().message()).startsWith("rule invoice.total failed: subtotal 617.96 + tax 30.90 = 648.86"
                + " != total 693.86");
        assertThat(job.extraction().review().evidence()).allMatch(FieldEvidence::grounded);
    }

    @Test
    void groundedFieldsThatAddUpComplete() throws Exception {
        job.text(textOf("Invoice INV-7\nSubtotal 617.96\nTax 30.90\nTotal due EUR 648.86"));
        stage.chunkExtracted(job, tool(ModelTask.EXTRACT, 0, """
                {"fields": {"invoiceNumber": "INV-7", "subtotal": 617.96, "tax": 30.90, "total": 648.86, "currency": "EUR"},
                 "evidence": [{"field": "/invoiceNumber", "quote": "Invoice INV-7"},
                              {"field": "/subtotal", "quote": "Subtotal 617.96"}, {"field": "/tax", "quote": "Tax 30.90"},
                              {"field": "/total", "quote": "Total due EUR 648.86"},
                              {"field": "/currency", "quote": "Total due EUR 648.86"}]}"""));
        stage.mergeAndValidate(job);

        stage.finish(job);

        assertThat(job.outcome().status()).as(job.outcome().message()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.extraction().review().decision().needsReview()).isFalse();
    }

    @Test
    void aTextAnswersValuesAreLookedForInTheTextThemselves() {
        job.text(textOf("Invoice INV-7\nTotal due EUR 1.234,50"));
        stage.chunkExtracted(job, extract(0, "{\"invoiceNumber\": \"INV-7\", \"total\": 1234.5, \"currency\": \"EUR\"}"));
        stage.mergeAndValidate(job);

        stage.finish(job);

        assertThat(job.outcome().status()).as(job.outcome().message()).isEqualTo(JobStatus.COMPLETED);
        FieldEvidence total = job.extraction().review().evidence().stream()
                .filter(evidence -> evidence.field().equals("/total")).findFirst().orElseThrow();
        assertThat(total.grounded()).isTrue();
        assertThat(job.text().document().text().substring(total.start(), total.end())).isEqualTo("1.234,50");
        assertThat(total.note()).startsWith("no quote given (text answer)");
    }

    @Test
    void aTextAnswersValueThatIsNotInTheTextIsUngroundedAndNeedsReview() {
        job.text(textOf("Invoice INV-7\nTotal due EUR 20.00"));
        stage.chunkExtracted(job, extract(0, "{\"invoiceNumber\": \"INV-7\", \"total\": 54, \"currency\": \"EUR\"}"));
        stage.mergeAndValidate(job);

        stage.finish(job);

        assertThat(job.outcome().reason()).isEqualTo("FIELDS_NEED_REVIEW");
        assertThat(job.outcome().message())
                .contains("total: ungrounded (no quote given (text answer), and the value is not in the text)");
    }

    @Test
    void aToolAnswersValueWithoutEvidenceIsUngroundedNotLookedFor() throws Exception {
        job.text(textOf("Invoice INV-7\nTotal due EUR 20.00"));
        stage.chunkExtracted(job, tool(ModelTask.EXTRACT, 0, """
                {"fields": {"invoiceNumber": "INV-7", "total": 20, "currency": "EUR"},
                 "evidence": [{"field": "/invoiceNumber", "quote": "Invoice INV-7"},
                              {"field": "/currency", "quote": "Total due EUR 20.00"}]}"""));
        stage.mergeAndValidate(job);

        stage.finish(job);

        assertThat(job.outcome().reason()).isEqualTo("FIELDS_NEED_REVIEW");
        assertThat(job.outcome().message()).contains("total: ungrounded (no evidence given for this value)");
    }

    @Test
    void aJobAlreadyDecidedKeepsItsOutcome() {
        job.outcome(JobOutcome.failed("NO_TEXT", "nothing to read"));

        stage.finish(job);

        assertThat(job.outcome().status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.outcome().reason()).isEqualTo("NO_TEXT");
    }

    @Test
    void toolUseChunkAnswersKeepTheirEvidenceRebasedThroughTheMerge() throws Exception {
        stage.chunkExtracted(job, tool(ModelTask.EXTRACT, 1, """
                {"fields": {"total": 7, "lineItems": [{"description": "Bolts"}]},
                 "evidence": [{"field": "/total", "quote": "Total: 7.00"},
                              {"field": "/lineItems/0/description", "quote": "Bolts 1 7.00", "page": 2}]}"""));
        stage.chunkExtracted(job, tool(ModelTask.EXTRACT, 0, """
                {"fields": {"invoiceNumber": "A", "lineItems": [{"description": "Nuts"}, {"description": "Gears"}]},
                 "evidence": [{"field": "/invoiceNumber", "quote": "Invoice A"},
                              {"field": "/lineItems/0/description", "quote": "Nuts 1 1.00"},
                              {"field": "/lineItems/1/description", "quote": "Gears 1 2.00"}]}"""));

        assertThat(stage.mergeAndValidate(job)).isTrue();

        assertThat(job.extraction().fields().at("/lineItems/2/description").asText()).isEqualTo("Bolts");
        assertThat(job.extraction().evidence()).extracting(EvidenceClaim::field, EvidenceClaim::quote).containsExactly(
                tuple("/invoiceNumber", "Invoice A"), tuple("/lineItems/0/description", "Nuts 1 1.00"),
                tuple("/lineItems/1/description", "Gears 1 2.00"), tuple("/total", "Total: 7.00"),
                tuple("/lineItems/2/description", "Bolts 1 7.00"));
        assertThat(job.extraction().evidence().get(4).page()).isEqualTo(2);
    }

    @Test
    void aToolUseReplyWithoutAToolCallIsAnUnreadableChunk() {
        stage.chunkExtracted(job, new ModelReply(ModelTask.EXTRACT, "m", "Sorry, I cannot help with that.", "end_turn",
                10, 5, 3, 0, 1, false, ModelOutput.TOOL_USE, null));

        assertThat(job.chunkAnswers().unreadable().get(0)).contains("no toolUse block", "Sorry, I cannot help with that.");
    }

    @Test
    void aValidToolUseRepairReplacesTheFieldsAndTheirEvidence() throws Exception {
        stage.chunkExtracted(job, tool(ModelTask.EXTRACT, 0, """
                {"fields": {"vendorName": "Acme"}, "evidence": [{"field": "/vendorName", "quote": "Acme"}]}"""));
        stage.mergeAndValidate(job);
        assertThat(job.extraction().evidence()).hasSize(1);

        assertThat(stage.repairAnswered(job, tool(ModelTask.REPAIR, -1, """
                {"fields": {"invoiceNumber": "A", "total": 5},
                 "evidence": [{"field": "/invoiceNumber", "quote": "No. A"}, {"field": "/total", "quote": "Total 5"}]}""")))
                .isTrue();

        assertThat(job.extraction().evidence()).extracting(EvidenceClaim::field).containsExactly("/invoiceNumber", "/total");
    }

    @Test
    void toolInputThatFailsTheSchemaIsAValidationError() throws Exception {
        stage.chunkExtracted(job, tool(ModelTask.EXTRACT, 0, "{\"fields\": {\"invoiceNumber\": 12}, \"evidence\": []}"));

        assertThat(stage.mergeAndValidate(job)).isFalse();
        assertThat(job.extraction().validationErrors()).anySatisfy(error -> assertThat(error).contains("invoiceNumber"))
                .anySatisfy(error -> assertThat(error).contains("total"));
    }

    private static TextExtraction textOf(String text) {
        ExtractedDocument document = new ExtractedDocument(text, "application/pdf", 1, null, null, null, text.length(),
                false, 100_000, List.of(0), 0);
        Chunk chunk = new Chunk(0, text, 0, text.length(), 10);
        return new TextExtraction(document, null, new ChunkPlan(List.of(chunk), List.of(), null));
    }

    private static ModelReply tool(ModelTask task, int chunk, String input) throws Exception {
        return new ModelReply(task, "m", "", "tool_use", 10, 5, 3, chunk, 1, false, ModelOutput.TOOL_USE,
                MAPPER.readTree(input));
    }

    private static ModelReply extract(int chunk, String text) {
        return new ModelReply(ModelTask.EXTRACT, "m", text, "end_turn", 10, 5, 3, chunk, 1, false);
    }

    private static ModelReply repair(String text) {
        return new ModelReply(ModelTask.REPAIR, "m", text, "end_turn", 10, 5, 3, -1, 1, false);
    }
}
