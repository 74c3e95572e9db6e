package io.docflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.docflow.evaluation.PairedBootstrap.DocumentCounts;
import org.junit.jupiter.api.Test;

class PairedTestsTest {

    @Test
    void mcNemarIsExactForFewDiscordantDocuments() {
        // b = 10, c = 2: 2 · (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2 · 79 / 4096
        McNemar.Result result = McNemar.of(10, 2);
        assertThat(result.exact()).isTrue();
        assertThat(result.pValue()).isCloseTo(158.0 / 4096, within(1e-12));
        assertThat(result.significantAt(0.05)).isTrue();
        assertThat(McNemar.of(5, 0).pValue()).isCloseTo(0.0625, within(1e-12));
        assertThat(McNemar.of(3, 3).pValue()).isEqualTo(1);
        assertThat(McNemar.of(0, 0).pValue()).isEqualTo(1);
    }

    @Test
    void mcNemarUsesChiSquaredWithContinuityCorrectionFrom25On() {
        // (|30 − 15| − 1)² / 45 = 4.3556; P(χ²₁ ≥ 4.3556) = 0.036888
        McNemar.Result result = McNemar.of(30, 15);
        assertThat(result.exact()).isFalse();
        assertThat(result.pValue()).isCloseTo(0.036888, within(1e-5));
        assertThat(McNemar.chiSquaredOneDegreeUpperTail(3.841459)).isCloseTo(0.05, within(1e-6));
    }

    @Test
    void mcNemarCountsOnlyDiscordantDocuments() {
        List<Boolean> a = List.of(true, true, false, false, true);
        List<Boolean> b = List.of(true, false, true, false, false);
        McNemar.Result result = McNemar.of(a, b);
        assertThat(result.onlyA()).isEqualTo(2);
        assertThat(result.onlyB()).isEqualTo(1);
        // 2 · (1 + 3) / 8 = 1
        assertThat(result.pValue()).isEqualTo(1);
    }

    @Test
    void theSameConfigurationTwiceDiffersByNothing() {
        List<DocumentCounts> documents = List.of(new DocumentCounts(new Counts(3, 1, 0), new Counts(3, 1, 0)),
                new DocumentCounts(new Counts(1, 0, 2), new Counts(1, 0, 2)));
        PairedBootstrap.Result result = PairedBootstrap.f1Difference(documents, 500, 42);
        assertThat(result.observedDifference()).isZero();
        assertThat(result.lower95()).isZero();
        assertThat(result.upper95()).isZero();
        assertThat(result.pValue()).isEqualTo(1);
        assertThat(result.rounds()).isEqualTo(500);
    }

    @Test
    void aConfigurationBetterOnEveryDocumentIsSignificantlyBetter() {
        // A: F1 = 2/(2+1+1) = 0.5 on every document, B: 1. Every resample gives +0.5.
        List<DocumentCounts> documents = Collections.nCopies(20,
                new DocumentCounts(new Counts(1, 1, 1), new Counts(2, 0, 0)));
        PairedBootstrap.Result result = PairedBootstrap.f1Difference(documents, 1000, 7);
        assertThat(result.observedDifference()).isCloseTo(0.5, within(1e-12));
        assertThat(result.lower95()).isCloseTo(0.5, within(1e-12));
        assertThat(result.upper95()).isCloseTo(0.5, within(1e-12));
        assertThat(result.pValue()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndItHoldsTheObservedDifference() {
        List<DocumentCounts> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            documents.add(new DocumentCounts(new Counts(5, i % 3, i % 2), new Counts(5, i % 2, i % 5 == 0 ? 2 : 0)));
        }
        PairedBootstrap.Result first = PairedBootstrap.f1Difference(documents, 2000, 123);
        PairedBootstrap.Result again = PairedBootstrap.f1Difference(documents, 2000, 123);
        assertThat(again).isEqualTo(first);
        assertThat(first.lower95()).isLessThan(first.observedDifference());
        assertThat(first.upper95()).isGreaterThan(first.observedDifference());
        assertThat(first.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(PairedBootstrap.percentile(sorted, 0.025)).isEqualTo(1);
        assertThat(PairedBootstrap.percentile(sorted, 0.975)).isEqualTo(10);
        assertThat(PairedBootstrap.percentile(sorted, 0.5)).isEqualTo(5);
    }
}
