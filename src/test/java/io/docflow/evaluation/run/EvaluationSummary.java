package io.docflow.evaluation.run;

import java.io.PrintStream;

import io.docflow.evaluation.ConfigurationComparison;
import io.docflow.evaluation.ConfigurationScores;
import io.docflow.evaluation.EvaluationReport;
import io.docflow.evaluation.McNemar;
import io.docflow.evaluation.PairedBootstrap;
import io.docflow.evaluation.ReportJson;

/** The summary the evaluate command prints: headline figures per configuration, then each comparison. */
final class EvaluationSummary {

    private final PrintStream out;

    EvaluationSummary(PrintStream out) {
        this.out = out;
    }

    void print(EvaluationReport report) {
        out.println();
        out.printf("%-34s", "figure");
        report.configurations().forEach(c -> out.printf(" %22s", clip(c.label())));
        out.println();
        line(report, "class accuracy", c -> pct(c.classification().accuracy()));
        line(report, "field precision / recall", c -> pct(c.fields().overall().precision()) + " / " + pct(c.fields().overall().recall()));
        line(report, "field F1", c -> pct(c.fields().overall().f1()));
        line(report, "documents fully right", c -> pct(c.fullyCorrectShare()));
        line(report, "list completeness", c -> pct(c.listCompleteness()));
        line(report, "grounded values right", c -> pct(c.grounding().groundedPrecision()));
        line(report, "expected calibration error", c -> num(c.calibration().expectedCalibrationError()));
        line(report, "errors caught by review", c -> pct(c.reviewCatch().caughtShare()));
        line(report, "sent to review", c -> pct(c.reviewCatch().reviewShare()));
        line(report, "USD per document", c -> c.cost().costUsd() == null ? "no price" : c.cost().costUsd().stripTrailingZeros().toPlainString());
        line(report, "tokens per document", c -> "%.0f".formatted(c.cost().inputTokens() + c.cost().outputTokens()));
        line(report, "processing p50 / p95 ms", c -> c.cost().p50Millis() + " / " + c.cost().p95Millis());
        for (ConfigurationComparison comparison : report.comparisons()) {
            out.printf("%n%s against %s (%d documents):%n", comparison.b().label(), comparison.a().label(), comparison.pairedDocuments());
            for (ConfigurationComparison.Delta d : comparison.deltas()) {
                out.printf("  %-34s %s%n", d.metric(), Double.isNaN(d.delta()) ? "n/a" : "%+.4f".formatted(d.delta()));
            }
            McNemar.Result cls = comparison.classAccuracyTest();
            PairedBootstrap.Result f1 = comparison.fieldF1Test();
            out.printf("  class accuracy: right only in A %d, only in B %d, McNemar p = %.4f (%s)%n", cls.onlyA(), cls.onlyB(),
                    cls.pValue(), cls.significantAt(ConfigurationComparison.ALPHA) ? "significant" : "not significant");
            out.printf("  field F1: %+.4f, 95%% interval %+.4f to %+.4f, bootstrap p = %.4f (%s)%n", f1.observedDifference(),
                    f1.lower95(), f1.upper95(), f1.pValue(), f1.significantAt(ConfigurationComparison.ALPHA) ? "significant" : "not significant");
        }
        out.println();
    }

    private void line(EvaluationReport report, String name, java.util.function.Function<ConfigurationScores, String> figure) {
        out.printf("%-34s", name);
        report.configurations().forEach(c -> out.printf(" %22s", figure.apply(c)));
        out.println();
    }

    private static String pct(double value) {
        return ReportJson.percent(value);
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "n/a" : "%.3f".formatted(value);
    }

    private static String clip(String label) {
        return label.length() <= 22 ? label : label.substring(0, 21) + "…";
    }
}
