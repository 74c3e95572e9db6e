package io.docflow.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One document scored against its truth. When the class is right the fields are compared with the class's
 * matchers; when it is wrong every expected value is MISSING (counted for the expected class) and every extracted
 * value EXTRA (counted for the class given), since they answer another schema.
 */
public record DocumentEvaluation(GroundTruth truth, ObservedResult observed, boolean classCorrect,
                                 List<FieldOutcome> expectedClassOutcomes, List<FieldOutcome> givenClassOutcomes,
                                 List<ListCompleteness> lists) {

    public DocumentEvaluation {
        expectedClassOutcomes = List.copyOf(expectedClassOutcomes);
        givenClassOutcomes = List.copyOf(givenClassOutcomes);
        lists = List.copyOf(lists);
    }

    /** Scores {@code observed} against {@code truth}; {@code matchers} gives a class's matchers by name. */
    public static DocumentEvaluation of(GroundTruth truth, ObservedResult observed,
                                        Function<String, FieldMatchers> matchers) {
        String given = observed.documentClass();
        if (truth.documentClass().equals(given)) {
            FieldComparison.Result result = FieldComparison.compare(truth.fields(), observed.fields(), matchers.apply(given));
            return new DocumentEvaluation(truth, observed, true, result.outcomes(), List.of(), result.lists());
        }
        List<FieldOutcome> extra = given == null ? List.of() : FieldComparison.allExtra(observed.fields());
        return new DocumentEvaluation(truth, observed, false, FieldComparison.allMissing(truth.fields()), extra, List.of());
    }

    /** The class the document's extracted values are counted for when the class is wrong; null when none was given. */
    public String givenClass() {
        return observed.documentClass();
    }

    public List<FieldOutcome> outcomes() {
        List<FieldOutcome> all = new ArrayList<>(expectedClassOutcomes);
        all.addAll(givenClassOutcomes);
        return all;
    }

    public Counts counts() {
        return outcomes().stream().map(o -> o.verdict().counts()).reduce(Counts.NONE, Counts::plus);
    }

    /** The right class and every expected value right, nothing extra. */
    public boolean fullyCorrect() {
        return classCorrect && outcomes().stream().allMatch(o -> o.verdict() == Verdict.CORRECT);
    }

    /** Each extracted value with a confidence, paired with whether it was right (calibration, grounding). */
    public List<ScoredValue> scoredValues() {
        Map<String, Verdict> byExtracted = new HashMap<>();
        for (FieldOutcome outcome : outcomes()) {
            if (outcome.extractedPointer() != null) {
                byExtracted.put(outcome.extractedPointer(), outcome.verdict());
            }
        }
        List<ScoredValue> scored = new ArrayList<>();
        for (ObservedResult.ValueConfidence value : observed.values()) {
            Verdict verdict = byExtracted.get(value.pointer());
            if (verdict != null) {
                scored.add(new ScoredValue(value.pointer(), value.confidence(), value.grounded(), verdict == Verdict.CORRECT));
            }
        }
        return scored;
    }

    /** One extracted value: its confidence, whether it was grounded, whether it was right. */
    public record ScoredValue(String pointer, double confidence, boolean grounded, boolean correct) {
    }
}
