package io.docflow.client;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * A progress bar for a terminal ({@code [#########-----------] 12/40  COMPLETED 10  FAILED 2}, redrawn in place),
 * or, when the output is not a terminal (CI logs), one line per tenth of the files.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int done;

    ProgressBar(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    synchronized void done(FinishedJob job) {
        done++;
        statuses.merge(job.status(), 1, Integer::sum);
        if (terminal) {
            out.print("\r" + line());
            out.flush();
        } else if (done == total || done % Math.max(1, total / 10) == 0) {
            out.println(line());
        }
    }

    void end() {
        if (terminal) {
            out.println();
        }
    }

    synchronized String line() {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + counts();
    }

    synchronized String counts() {
        StringBuilder counts = new StringBuilder();
        statuses.forEach((status, n) -> counts.append(counts.length() == 0 ? "" : "  ").append(status).append(' ').append(n));
        return counts.toString();
    }
}
