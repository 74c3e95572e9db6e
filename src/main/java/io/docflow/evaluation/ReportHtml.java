package io.docflow.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The evaluation report as one HTML page with its charts inline (SVG), readable offline and without scripts:
 * the headline figures side by side, the comparisons and their tests, the confusion matrix, per-field F1 bars,
 * the calibration plot, cost against accuracy, cost per class, and the documents that were not fully right.
 */
public final class ReportHtml {

    private static final String STYLE = """
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:right}
            th:first-child,td:first-child{text-align:left}.swatch{display:inline-block;width:12px;height:12px;margin-right:4px}
            .better{color:#1a7f37}.worse{color:#b42318}.fail{color:#b42318;font-weight:bold}.pass{color:#1a7f37;font-weight:bold}
            figure{margin:12px 0}figcaption{font-size:13px;color:#555}""";

    public String of(EvaluationReport report) {
        List<ConfigurationScores> configs = report.configurations();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>docflow evaluation: ").append(HtmlText.escape(report.setName())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        html.append("<h1>docflow evaluation: ").append(HtmlText.escape(report.setName())).append("</h1>\n");
        html.append("<p>").append(report.primary().documents().size()).append(" documents, started ")
                .append(HtmlText.escape(report.startedAt().toString())).append(", ").append(report.wallMillis() / 1000)
                .append(" s. Configurations: ");
        for (int i = 0; i < configs.size(); i++) {
            html.append("<span class=\"swatch\" style=\"background:").append(SvgCharts.colour(i)).append("\"></span>")
                    .append(i == 0 ? "A " : i == 1 ? "B " : "").append(HtmlText.escape(configs.get(i).label()))
                    .append(i + 1 < configs.size() ? "; " : ".");
        }
        html.append("</p>\n");
        gates(html, report);
        summary(html, configs);
        for (ConfigurationComparison comparison : report.comparisons()) {
            comparison(html, report, comparison);
        }
        confusion(html, configs);
        fieldBars(html, configs);
        calibration(html, configs);
        costVsAccuracy(html, configs);
        costPerClass(html, report.primary());
        notRight(html, report);
        return html.append("</body></html>\n").toString();
    }

    private static void gates(StringBuilder html, EvaluationReport report) {
        Map<String, Double> thresholds = report.gates().thresholds();
        if (thresholds.isEmpty()) {
            return;
        }
        List<String> failures = report.gateFailures();
        html.append("<p>Release gates ").append(HtmlText.escape(thresholds.toString())).append(": ")
                .append(failures.isEmpty() ? "<span class=\"pass\">passed</span>"
                        : "<span class=\"fail\">missed: " + HtmlText.escape(String.join("; ", failures)) + "</span>")
                .append("</p>\n");
    }

    private static void summary(StringBuilder html, List<ConfigurationScores> configs) {
        html.append("<h2>Summary</h2>\n<table><tr><th>figure</th>");
        configs.forEach(c -> html.append("<th>").append(HtmlText.escape(c.label())).append("</th>"));
        html.append("</tr>\n");
        row(html, configs, "class accuracy", c -> pct(c.classification().accuracy()));
        row(html, configs, "field F1", c -> pct(c.fields().overall().f1()));
        row(html, configs, "field precision", c -> pct(c.fields().overall().precision()));
        row(html, configs, "field recall", c -> pct(c.fields().overall().recall()));
        row(html, configs, "documents fully right", c -> pct(c.fullyCorrectShare()));
        row(html, configs, "list completeness", c -> pct(c.listCompleteness()));
        row(html, configs, "grounded values right", c -> pct(c.grounding().groundedPrecision()));
        row(html, configs, "ungrounded values right", c -> pct(c.grounding().ungroundedPrecision()));
        row(html, configs, "expected calibration error", c -> fixed(c.calibration().expectedCalibrationError(), 3));
        row(html, configs, "documents with an error caught by review", c -> pct(c.reviewCatch().caughtShare()));
        row(html, configs, "documents sent to review", c -> pct(c.reviewCatch().reviewShare()));
        row(html, configs, "statuses", c -> c.statuses().toString());
        row(html, configs, "model calls per document", c -> fixed(c.cost().modelCalls(), 2));
        row(html, configs, "input + output tokens per document", c -> "%.0f + %.0f".formatted(c.cost().inputTokens(), c.cost().outputTokens()));
        row(html, configs, "USD per document", c -> usd(c.cost().costUsd()));
        row(html, configs, "processing p50 / p95", c -> c.cost().p50Millis() + " / " + c.cost().p95Millis() + " ms");
        html.append("</table>\n");
    }

    private static void comparison(StringBuilder html, EvaluationReport report, ConfigurationComparison comparison) {
        html.append("<h2>").append(HtmlText.escape(comparison.b().label())).append(" against ")
                .append(HtmlText.escape(comparison.a().label())).append("</h2>\n<p>")
                .append(comparison.pairedDocuments()).append(" documents evaluated by both.</p>\n");
        html.append("<table><tr><th>figure</th><th>A</th><th>B</th><th>B - A</th></tr>\n");
        for (ConfigurationComparison.Delta d : comparison.deltas()) {
            String css = Double.isNaN(d.delta()) || Math.abs(d.delta()) < 1e-12 ? ""
                    : (d.delta() > 0) == d.higherIsBetter() ? "better" : "worse";
            html.append("<tr><td>").append(HtmlText.escape(d.metric())).append("</td><td>").append(fixed(d.a(), 4))
                    .append("</td><td>").append(fixed(d.b(), 4)).append("</td><td class=\"").append(css).append("\">")
                    .append(Double.isNaN(d.delta()) ? "n/a" : "%+.4f".formatted(d.delta())).append("</td></tr>\n");
        }
        html.append("</table>\n<table><tr><th>test</th><th>result</th><th>p</th><th>significant at 5%</th></tr>\n");
        McNemar.Result cls = comparison.classAccuracyTest();
        McNemar.Result full = comparison.fullyCorrectTest();
        PairedBootstrap.Result f1 = comparison.fieldF1Test();
        html.append(testRow("class right (McNemar)", "right only in A: " + cls.onlyA() + ", only in B: " + cls.onlyB(),
                cls.pValue(), cls.significantAt(ConfigurationComparison.ALPHA)));
        html.append(testRow("document fully right (McNemar)", "right only in A: " + full.onlyA() + ", only in B: " + full.onlyB(),
                full.pValue(), full.significantAt(ConfigurationComparison.ALPHA)));
        html.append(testRow("field F1 (paired bootstrap)", "%+.4f, 95%% interval %+.4f to %+.4f".formatted(
                f1.observedDifference(), f1.lower95(), f1.upper95()), f1.pValue(), f1.significantAt(ConfigurationComparison.ALPHA)));
        html.append("</table>\n");
        List<ConfigurationComparison.Disagreement> disagreements = comparison.disagreements();
        html.append("<details><summary>").append(disagreements.size())
                .append(" documents where A and B differ</summary><table><tr><th>document</th><th>outcome</th></tr>\n");
        for (ConfigurationComparison.Disagreement d : disagreements) {
            html.append("<tr><td>").append(HtmlText.escape(report.documentName(d.a()))).append("</td><td>")
                    .append(HtmlText.escape(d.summary())).append("</td></tr>\n");
        }
        html.append("</table></details>\n");
    }

    private static String testRow(String name, String result, double p, boolean significant) {
        return "<tr><td>%s</td><td>%s</td><td>%.4f</td><td>%s</td></tr>\n".formatted(HtmlText.escape(name),
                HtmlText.escape(result), p, significant ? "yes" : "no");
    }

    private static void confusion(StringBuilder html, List<ConfigurationScores> configs) {
        html.append("<h2>Confusion matrix</h2>\n");
        for (ConfigurationScores config : configs) {
            ClassificationMetrics metrics = config.classification();
            html.append("<figure><table aria-label=\"confusion matrix of ").append(HtmlText.escape(config.label()))
                    .append("\"><tr><th>expected \\ given</th>");
            metrics.labels().forEach(l -> html.append("<th>").append(HtmlText.escape(l)).append("</th>"));
            html.append("</tr>\n");
            int max = 1;
            for (String e : metrics.labels()) {
                for (String p : metrics.labels()) {
                    max = Math.max(max, metrics.confusion(e, p));
                }
            }
            for (String e : metrics.labels()) {
                html.append("<tr><th>").append(HtmlText.escape(e)).append("</th>");
                for (String p : metrics.labels()) {
                    int n = metrics.confusion(e, p);
                    String rgb = e.equals(p) ? "31,111,178" : "200,60,40";
                    html.append("<td style=\"background:rgba(").append(rgb).append(',')
                            .append(String.format(java.util.Locale.ROOT, "%.2f", n == 0 ? 0 : 0.15 + 0.75 * n / max))
                            .append(")\">").append(n == 0 ? "" : n).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table><figcaption>").append(HtmlText.escape(config.label()))
                    .append(": rows are the expected class, columns the class given</figcaption></figure>\n");
        }
    }

    private static void fieldBars(StringBuilder html, List<ConfigurationScores> configs) {
        TreeSet<String> rows = new TreeSet<>();
        for (ConfigurationScores c : configs) {
            for (String cls : c.fields().classes()) {
                c.fields().byField(cls).keySet().forEach(f -> rows.add(cls + " " + f));
            }
        }
        List<SvgCharts.Bars> bars = new ArrayList<>();
        for (String row : rows) {
            int space = row.indexOf(' ');
            String cls = row.substring(0, space);
            String field = row.substring(space + 1);
            bars.add(new SvgCharts.Bars(row, configs.stream()
                    .map(c -> c.fields().byField(cls).getOrDefault(field, Counts.NONE).f1()).toList()));
        }
        html.append("<h2>F1 per field</h2>\n<figure>")
                .append(SvgCharts.bars("F1 per class and field", bars, configs.size()))
                .append("<figcaption>Per class and field, one bar per configuration; list item fields sum every item</figcaption></figure>\n");
    }

    private static void calibration(StringBuilder html, List<ConfigurationScores> configs) {
        List<SvgCharts.Series> series = new ArrayList<>();
        for (ConfigurationScores c : configs) {
            List<double[]> points = new ArrayList<>();
            for (ReliabilityTable.Bin bin : c.calibration().bins()) {
                if (bin.count() > 0) {
                    points.add(new double[] {bin.meanConfidence(), bin.accuracy(), bin.count()});
                }
            }
            series.add(new SvgCharts.Series(c.label(), points));
        }
        html.append("<h2>Calibration of field confidence</h2>\n<figure>")
                .append(SvgCharts.calibration("Reliability diagram", series))
                .append("<figcaption>Each point is a confidence bin (size: values in it); on the diagonal, confidence is the share right. ECE: ");
        configs.forEach(c -> html.append(HtmlText.escape(c.label())).append(' ')
                .append(fixed(c.calibration().expectedCalibrationError(), 3)).append("; "));
        html.append("</figcaption></figure>\n");
    }

    private static void costVsAccuracy(StringBuilder html, List<ConfigurationScores> configs) {
        boolean priced = configs.stream().allMatch(c -> c.cost().costUsd() != null);
        List<SvgCharts.Series> series = new ArrayList<>();
        for (ConfigurationScores c : configs) {
            double x = priced ? c.cost().costUsd().doubleValue() : c.cost().inputTokens() + c.cost().outputTokens();
            series.add(new SvgCharts.Series(c.label(), List.<double[]>of(new double[] {x, c.fields().overall().f1()})));
        }
        html.append("<h2>Cost against accuracy</h2>\n<figure>")
                .append(SvgCharts.scatter("Field F1 against cost per document", priced ? "USD per document" : "tokens per document",
                        "field F1", series))
                .append("<figcaption>Up and to the left is better</figcaption></figure>\n");
    }

    private static void costPerClass(StringBuilder html, ConfigurationScores primary) {
        html.append("<h2>Cost and time per class (").append(HtmlText.escape(primary.label())).append(")</h2>\n")
                .append("<table><tr><th>class</th><th>documents</th><th>model calls</th><th>input tokens</th><th>output tokens</th><th>USD</th><th>p50 ms</th><th>p95 ms</th></tr>\n");
        primary.costByClass().forEach((cls, cost) -> html.append("<tr><td>").append(HtmlText.escape(cls)).append("</td><td>")
                .append(cost.documents()).append("</td><td>").append(fixed(cost.modelCalls(), 2)).append("</td><td>")
                .append(fixed(cost.inputTokens(), 0)).append("</td><td>").append(fixed(cost.outputTokens(), 0))
                .append("</td><td>").append(usd(cost.costUsd())).append("</td><td>").append(cost.p50Millis())
                .append("</td><td>").append(cost.p95Millis()).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static void notRight(StringBuilder html, EvaluationReport report) {
        ConfigurationScores primary = report.primary();
        List<DocumentEvaluation> wrong = primary.documents().stream().filter(d -> !d.fullyCorrect()).toList();
        html.append("<h2>Documents not fully right (").append(HtmlText.escape(primary.label())).append("): ")
                .append(wrong.size()).append("</h2>\n<table><tr><th>document</th><th>expected</th><th>given</th><th>status</th><th>values not right</th></tr>\n");
        for (DocumentEvaluation d : wrong) {
            List<String> notRight = d.outcomes().stream().filter(o -> o.verdict() != Verdict.CORRECT)
                    .map(o -> o.verdict().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + (o.verdict() == Verdict.EXTRA ? o.extractedPointer() : o.pointer())).limit(8).toList();
            html.append("<tr><td>").append(HtmlText.escape(report.documentName(d))).append("</td><td>")
                    .append(HtmlText.escape(d.truth().documentClass())).append("</td><td>")
                    .append(HtmlText.escape(String.valueOf(d.givenClass()))).append("</td><td>")
                    .append(HtmlText.escape(d.observed().status() + (d.observed().reason() == null ? "" : " " + d.observed().reason())))
                    .append("</td><td>").append(HtmlText.escape(String.join(", ", notRight))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, List<ConfigurationScores> configs, String name,
                            Function<ConfigurationScores, String> figure) {
        html.append("<tr><td>").append(HtmlText.escape(name)).append("</td>");
        configs.forEach(c -> html.append("<td>").append(HtmlText.escape(figure.apply(c))).append("</td>"));
        html.append("</tr>\n");
    }

    private static String pct(double value) {
        return ReportJson.percent(value);
    }

    private static String fixed(double value, int places) {
        return Double.isNaN(value) ? "n/a" : ("%." + places + "f").formatted(value);
    }

    private static String usd(BigDecimal value) {
        return value == null ? "unknown (no price)" : "$" + value.stripTrailingZeros().toPlainString();
    }
}
