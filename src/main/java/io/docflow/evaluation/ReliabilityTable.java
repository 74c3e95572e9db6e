package io.docflow.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of confidences from (confidence, correct) pairs: equal-width bins over [0, 1] (the last one closed,
 * so 1.0 falls in it), each with its count, mean confidence and accuracy; and the expected calibration error,
 * ECE = Σ over bins of (n_b / N) · |accuracy_b − mean confidence_b|. Empty bins are listed with NaN means and weigh
 * nothing. A perfectly calibrated model is right 70% of the time when it says 0.7.
 */
public final class ReliabilityTable {

    public record Prediction(double confidence, boolean correct) {

        public Prediction {
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("A confidence lies in [0, 1]; got " + confidence);
            }
        }
    }

    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    private final List<Bin> bins;
    private final int total;

    private ReliabilityTable(List<Bin> bins, int total) {
        this.bins = List.copyOf(bins);
        this.total = total;
    }

    public static ReliabilityTable of(List<Prediction> predictions, int binCount) {
        int[] counts = new int[binCount];
        double[] confidence = new double[binCount];
        int[] correct = new int[binCount];
        for (Prediction p : predictions) {
            int bin = Math.min(binCount - 1, (int) Math.floor(p.confidence() * binCount));
            counts[bin]++;
            confidence[bin] += p.confidence();
            correct[bin] += p.correct() ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, counts[b],
                    counts[b] == 0 ? Double.NaN : confidence[b] / counts[b],
                    counts[b] == 0 ? Double.NaN : (double) correct[b] / counts[b]));
        }
        return new ReliabilityTable(bins, predictions.size());
    }

    /** Ten bins, as reliability diagrams usually have. */
    public static ReliabilityTable of(List<Prediction> predictions) {
        return of(predictions, 10);
    }

    public List<Bin> bins() {
        return bins;
    }

    /** NaN when there are no predictions. */
    public double expectedCalibrationError() {
        if (total == 0) {
            return Double.NaN;
        }
        double ece = 0;
        for (Bin bin : bins) {
            if (bin.count() > 0) {
                ece += (double) bin.count() / total * Math.abs(bin.accuracy() - bin.meanConfidence());
            }
        }
        return ece;
    }
}
