package io.docflow.evaluation.run;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import io.docflow.evaluation.GroundTruth;

/** One line per tenth of the set: documents done of all, and their statuses so far. */
final class Progress {

    private final PrintStream out;
    private final String label;
    private final int total;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int done;

    Progress(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    synchronized void done(GroundTruth truth, String status) {
        done++;
        statuses.merge(status, 1, Integer::sum);
        if (done == total || done % Math.max(1, total / 10) == 0) {
            out.printf("  %s: %d/%d %s%n", label, done, total, statuses);
        }
    }
}
