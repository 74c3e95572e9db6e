package io.docflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.config.DocflowProperties;
import io.docflow.evidence.FieldReview;
import io.docflow.evidence.ReviewInput;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FieldExtraction;
import io.docflow.jobs.JobOutcome;
import io.docflow.model.Classification;
import io.docflow.model.CostEstimator;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.store.ResultDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class AnnouncementsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocflowProperties PROPERTIES = Binder.get(new MockEnvironment()
                    .withProperty("docflow.buckets.results", "results-bucket"))
            .bindOrCreate("docflow", DocflowProperties.class);
    private static final DocumentClassCatalog CATALOG = new DocumentClassCatalog(PROPERTIES, MAPPER);
    private final Announcements announcements = new Announcements(MAPPER, new ResultDocuments(MAPPER,
            new CostEstimator(PROPERTIES), CATALOG, PROPERTIES));

    @Test
    void aCompletedJobIsAnnouncedWithItsClassAndResultAndNoReason() throws Exception {
        DocumentJob job = job("invoices/a.pdf");
        job.classification(new Classification("invoice", 0.9, "", "invoice"));
        job.outcome(JobOutcome.completed());

        JsonNode message = MAPPER.readTree(announcements.message(job));

        assertThat(message.get("jobId").asText()).isEqualTo("j-1");
        assertThat(message.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(message.get("documentClass").asText()).isEqualTo("invoice");
        assertThat(message.get("bucket").asText()).isEqualTo("in");
        assertThat(message.get("key").asText()).isEqualTo("invoices/a.pdf");
        assertThat(message.get("resultLocation").asText()).isEqualTo("s3://results-bucket/results/j-1.json");
        assertThat(message.has("reason")).isFalse();
        assertThat(announcements.detailType(job)).isEqualTo("Document Processed");
        assertThat(announcements.documentClassAttribute(job)).isEqualTo("invoice");
    }

    @Test
    void aFailedJobSaysWhyAndHasADetailTypeOfItsOwn() throws Exception {
        DocumentJob job = job("broken.pdf");
        job.outcome(JobOutcome.failed("CORRUPT_DOCUMENT", "not a PDF"));

        JsonNode message = MAPPER.readTree(announcements.message(job));

        assertThat(message.get("reason").asText()).isEqualTo("CORRUPT_DOCUMENT");
        assertThat(message.get("documentClass").isNull()).isTrue();
        assertThat(announcements.detailType(job)).isEqualTo("Document Failed");
        assertThat(announcements.subject(job)).isEqualTo("docflow job FAILED");
    }

    @Test
    void aJobForReviewIsProcessedNotFailed() {
        DocumentJob job = job("a.pdf");
        job.outcome(JobOutcome.needsReview("INVALID_MODEL_OUTPUT", "no JSON"));

        assertThat(announcements.detailType(job)).isEqualTo("Document Processed");
    }

    @Test
    void aReviewedJobCarriesItsConfidenceBandItsConfidenceAndTheReviewsReasons() throws Exception {
        DocumentJob doubtful = reviewed("Invoice INV-7\nSubtotal 617.96\nTax 30.90\nTotal due EUR 693.86", "693.86");
        DocumentJob clean = reviewed("Invoice INV-7\nSubtotal 617.96\nTax 30.90\nTotal due EUR 648.86", "648.86");

        JsonNode message = MAPPER.readTree(announcements.message(doubtful));

        assertThat(announcements.confidenceBandAttribute(doubtful)).isEqualTo("low");
        assertThat(message.get("confidenceBand").asText()).isEqualTo("low");
        assertThat(message.get("resultVersion").asInt()).isEqualTo(2);
        assertThat(message.get("documentConfidence").asDouble()).isLessThan(0.7);
        assertThat(message.get("reviewReasons").get(0).asText()).startsWith("rule invoice.total failed");
        assertThat(announcements.confidenceBandAttribute(clean)).isEqualTo("high");
        assertThat(MAPPER.readTree(announcements.message(clean)).get("reviewReasons")).isEmpty();
    }

    @Test
    void aJobWithoutReviewedFieldsHasTheBandNone() throws Exception {
        DocumentJob job = job("broken.pdf");
        job.outcome(JobOutcome.failed("CORRUPT_DOCUMENT", "not a PDF"));

        assertThat(announcements.confidenceBandAttribute(job)).isEqualTo("none");
        assertThat(MAPPER.readTree(announcements.message(job)).has("reviewReasons")).isFalse();
    }

    private DocumentJob reviewed(String text, String total) throws Exception {
        DocumentJob job = job("a.pdf");
        job.classification(new Classification("invoice", 0.9, "", "invoice"));
        ObjectNode fields = (ObjectNode) MAPPER.readTree("{\"invoiceNumber\": \"INV-7\", \"subtotal\": 617.96, \"tax\": 30.90, "
                + "\"total\": " + total + ", \"currency\": \"EUR\"}");
        String quote = "Total due EUR " + total;
        JsonNode evidence = MAPPER.readTree("[{\"field\": \"/invoiceNumber\", \"quote\": \"Invoice INV-7\"},"
                + "{\"field\": \"/subtotal\", \"quote\": \"Subtotal 617.96\"}, {\"field\": \"/tax\", \"quote\": \"Tax 30.90\"},"
                + "{\"field\": \"/total\", \"quote\": \"" + quote + "\"}, {\"field\": \"/currency\", \"quote\": \"" + quote + "\"}]");
        FieldReview review = FieldReview.forClass("invoice.schema.json", CATALOG.get("invoice").schema());
        job.extraction(FieldExtraction.merged(fields, List.of())
                .reviewed(review.review(ReviewInput.of(text, List.of(0), fields, evidence))));
        job.outcome(JobOutcome.completed());
        return job;
    }

    @Test
    void subscribersCanFilterOnTheClassEvenWithoutOne() {
        assertThat(announcements.documentClassAttribute(job("a.pdf"))).isEqualTo("none");
    }

    @Test
    void theEventResourceIsTheObjectOrItsBucketWhenTheKeyHoldsTheListSeparator() {
        assertThat(announcements.resourceArn(job("dir/a.pdf"))).isEqualTo("arn:aws:s3:::in/dir/a.pdf");
        assertThat(announcements.resourceArn(job("a,b.pdf"))).isEqualTo("arn:aws:s3:::in");
    }

    @Test
    void theSubjectLeavesTheKeyOutSoItStaysAscii() {
        DocumentJob job = job("Rechnungen/März\n2024.pdf");
        job.outcome(JobOutcome.completed());

        assertThat(announcements.subject(job)).isEqualTo("docflow job COMPLETED").doesNotContain("März");
    }

    private static DocumentJob job(String key) {
        return new DocumentJob("j-1", new SourceObject("in", key, 10, "e", null, null, "test"));
    }
}
