package io.docflow.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paired bootstrap of the difference in micro F1 (B − A) between two configurations run on the same documents.
 * Each of {@code resamples} rounds draws as many documents as the set has, with replacement, from a
 * {@link SplittableRandom} seeded with {@code seed} (so a run is repeatable), sums each configuration's counts over
 * the drawn documents and records F1(B) − F1(A); a round where either F1 is undefined is skipped. Reported: the
 * observed difference on the whole set, the 2.5th and 97.5th percentiles of the rounds' differences (a 95% interval)
 * and a two-sided p-value, 2 · min(share of rounds ≤ 0, share of rounds ≥ 0), at most 1.
 */
public final class PairedBootstrap {

    public record DocumentCounts(Counts a, Counts b) {
    }

    public record Result(double observedDifference, double lower95, double upper95, double pValue, int rounds) {

        public boolean significantAt(double alpha) {
            return pValue < alpha;
        }
    }

    private PairedBootstrap() {
    }

    public static Result f1Difference(List<DocumentCounts> documents, int resamples, long seed) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("A bootstrap needs at least one document");
        }
        double observed = difference(documents, null);
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[resamples];
        int rounds = 0;
        int[] drawn = new int[documents.size()];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = random.nextInt(documents.size());
            }
            double d = difference(documents, drawn);
            if (!Double.isNaN(d)) {
                differences[rounds++] = d;
            }
        }
        double[] sorted = Arrays.copyOf(differences, rounds);
        Arrays.sort(sorted);
        long notAbove = Arrays.stream(sorted).filter(d -> d <= 0).count();
        long notBelow = Arrays.stream(sorted).filter(d -> d >= 0).count();
        double p = rounds == 0 ? Double.NaN : Math.min(1, 2.0 * Math.min(notAbove, notBelow) / rounds);
        return new Result(observed, percentile(sorted, 0.025), percentile(sorted, 0.975), p, rounds);
    }

    private static double difference(List<DocumentCounts> documents, int[] drawn) {
        Counts a = Counts.NONE;
        Counts b = Counts.NONE;
        int n = drawn == null ? documents.size() : drawn.length;
        for (int i = 0; i < n; i++) {
            DocumentCounts document = documents.get(drawn == null ? i : drawn[i]);
            a = a.plus(document.a());
            b = b.plus(document.b());
        }
        return b.f1() - a.f1();
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
