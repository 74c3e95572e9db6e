package io.docflow.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Two configurations on the same documents: the difference of every headline figure (B minus A), and whether the
 * differences in class accuracy, fully-correct documents and field F1 are more than chance, tested per document
 * (McNemar for the yes/no outcomes, a seeded paired bootstrap for F1).
 */
public final class ConfigurationComparison {

    public static final double ALPHA = 0.05;
    static final int BOOTSTRAP_RESAMPLES = 2000;
    static final long BOOTSTRAP_SEED = 20261203L;

    /** One figure of A and B; {@code delta} is B - A (NaN when either is unknown). */
    public record Delta(String metric, double a, double b, double delta, boolean higherIsBetter) {
    }

    private final ConfigurationScores a;
    private final ConfigurationScores b;
    private final List<DocumentEvaluation[]> pairs = new ArrayList<>();

    /** Pairs the documents of {@code a} and {@code b} by their path; a document only one side has is left out. */
    public ConfigurationComparison(ConfigurationScores a, ConfigurationScores b) {
        this.a = a;
        this.b = b;
        Map<String, DocumentEvaluation> inB = new HashMap<>();
        b.documents().forEach(d -> inB.put(d.truth().document().toString(), d));
        for (DocumentEvaluation d : a.documents()) {
            DocumentEvaluation other = inB.get(d.truth().document().toString());
            if (other != null) {
                pairs.add(new DocumentEvaluation[] {d, other});
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("Configurations " + a.label() + " and " + b.label() + " share no document");
        }
    }

    public ConfigurationScores a() {
        return a;
    }

    public ConfigurationScores b() {
        return b;
    }

    public int pairedDocuments() {
        return pairs.size();
    }

    public List<Delta> deltas() {
        List<Delta> deltas = new ArrayList<>();
        deltas.add(delta("class accuracy", s -> s.classification().accuracy(), true));
        deltas.add(delta("field F1", s -> s.fields().overall().f1(), true));
        deltas.add(delta("field precision", s -> s.fields().overall().precision(), true));
        deltas.add(delta("field recall", s -> s.fields().overall().recall(), true));
        deltas.add(delta("fully correct documents", ConfigurationScores::fullyCorrectShare, true));
        deltas.add(delta("list completeness", ConfigurationScores::listCompleteness, true));
        deltas.add(delta("grounded values right", s -> s.grounding().groundedPrecision(), true));
        deltas.add(delta("expected calibration error", s -> s.calibration().expectedCalibrationError(), false));
        deltas.add(delta("errors caught by review", s -> s.reviewCatch().caughtShare(), true));
        deltas.add(delta("documents sent to review", s -> s.reviewCatch().reviewShare(), false));
        deltas.add(delta("model calls per document", s -> s.cost().modelCalls(), false));
        deltas.add(delta("tokens per document", s -> s.cost().inputTokens() + s.cost().outputTokens(), false));
        deltas.add(delta("USD per document", s -> usd(s.cost().costUsd()), false));
        deltas.add(delta("processing p50 ms", s -> s.cost().p50Millis(), false));
        deltas.add(delta("processing p95 ms", s -> s.cost().p95Millis(), false));
        return deltas;
    }

    /** Class right or wrong, document by document. */
    public McNemar.Result classAccuracyTest() {
        return McNemar.of(pairs.stream().map(p -> p[0].classCorrect()).toList(),
                pairs.stream().map(p -> p[1].classCorrect()).toList());
    }

    /** Document fully right or not, document by document. */
    public McNemar.Result fullyCorrectTest() {
        return McNemar.of(pairs.stream().map(p -> p[0].fullyCorrect()).toList(),
                pairs.stream().map(p -> p[1].fullyCorrect()).toList());
    }

    /** Field F1 (B - A) with a 95% interval from resampling documents. */
    public PairedBootstrap.Result fieldF1Test() {
        return PairedBootstrap.f1Difference(pairs.stream()
                .map(p -> new PairedBootstrap.DocumentCounts(p[0].counts(), p[1].counts())).toList(),
                BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
    }

    /** A document one configuration got fully right and the other not (or with the class right in one only). */
    public record Disagreement(DocumentEvaluation a, DocumentEvaluation b) {

        public String summary() {
            return (a.fullyCorrect() ? "A right" : a.classCorrect() ? "A class right, values not" : "A class wrong")
                    + ", " + (b.fullyCorrect() ? "B right" : b.classCorrect() ? "B class right, values not" : "B class wrong");
        }
    }

    /** The documents to look at first: where A and B differ. */
    public List<Disagreement> disagreements() {
        return pairs.stream()
                .filter(p -> p[0].fullyCorrect() != p[1].fullyCorrect() || p[0].classCorrect() != p[1].classCorrect())
                .map(p -> new Disagreement(p[0], p[1])).toList();
    }

    private Delta delta(String metric, ToDoubleFunction<ConfigurationScores> figure, boolean higherIsBetter) {
        double va = figure.applyAsDouble(a);
        double vb = figure.applyAsDouble(b);
        return new Delta(metric, va, vb, vb - va, higherIsBetter);
    }

    private static double usd(BigDecimal value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
