package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

class ConfidenceTest {

    private static FieldEvidence evidence(boolean grounded, Double model) {
        return new FieldEvidence("/total", IntNode.valueOf(5), "Total 5", 1, 1, grounded ? 6 : null, grounded ? 7 : null,
                0, 7, grounded, grounded ? null : "the quote is not in the text", null, model);
    }

    private static RuleResult rule(String id, RuleOutcome outcome) {
        return new RuleResult(id, id, List.of("/total"), outcome, "");
    }

    @Test
    void aGroundedValueKeepsTheModelsEstimateOrNinetyPercentWithoutOne() {
        assertThat(Confidence.field(evidence(true, 0.8), List.of(), false, false, 0.5).confidence()).isEqualTo(0.8);
        FieldConfidence noEstimate = Confidence.field(evidence(true, null), List.of(), false, false, 0.5);

        assertThat(noEstimate.confidence()).isEqualTo(0.9);
        assertThat(noEstimate.because()).containsExactly("no estimate from the model: 0.90");
    }

    @Test
    void eachProblemMultipliesAndEachStepIsExplained() {
        FieldConfidence confidence = Confidence.field(evidence(false, 0.8), List.of(rule("invoice.total", RuleOutcome.FAILED)),
                true, true, 0.5);

        assertThat(confidence.confidence()).isEqualTo(0.8 * 0.4 * 0.6 * 0.5 * 0.9, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(confidence.because()).containsExactly("model's estimate 0.80", "ungrounded × 0.4 = 0.32",
                "rule invoice.total failed × 0.6 = 0.192", "schema error × 0.5 = 0.096", "repaired answer × 0.9 = 0.086");
    }

    @Test
    void aPassedRuleHalvesTheDoubtButCannotLiftAnUngroundedValueAboveTheUngroundedFactor() {
        assertThat(Confidence.field(evidence(true, 0.8), List.of(rule("r", RuleOutcome.PASSED)), false, false, 0.5).confidence())
                .isEqualTo(0.9);
        assertThat(Confidence.field(evidence(false, 1.0), List.of(rule("r", RuleOutcome.PASSED)), false, false, 0.5).confidence())
                .isEqualTo(Confidence.UNGROUNDED);
        assertThat(Confidence.field(evidence(true, 0.8), List.of(rule("r", RuleOutcome.SKIPPED)), false, false, 0.5).confidence())
                .isEqualTo(0.8);
    }

    @Test
    void confidenceIsMonotoneInEverySignal() {
        double clean = Confidence.field(evidence(true, 0.7), List.of(), false, false, 0.5).confidence();

        assertThat(Confidence.field(evidence(false, 0.7), List.of(), false, false, 0.5).confidence()).isLessThan(clean);
        assertThat(Confidence.field(evidence(true, 0.7), List.of(rule("r", RuleOutcome.FAILED)), false, false, 0.5).confidence()).isLessThan(clean);
        assertThat(Confidence.field(evidence(true, 0.7), List.of(), true, false, 0.5).confidence()).isLessThan(clean);
        assertThat(Confidence.field(evidence(true, 0.7), List.of(), false, true, 0.5).confidence()).isLessThan(clean);
        assertThat(Confidence.field(evidence(true, 0.6), List.of(), false, false, 0.5).confidence()).isLessThan(clean);
        assertThat(Confidence.field(evidence(true, 0.7), List.of(rule("r", RuleOutcome.PASSED)), false, false, 0.5).confidence()).isGreaterThan(clean);
    }

    @Test
    void theDocumentCombinesTheMeanEstimateTheGroundedShareFailedRulesSchemaAndRepair() {
        List<FieldEvidence> values = List.of(evidence(true, 0.8), evidence(true, null), evidence(false, 1.0), evidence(true, 0.9));

        DocumentConfidence clean = Confidence.document(values, List.of(rule("r", RuleOutcome.PASSED)), true, false, 0.7);
        DocumentConfidence troubled = Confidence.document(values, List.of(rule("r", RuleOutcome.FAILED)), false, true, 0.7);

        assertThat(clean.confidence()).isEqualTo(0.675);
        assertThat(clean.because()).containsExactly("mean of the model's estimates 0.90", "3 of 4 values grounded = 0.675");
        assertThat(troubled.confidence()).isEqualTo(0.182);
        assertThat(troubled.because()).endsWith("rule r failed × 0.6 = 0.405", "schema invalid × 0.5 = 0.203",
                "repaired answer × 0.9 = 0.182");
        assertThat(Confidence.document(List.of(), List.of(), true, false, 0.7).confidence()).isEqualTo(0.9);
    }
}
