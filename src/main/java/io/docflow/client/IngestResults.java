package io.docflow.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes what became of each file: JSONL (one object per file: file, jobId, status, reason, documentClass,
 * confidence, needsReview, fields) or CSV (the same, fields as one JSON column), chosen by the file's extension.
 */
final class IngestResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path target;
    private final boolean csv;

    private IngestResults(Path target, boolean csv) {
        this.target = target;
        this.csv = csv;
    }

    static IngestResults forFile(Path target) {
        String name = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".jsonl") && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("--out must end in .jsonl or .csv; got " + target);
        }
        return new IngestResults(target, name.endsWith(".csv"));
    }

    void write(Path folder, List<FinishedJob> jobs) {
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                if (csv) {
                    writer.write("file,jobId,status,reason,documentClass,confidence,needsReview,fields\n");
                }
                for (FinishedJob job : jobs) {
                    ObjectNode line = line(folder, job);
                    writer.write(csv ? csvLine(line) : JSON.writeValueAsString(line));
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode line(Path folder, FinishedJob job) {
        ObjectNode line = JSON.createObjectNode();
        line.put("file", IngestTable.name(folder, job.file()));
        line.put("jobId", job.jobId());
        line.put("status", job.status());
        line.put("reason", job.reason());
        line.put("documentClass", job.documentClass());
        JsonNode result = job.result();
        if (result != null && result.has("confidence")) {
            line.set("confidence", result.get("confidence"));
        } else {
            line.putNull("confidence");
        }
        line.put("needsReview", "NEEDS_REVIEW".equals(job.status()));
        line.set("fields", result != null && result.has("fields") ? result.get("fields") : JSON.nullNode());
        return line;
    }

    static String csvLine(ObjectNode line) {
        StringBuilder csvLine = new StringBuilder();
        for (String column : List.of("file", "jobId", "status", "reason", "documentClass", "confidence", "needsReview", "fields")) {
            JsonNode value = line.get(column);
            String text = value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
            csvLine.append(csvLine.length() == 0 ? "" : ",").append(quote(text));
        }
        return csvLine.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. */
    static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
