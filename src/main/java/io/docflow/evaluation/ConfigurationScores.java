package io.docflow.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every figure of one configuration on one set: classification, fields, lists, evidence and calibration, what
 * review catches, cost and time. Computed from the documents' evaluations; nothing here talks to docflow.
 */
public final class ConfigurationScores {

    /** Whole-set figures of the review decision: documents with an error, and which of them review caught. */
    public record ReviewCatch(int documents, int withErrors, int sentToReview, int errorsCaught) {

        /** Documents with an error that review caught / documents with an error. */
        public double caughtShare() {
            return withErrors == 0 ? Double.NaN : (double) errorsCaught / withErrors;
        }

        /** Documents sent to review / all documents. */
        public double reviewShare() {
            return documents == 0 ? Double.NaN : (double) sentToReview / documents;
        }

        /** Documents sent to review although nothing was wrong. */
        public int needlessReviews() {
            return sentToReview - errorsCaught;
        }
    }

    /** Values with a quote found in the text (or not), and how many of those were right. */
    public record Grounding(int grounded, int groundedCorrect, int ungrounded, int ungroundedCorrect) {

        public double groundedPrecision() {
            return grounded == 0 ? Double.NaN : (double) groundedCorrect / grounded;
        }

        public double ungroundedPrecision() {
            return ungrounded == 0 ? Double.NaN : (double) ungroundedCorrect / ungrounded;
        }
    }

    /** Means per document over a group of documents; {@code costUsd} null when some model had no price. */
    public record Cost(int documents, double modelCalls, double inputTokens, double outputTokens, BigDecimal costUsd,
                       long p50Millis, long p95Millis) {
    }

    private final String label;
    private final List<DocumentEvaluation> documents;
    private final ClassificationMetrics classification;
    private final FieldScores fields = new FieldScores();

    public ConfigurationScores(String label, List<DocumentEvaluation> documents) {
        this.label = label;
        this.documents = List.copyOf(documents);
        this.classification = new ClassificationMetrics(documents.stream()
                .map(d -> new ClassificationMetrics.Outcome(d.truth().documentClass(), d.givenClass())).toList());
        for (DocumentEvaluation d : documents) {
            fields.add(d.truth().documentClass(), d.expectedClassOutcomes());
            if (!d.givenClassOutcomes().isEmpty()) {
                fields.add(d.givenClass(), d.givenClassOutcomes());
            }
        }
    }

    public String label() {
        return label;
    }

    public List<DocumentEvaluation> documents() {
        return documents;
    }

    public ClassificationMetrics classification() {
        return classification;
    }

    public FieldScores fields() {
        return fields;
    }

    /** Documents per final status (COMPLETED, NEEDS_REVIEW, FAILED, ...). */
    public Map<String, Integer> statuses() {
        Map<String, Integer> statuses = new TreeMap<>();
        documents.forEach(d -> statuses.merge(d.observed().status(), 1, Integer::sum));
        return statuses;
    }

    /** Share of documents with the right class and every value right. */
    public double fullyCorrectShare() {
        return share(documents, DocumentEvaluation::fullyCorrect);
    }

    /** Per class and list field ({@code invoice /lineItems}): expected items summed, and how many were found. */
    public Map<String, ListCompleteness> lists() {
        Map<String, ListCompleteness> lists = new TreeMap<>();
        for (DocumentEvaluation d : documents) {
            for (ListCompleteness list : d.lists()) {
                lists.merge(d.truth().documentClass() + " " + list.field(), list, (a, b) -> new ListCompleteness(a.field(),
                        a.expected() + b.expected(), a.extracted() + b.extracted(), a.found() + b.found()));
            }
        }
        return lists;
    }

    /** Expected list items found, over every list of every document with the right class. */
    public double listCompleteness() {
        int expected = 0;
        int found = 0;
        for (ListCompleteness list : lists().values()) {
            expected += list.expected();
            found += list.found();
        }
        return expected == 0 ? Double.NaN : (double) found / expected;
    }

    public Grounding grounding() {
        int grounded = 0;
        int groundedCorrect = 0;
        int ungrounded = 0;
        int ungroundedCorrect = 0;
        for (DocumentEvaluation d : documents) {
            for (DocumentEvaluation.ScoredValue value : d.scoredValues()) {
                if (value.grounded()) {
                    grounded++;
                    groundedCorrect += value.correct() ? 1 : 0;
                } else {
                    ungrounded++;
                    ungroundedCorrect += value.correct() ? 1 : 0;
                }
            }
        }
        return new Grounding(grounded, groundedCorrect, ungrounded, ungroundedCorrect);
    }

    /** Each extracted value's confidence against whether it was right. */
    public ReliabilityTable calibration() {
        List<ReliabilityTable.Prediction> predictions = new ArrayList<>();
        documents.forEach(d -> d.scoredValues().forEach(v -> predictions.add(new ReliabilityTable.Prediction(v.confidence(), v.correct()))));
        return ReliabilityTable.of(predictions);
    }

    public ReviewCatch reviewCatch() {
        int withErrors = 0;
        int review = 0;
        int caught = 0;
        for (DocumentEvaluation d : documents) {
            boolean error = !d.fullyCorrect();
            boolean sent = d.observed().needsReview();
            withErrors += error ? 1 : 0;
            review += sent ? 1 : 0;
            caught += error && sent ? 1 : 0;
        }
        return new ReviewCatch(documents.size(), withErrors, review, caught);
    }

    public Cost cost() {
        return cost(documents);
    }

    /** Cost and time per expected class. */
    public Map<String, Cost> costByClass() {
        Map<String, List<DocumentEvaluation>> byClass = new TreeMap<>();
        documents.forEach(d -> byClass.computeIfAbsent(d.truth().documentClass(), c -> new ArrayList<>()).add(d));
        Map<String, Cost> costs = new TreeMap<>();
        byClass.forEach((c, docs) -> costs.put(c, cost(docs)));
        return costs;
    }

    private static Cost cost(List<DocumentEvaluation> documents) {
        int n = documents.size();
        if (n == 0) {
            return new Cost(0, 0, 0, 0, BigDecimal.ZERO, 0, 0);
        }
        long calls = 0;
        long input = 0;
        long output = 0;
        BigDecimal usd = BigDecimal.ZERO;
        List<Long> millis = new ArrayList<>();
        for (DocumentEvaluation d : documents) {
            ObservedResult.Usage usage = d.observed().usage();
            calls += usage.modelCalls();
            input += usage.inputTokens();
            output += usage.outputTokens();
            usd = usd == null || usage.costUsd() == null ? null : usd.add(usage.costUsd());
            millis.add(d.observed().processingMillis());
        }
        Collections.sort(millis);
        return new Cost(n, (double) calls / n, (double) input / n, (double) output / n,
                usd == null ? null : usd.divide(BigDecimal.valueOf(n), 8, RoundingMode.HALF_UP),
                percentile(millis, 50), percentile(millis, 95));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double share(List<DocumentEvaluation> documents, Predicate<DocumentEvaluation> test) {
        return documents.isEmpty() ? Double.NaN : (double) documents.stream().filter(test).count() / documents.size();
    }
}
