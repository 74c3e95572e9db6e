package io.docflow.client;

import java.nio.file.Path;
import java.util.List;

/** The summary table: one row per file with its status, class and reason, columns as wide as their content. */
final class IngestTable {

    private static final int MAX_REASON = 80;

    private final Path folder;

    IngestTable(Path folder) {
        this.folder = folder;
    }

    String of(List<FinishedJob> jobs) {
        String[][] rows = new String[jobs.size() + 1][];
        rows[0] = new String[] {"FILE", "STATUS", "CLASS", "REASON"};
        for (int i = 0; i < jobs.size(); i++) {
            FinishedJob job = jobs.get(i);
            rows[i + 1] = new String[] {name(folder, job.file()), job.status(), orDash(job.documentClass()), reason(job.reason())};
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < 4; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < 4; c++) {
                table.append(c == 3 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }

    static String name(Path folder, Path file) {
        return (file.startsWith(folder) ? folder.relativize(file) : file).toString().replace('\\', '/');
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String reason(String reason) {
        if (reason == null) {
            return "-";
        }
        String oneLine = reason.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON - 1) + "…";
    }
}
