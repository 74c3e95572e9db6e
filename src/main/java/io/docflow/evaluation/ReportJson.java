package io.docflow.evaluation;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The evaluation report as JSON (docs/evaluation.md, "The reports"): every figure of every configuration, the
 * comparisons with their tests, each document's verdicts, and the gates. Figures that could not be measured are
 * null, never NaN; fractions are rounded to 4 places.
 */
public final class ReportJson {

    public static final int REPORT_VERSION = 1;

    private final ObjectMapper mapper;

    public ReportJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode of(EvaluationReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("reportVersion", REPORT_VERSION);
        root.put("set", report.setName());
        root.put("startedAt", report.startedAt().toString());
        root.put("wallMillis", report.wallMillis());
        root.put("documents", report.primary().documents().size());
        ArrayNode configurations = root.putArray("configurations");
        report.configurations().forEach(c -> configurations.add(configuration(report, c)));
        ArrayNode comparisons = root.putArray("comparisons");
        report.comparisons().forEach(c -> comparisons.add(comparison(report, c)));
        ObjectNode gates = root.putObject("gates");
        gates.set("thresholds", mapper.valueToTree(report.gates().thresholds()));
        gates.set("failures", mapper.valueToTree(report.gateFailures()));
        gates.put("passed", report.gateFailures().isEmpty());
        return root;
    }

    private ObjectNode configuration(EvaluationReport report, ConfigurationScores scores) {
        ObjectNode node = mapper.createObjectNode();
        node.put("label", scores.label());
        node.put("documents", scores.documents().size());
        node.set("statuses", mapper.valueToTree(scores.statuses()));
        node.set("classification", classification(scores.classification()));
        node.set("fields", fields(scores.fields()));
        fraction(node, "fullyCorrect", scores.fullyCorrectShare());
        ObjectNode lists = node.putObject("lists");
        fraction(lists, "completeness", scores.listCompleteness());
        ObjectNode perList = lists.putObject("perList");
        scores.lists().forEach((name, list) -> {
            ObjectNode l = perList.putObject(name);
            l.put("expected", list.expected()).put("extracted", list.extracted()).put("found", list.found());
            fraction(l, "completeness", list.completeness());
        });
        node.set("evidence", evidence(scores));
        ConfigurationScores.ReviewCatch review = scores.reviewCatch();
        ObjectNode r = node.putObject("review");
        r.put("withErrors", review.withErrors()).put("sentToReview", review.sentToReview())
                .put("errorsCaught", review.errorsCaught()).put("needlessReviews", review.needlessReviews());
        fraction(r, "caughtShare", review.caughtShare());
        fraction(r, "reviewShare", review.reviewShare());
        ObjectNode cost = node.putObject("cost");
        cost.set("perDocument", cost(scores.cost()));
        ObjectNode perClass = cost.putObject("perClass");
        scores.costByClass().forEach((c, v) -> perClass.set(c, cost(v)));
        ArrayNode documents = node.putArray("perDocument");
        scores.documents().forEach(d -> documents.add(document(report, d)));
        return node;
    }

    private ObjectNode classification(ClassificationMetrics metrics) {
        ObjectNode node = mapper.createObjectNode();
        fraction(node, "accuracy", metrics.accuracy());
        ObjectNode perClass = node.putObject("perClass");
        ObjectNode confusion = node.putObject("confusion");
        for (String label : metrics.labels()) {
            counts(perClass.putObject(label), metrics.counts(label));
            ObjectNode row = confusion.putObject(label);
            for (String predicted : metrics.labels()) {
                int n = metrics.confusion(label, predicted);
                if (n > 0) {
                    row.put(predicted, n);
                }
            }
        }
        return node;
    }

    private ObjectNode fields(FieldScores scores) {
        ObjectNode node = mapper.createObjectNode();
        counts(node.putObject("overall"), scores.overall());
        ObjectNode perClass = node.putObject("perClass");
        for (String c : scores.classes()) {
            ObjectNode cls = perClass.putObject(c);
            counts(cls.putObject("overall"), scores.forClass(c));
            ObjectNode fields = cls.putObject("perField");
            scores.byField(c).forEach((f, counts) -> counts(fields.putObject(f), counts));
        }
        return node;
    }

    private ObjectNode evidence(ConfigurationScores scores) {
        ObjectNode node = mapper.createObjectNode();
        ConfigurationScores.Grounding g = scores.grounding();
        node.put("grounded", g.grounded()).put("groundedCorrect", g.groundedCorrect())
                .put("ungrounded", g.ungrounded()).put("ungroundedCorrect", g.ungroundedCorrect());
        fraction(node, "groundedPrecision", g.groundedPrecision());
        fraction(node, "ungroundedPrecision", g.ungroundedPrecision());
        ReliabilityTable table = scores.calibration();
        ObjectNode calibration = node.putObject("calibration");
        fraction(calibration, "expectedCalibrationError", table.expectedCalibrationError());
        ArrayNode bins = calibration.putArray("bins");
        for (ReliabilityTable.Bin bin : table.bins()) {
            ObjectNode b = bins.addObject();
            fraction(b, "lower", bin.lower());
            fraction(b, "upper", bin.upper());
            b.put("count", bin.count());
            fraction(b, "meanConfidence", bin.meanConfidence());
            fraction(b, "accuracy", bin.accuracy());
        }
        return node;
    }

    private ObjectNode cost(ConfigurationScores.Cost cost) {
        ObjectNode node = mapper.createObjectNode();
        node.put("documents", cost.documents());
        round(node, "modelCalls", cost.modelCalls(), 2);
        round(node, "inputTokens", cost.inputTokens(), 1);
        round(node, "outputTokens", cost.outputTokens(), 1);
        BigDecimal usd = cost.costUsd();
        if (usd == null) {
            node.putNull("usd");
        } else {
            node.put("usd", usd);
        }
        node.put("p50Millis", cost.p50Millis()).put("p95Millis", cost.p95Millis());
        return node;
    }

    private ObjectNode document(EvaluationReport report, DocumentEvaluation d) {
        ObjectNode node = mapper.createObjectNode();
        node.put("document", report.documentName(d));
        node.put("expectedClass", d.truth().documentClass());
        node.put("givenClass", d.givenClass());
        node.put("status", d.observed().status());
        node.put("reason", d.observed().reason());
        node.put("classCorrect", d.classCorrect());
        node.put("fullyCorrect", d.fullyCorrect());
        node.put("needsReview", d.observed().needsReview());
        counts(node.putObject("fields"), d.counts());
        ObjectNode wrong = node.putObject("notRight");
        for (FieldOutcome outcome : d.outcomes()) {
            if (outcome.verdict() != Verdict.CORRECT) {
                wrong.put(outcome.verdict() == Verdict.EXTRA ? outcome.extractedPointer() : outcome.pointer(),
                        outcome.verdict().name());
            }
        }
        return node;
    }

    private ObjectNode comparison(EvaluationReport report, ConfigurationComparison comparison) {
        ObjectNode node = mapper.createObjectNode();
        node.put("a", comparison.a().label());
        node.put("b", comparison.b().label());
        node.put("pairedDocuments", comparison.pairedDocuments());
        ArrayNode deltas = node.putArray("deltas");
        for (ConfigurationComparison.Delta delta : comparison.deltas()) {
            ObjectNode d = deltas.addObject().put("metric", delta.metric());
            round(d, "a", delta.a(), 6);
            round(d, "b", delta.b(), 6);
            round(d, "delta", delta.delta(), 6);
            d.put("higherIsBetter", delta.higherIsBetter());
        }
        ObjectNode tests = node.putObject("tests");
        mcNemar(tests.putObject("classAccuracy"), comparison.classAccuracyTest());
        mcNemar(tests.putObject("fullyCorrect"), comparison.fullyCorrectTest());
        PairedBootstrap.Result f1 = comparison.fieldF1Test();
        ObjectNode boot = tests.putObject("fieldF1");
        boot.put("test", "paired bootstrap over documents, " + f1.rounds() + " resamples");
        round(boot, "difference", f1.observedDifference(), 4);
        round(boot, "lower95", f1.lower95(), 4);
        round(boot, "upper95", f1.upper95(), 4);
        round(boot, "pValue", f1.pValue(), 4);
        boot.put("significant", f1.significantAt(ConfigurationComparison.ALPHA));
        ObjectNode disagreements = node.putObject("disagreements");
        comparison.disagreements().forEach(d -> disagreements.put(report.documentName(d.a()), d.summary()));
        return node;
    }

    private void mcNemar(ObjectNode node, McNemar.Result result) {
        node.put("test", result.exact() ? "McNemar, exact binomial" : "McNemar, chi-squared with continuity correction");
        node.put("rightOnlyInA", result.onlyA()).put("rightOnlyInB", result.onlyB());
        round(node, "pValue", result.pValue(), 4);
        node.put("significant", result.significantAt(ConfigurationComparison.ALPHA));
    }

    private static void counts(ObjectNode node, Counts counts) {
        node.put("truePositives", counts.truePositives()).put("falsePositives", counts.falsePositives())
                .put("falseNegatives", counts.falseNegatives());
        fraction(node, "precision", counts.precision());
        fraction(node, "recall", counts.recall());
        fraction(node, "f1", counts.f1());
    }

    private static void fraction(ObjectNode node, String name, double value) {
        round(node, name, value, 4);
    }

    static void round(ObjectNode node, String name, double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).stripTrailingZeros());
        }
    }

    /** For callers that print figures: the JSON's rounding, as text ("n/a" when not measured). */
    public static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : "%.1f%%".formatted(value * 100);
    }
}
