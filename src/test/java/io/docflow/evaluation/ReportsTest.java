package io.docflow.evaluation;

import static io.docflow.evaluation.ScoredDocuments.result;
import static io.docflow.evaluation.ScoredDocuments.score;
import static io.docflow.evaluation.ScoredDocuments.truth;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final GroundTruth INVOICE = truth("inv <1>.pdf", "invoice", "{\"invoiceNumber\":\"INV-1\",\"total\":110}");
    private static final GroundTruth OTHER = truth("flyer.pdf", "other", "{}");

    private static EvaluationReport report(ReleaseGates gates) {
        ConfigurationScores a = new ConfigurationScores("docflow", List.of(
                score(INVOICE, result("COMPLETED", "invoice", "{\"invoiceNumber\":\"INV-1\",\"total\":110}",
                        "[{\"field\":\"/total\",\"confidence\":0.9,\"grounded\":true}]", 300, 900, 90, "0.0003")),
                score(OTHER, result("COMPLETED", "other", "{}", "[]", 100, 300, 10, "0.0001"))));
        ConfigurationScores b = new ConfigurationScores("naive baseline", List.of(
                score(INVOICE, result("COMPLETED", "invoice", "{\"invoiceNumber\":\"INV-1\",\"total\":100}", null, 500, 2000, 90, "0.0006")),
                score(OTHER, result("COMPLETED", "letter", "{}", null, 200, 900, 10, "0.0003"))));
        return new EvaluationReport("shipped-set", Path.of("set"), Instant.parse("2026-12-03T16:00:00Z"), 12_000, List.of(a, b), gates);
    }

    @Test
    void jsonCarriesEveryFigureAndNullForWhatWasNotMeasured() {
        JsonNode json = new ReportJson(ScoredDocuments.JSON).of(report(ReleaseGates.fromOptions(Map.of("min-field-f1", "0.9"))));

        assertThat(json.path("documents").asInt()).isEqualTo(2);
        JsonNode a = json.path("configurations").get(0);
        assertThat(a.path("classification").path("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(a.path("fields").path("perClass").path("invoice").path("perField").path("/total").path("f1").asDouble()).isEqualTo(1.0);
        assertThat(a.path("lists").path("completeness").isNull()).isTrue();
        assertThat(a.path("evidence").path("groundedPrecision").asDouble()).isEqualTo(1.0);
        assertThat(a.path("cost").path("perDocument").path("usd").decimalValue()).isEqualByComparingTo("0.0002");
        assertThat(a.path("perDocument").get(0).path("document").asText()).isEqualTo("inv <1>.pdf");
        JsonNode b = json.path("configurations").get(1);
        assertThat(b.path("classification").path("confusion").path("other").path("letter").asInt()).isEqualTo(1);
        assertThat(b.path("perDocument").get(0).path("notRight").path("/total").asText()).isEqualTo("WRONG");
        JsonNode comparison = json.path("comparisons").get(0);
        assertThat(comparison.path("a").asText()).isEqualTo("docflow");
        assertThat(comparison.path("deltas").get(0).path("metric").asText()).isEqualTo("class accuracy");
        assertThat(comparison.path("deltas").get(0).path("delta").asDouble()).isEqualTo(-0.5);
        assertThat(comparison.path("tests").path("classAccuracy").path("rightOnlyInA").asInt()).isEqualTo(1);
        assertThat(comparison.path("disagreements").path("flyer.pdf").asText()).isEqualTo("A right, B class wrong");
        assertThat(json.path("gates").path("passed").asBoolean()).isTrue();
    }

    @Test
    void htmlHasTheChartsTablesAndEscapedNames() {
        String html = new ReportHtml().of(report(ReleaseGates.fromOptions(Map.of("min-class-accuracy", "1"))));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">");
        assertThat(html).contains("aria-label=\"F1 per class and field\"", "aria-label=\"Reliability diagram\"",
                "aria-label=\"Field F1 against cost per document\"", "aria-label=\"confusion matrix of docflow\"");
        assertThat(html).contains("naive baseline against docflow").contains("USD per document");
        assertThat(html).contains("inv &lt;1&gt;.pdf").doesNotContain("inv <1>.pdf");
        assertThat(html).contains("<span class=\"pass\">passed</span>");
        // two configurations: a bar per configuration for each class and field, one point each on the cost chart
        assertThat(html.split("<rect x=\"260\"", -1)).hasSizeGreaterThan(3);
        assertThat(html).doesNotContain("NaN");
    }
}
