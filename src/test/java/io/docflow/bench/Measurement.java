package io.docflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one system (docflow, or the naive baseline) did in one run of a scenario: named figures in table order, plus
 * the details (per-document records, the timeline) that go into the JSON only.
 */
final class Measurement {

    static final String DOCUMENTS = "documents";
    static final String FAILURES = "failures (not COMPLETED)";
    static final String WALL = "wall time s";
    static final String DOCS_PER_MINUTE = "documents/min";
    static final String CALLS_PER_MINUTE = "model calls/min (completed)";
    static final String CALLS_PER_MINUTE_RUN = "model calls/min (whole run)";
    static final String CALLS_PER_MINUTE_STEADY = "model calls/min (10%-90%)";
    static final String QUOTA_UTILIZATION = "quota utilization";
    static final String CALLS = "model calls";
    static final String THROTTLED_PERCENT = "throttled calls %";
    static final String E2E_P50 = "end-to-end p50 ms";
    static final String E2E_P95 = "end-to-end p95 ms";
    static final String E2E_P99 = "end-to-end p99 ms";
    static final String PEAK_HEAP = "peak heap MB (before GC)";
    static final String LIVE_HEAP = "peak live heap MB (after GC)";
    static final String PEAK_RSS = "peak RSS MB";
    static final String READY = "start-up to readiness UP ms";
    /** CPU time (user + system, all threads) the JVM used until readiness: less at the mercy of a busy machine than the wall time. */
    static final String READY_CPU = "CPU ms to readiness UP";

    final String system;
    final Map<String, Double> figures = new LinkedHashMap<>();
    final Map<String, Object> details = new LinkedHashMap<>();

    Measurement(String system) {
        this.system = system;
    }

    Measurement put(String figure, double value) {
        figures.put(figure, value);
        return this;
    }

    Double get(String figure) {
        return figures.get(figure);
    }

    /** Per figure, the median over {@code runs} (those that have it); the details stay with the runs. */
    static Measurement median(List<Measurement> runs) {
        Measurement median = new Measurement(runs.get(0).system);
        List<String> names = new ArrayList<>();
        runs.forEach(r -> r.figures.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
        for (String name : names) {
            double[] values = runs.stream().map(r -> r.figures.get(name)).filter(v -> v != null && !v.isNaN())
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            if (values.length > 0) {
                median.put(name, percentile(values, 50));
            }
        }
        median.details.put("runs", runs.size());
        return median;
    }

    /** Nearest-rank percentile of sorted {@code values}; the median of an even count is the mean of the middle two. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double percentile(List<? extends Number> values, double p) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(sorted);
        return percentile(sorted, p);
    }

    @Override
    public String toString() {
        return system + " " + figures;
    }
}
