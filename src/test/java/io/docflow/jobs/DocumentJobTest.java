package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.docflow.extract.ExtractedDocument;
import io.docflow.ingest.SourceObject;
import io.docflow.model.Classification;
import io.docflow.ocr.OcrReport;
import io.docflow.ocr.PageSource;
import io.docflow.ocr.PageText;
import org.junit.jupiter.api.Test;

class DocumentJobTest {

    private final DocumentJob job = new DocumentJob("j-1", new SourceObject("in", "a.pdf", 10, "e", null, null, "test"));

    @Test
    void aNewJobIsProcessingAndKnowsNothingYet() {
        assertThat(job.outcome()).isEqualTo(JobOutcome.PROCESSING);
        assertThat(job.text()).isNull();
        assertThat(job.hasText()).isFalse();
        assertThat(job.documentClass()).isNull();
        assertThat(job.confidence()).isNull();
        assertThat(job.extraction()).isNull();
        assertThat(job.summary()).isEqualTo("PROCESSING");
    }

    @Test
    void theTextAndTheClassificationAreSetOnce() {
        job.text(new TextExtraction(document("INVOICE"), null, null));
        job.classification(invoice(0.9));

        assertThatThrownBy(() -> job.text(new TextExtraction(document("other"), null, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.classification(invoice(0.5))).isInstanceOf(IllegalStateException.class);
        assertThat(job.text().document().text()).isEqualTo("INVOICE");
        assertThat(job.classification().confidence()).isEqualTo(0.9);
    }

    @Test
    void blankTextIsNoText() {
        job.text(new TextExtraction(document("  \n"), null, null));

        assertThat(job.hasText()).isFalse();
    }

    @Test
    void theConfidenceIsTheClassificationsLoweredByTheOcrsAndRounded() {
        // 300 text-layer characters count fully, 100 OCR'd ones at 50 %: 0.875 of the text is trusted
        OcrReport ocr = new OcrReport("tesseract", List.of("eng"), List.of(
                new PageText(1, PageSource.TEXT_LAYER, 300, null, null, null, null),
                new PageText(2, PageSource.OCR, 100, "tesseract", 50.0, null, null)), 10);
        job.text(new TextExtraction(document("INVOICE"), ocr, null));
        job.classification(invoice(0.8));

        assertThat(job.confidence()).isEqualTo(0.7);
    }

    @Test
    void withoutOcrTheConfidenceIsTheClassifications() {
        job.classification(invoice(0.9));

        assertThat(job.confidence()).isEqualTo(0.9);
    }

    @Test
    void theSummaryNamesTheReasonElseTheClass() {
        job.classification(invoice(0.9));
        job.outcome(JobOutcome.completed());
        assertThat(job.summary()).isEqualTo("COMPLETED (invoice)");

        job.outcome(JobOutcome.needsReview("INVALID_MODEL_OUTPUT", "no JSON"));
        assertThat(job.summary()).isEqualTo("NEEDS_REVIEW (INVALID_MODEL_OUTPUT)");
    }

    private static Classification invoice(double confidence) {
        return new Classification("invoice", confidence, "", "invoice");
    }

    private static ExtractedDocument document(String text) {
        return new ExtractedDocument(text, "application/pdf", 1, null, null, null, text.length(), false, 1000, List.of(), 0);
    }
}
