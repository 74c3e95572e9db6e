package io.docflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class OptimalAssignmentTest {

    @Test
    void theOptimumIsChosenOverTheGreedyPairing() {
        // Greedy takes (0,0)=0.9 and is left with (1,1)=0.1: 1.0. The optimum (0,1)+(1,0) = 0.8+0.8 = 1.6.
        double[][] score = {{0.9, 0.8}, {0.8, 0.1}};
        assertThat(OptimalAssignment.maximise(score)).containsExactly(1, 0);
    }

    @Test
    void moreRowsThanColumnsLeavesTheWorstRowUnpaired() {
        double[][] score = {{0.2}, {0.9}, {0.5}};
        assertThat(OptimalAssignment.maximise(score)).containsExactly(-1, 0, -1);
    }

    @Test
    void moreColumnsThanRowsAndZeroScoresStayUnpaired() {
        double[][] score = {{0, 0, 0.7}, {0, 0, 0}};
        assertThat(OptimalAssignment.maximise(score)).containsExactly(2, -1);
        assertThat(OptimalAssignment.maximise(new double[0][0])).isEmpty();
        assertThat(OptimalAssignment.maximise(new double[2][0])).containsExactly(-1, -1);
    }

    @Test
    void aShuffledListOf500IsRecoveredQuickly() {
        int n = 500;
        int[] shuffled = new int[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = i;
        }
        Random random = new Random(7);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        double[][] score = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                score[r][c] = shuffled[c] == r ? 1 : random.nextDouble() * 0.5;
            }
        }
        int[] pairing = OptimalAssignment.maximise(score);
        for (int r = 0; r < n; r++) {
            assertThat(shuffled[pairing[r]]).isEqualTo(r);
        }
    }
}
