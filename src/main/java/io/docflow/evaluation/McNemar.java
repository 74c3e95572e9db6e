package io.docflow.evaluation;

import java.util.List;

/**
 * McNemar's test for two configurations' right/wrong outcomes on the same documents. Only the discordant documents
 * count: b = right under A only, c = right under B only. Under the null hypothesis (neither is better) each
 * discordant document is a fair coin, so for b + c < 25 the two-sided p-value is the exact binomial one,
 * min(1, 2 · P(X ≤ min(b, c))) with X ~ Bin(b + c, ½); from 25 on the chi-squared statistic with continuity
 * correction, (|b − c| − 1)² / (b + c), on one degree of freedom. No discordant documents gives p = 1.
 */
public final class McNemar {

    static final int EXACT_BELOW = 25;

    public record Result(int onlyA, int onlyB, double pValue, boolean exact) {

        public boolean significantAt(double alpha) {
            return pValue < alpha;
        }
    }

    private McNemar() {
    }

    /** {@code a.get(i)} and {@code b.get(i)}: whether document i was right under configuration A and B. */
    public static Result of(List<Boolean> a, List<Boolean> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("Paired outcomes need as many documents under A as under B; got "
                    + a.size() + " and " + b.size());
        }
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) && !b.get(i)) {
                onlyA++;
            } else if (!a.get(i) && b.get(i)) {
                onlyB++;
            }
        }
        return of(onlyA, onlyB);
    }

    public static Result of(int onlyA, int onlyB) {
        int n = onlyA + onlyB;
        if (n == 0) {
            return new Result(onlyA, onlyB, 1, true);
        }
        if (n < EXACT_BELOW) {
            return new Result(onlyA, onlyB, Math.min(1, 2 * binomialLowerTail(Math.min(onlyA, onlyB), n)), true);
        }
        double statistic = Math.pow(Math.abs(onlyA - onlyB) - 1, 2) / n;
        return new Result(onlyA, onlyB, chiSquaredOneDegreeUpperTail(statistic), false);
    }

    /** P(X ≤ k) for X ~ Bin(n, ½), summed in logarithms so large n does not overflow. */
    static double binomialLowerTail(int k, int n) {
        double sum = 0;
        double logHalfN = n * Math.log(0.5);
        double logChoose = 0;
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            sum += Math.exp(logChoose + logHalfN);
        }
        return sum;
    }

    /** P(χ²₁ ≥ x) = erfc(√(x / 2)). */
    static double chiSquaredOneDegreeUpperTail(double x) {
        return Erfc.erfc(Math.sqrt(x / 2));
    }
}
