package io.docflow.evaluation;

import java.util.Arrays;

/**
 * The pairing of rows (expected items) with columns (extracted items) that maximises the total score: the Hungarian
 * algorithm with potentials, O(n² m) for n ≤ m, so 500 × 500 items take well under a second. Pairs scoring 0 or less
 * are left unpaired, since pairing unrelated items would only hide a missing and an extra one.
 */
public final class OptimalAssignment {

    private OptimalAssignment() {
    }

    /** For each row the column it is paired with, or -1. {@code score} is rectangular, rows by columns. */
    public static int[] maximise(double[][] score) {
        int rows = score.length;
        int columns = rows == 0 ? 0 : score[0].length;
        int[] pairing = new int[rows];
        Arrays.fill(pairing, -1);
        if (rows == 0 || columns == 0) {
            return pairing;
        }
        boolean transposed = rows > columns;
        double[][] cost = transposed ? costs(transpose(score)) : costs(score);
        int[] assigned = minimise(cost);
        for (int r = 0; r < assigned.length; r++) {
            int row = transposed ? assigned[r] : r;
            int column = transposed ? r : assigned[r];
            if (score[row][column] > 0) {
                pairing[row] = column;
            }
        }
        return pairing;
    }

    private static double[][] costs(double[][] score) {
        double[][] cost = new double[score.length][];
        for (int r = 0; r < score.length; r++) {
            cost[r] = new double[score[r].length];
            for (int c = 0; c < score[r].length; c++) {
                cost[r][c] = -score[r][c];
            }
        }
        return cost;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    /** Minimum-cost assignment of every row (n ≤ m); 1-based arrays as in the classic formulation. */
    private static int[] minimise(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assigned = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                assigned[p[j] - 1] = j - 1;
            }
        }
        return assigned;
    }
}
