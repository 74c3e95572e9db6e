package io.docflow.client;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bulk ingest from a terminal (docs/api.md, "Bulk ingest"): uploads every file under a folder to a running
 * docflow, follows every job with a progress bar, prints a table of what became of each file, writes the results
 * as JSONL or CSV, and exits 1 when any document failed (2 for wrong usage).
 *
 * <p>{@code scripts/ingest <folder> [--api=URL] [--token=T] [--out=results.jsonl|results.csv] [--in-flight=8]
 * [--timeout-minutes=10]}; the token defaults to the DOCFLOW_TOKEN environment variable, and for local mode's API
 * to the admin token in target/docflow-local.json.
 */
public final class IngestCommand {

    static final int SOME_FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream progressOut;

    IngestCommand(PrintStream out, PrintStream progressOut) {
        this.out = out;
        this.progressOut = progressOut;
    }

    /** Local mode's API, the default. */
    static final String LOCAL_API = "http://127.0.0.1:8080";
    /** What local mode writes about itself, with a token per role (relative to the project, as scripts/ingest runs). */
    static final Path LOCAL_INFO = Path.of("target", "docflow-local.json");

    public static void main(String[] args) {
        int status;
        try {
            status = new IngestCommand(System.out, System.err).run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ingest: " + e.getMessage());
            status = USAGE;
        }
        System.exit(status);
    }

    int run(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> folders = new ArrayList<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+(?=--)")) {
                if (part.isBlank()) {
                    continue;
                }
                if (part.startsWith("--") && part.contains("=")) {
                    options.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                } else if (part.startsWith("--")) {
                    throw new IllegalArgumentException("Options are --name=value; got " + part);
                } else {
                    folders.add(part);
                }
            }
        }
        List<String> unknown = options.keySet().stream()
                .filter(k -> !List.of("api", "token", "out", "in-flight", "timeout-minutes").contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown + "; known: api, token, out, in-flight, timeout-minutes");
        }
        if (folders.size() != 1) {
            throw new IllegalArgumentException("Give one folder to upload; got " + folders);
        }
        Path results = Path.of(options.getOrDefault("out", "target/ingest/" + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jsonl"));
        IngestResults writer = IngestResults.forFile(results);
        URI api = URI.create(options.getOrDefault("api", LOCAL_API));
        String token = token(options.get("token"), System.getenv("DOCFLOW_TOKEN"), api, LOCAL_INFO);
        if (token != null && options.get("token") == null && System.getenv("DOCFLOW_TOKEN") == null) {
            progressOut.printf("Using local mode's admin token from %s%n", LOCAL_INFO);
        }
        Path folder = Path.of(folders.get(0));
        List<Path> files = files(folder);
        out.printf("Uploading %d files from %s to %s%n", files.size(), folder, api);

        ProgressBar progress = new ProgressBar(progressOut, files.size(), System.console() != null);
        JobFollower follower = new JobFollower(new DocflowClient(api, token),
                Integer.parseInt(options.getOrDefault("in-flight", "8")),
                Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "10"))));
        List<FinishedJob> finished = new ArrayList<>(follower.run(files, progress::done).values());
        progress.end();

        out.print(new IngestTable(folder).of(finished));
        writer.write(folder, finished);
        long failed = finished.stream().filter(FinishedJob::failed).count();
        out.printf("%d files: %s. Results: %s%n", finished.size(), progress.counts(), results);
        if (failed > 0) {
            out.printf("%d file(s) did not get a result (FAILED, refused or timed out): see the table above%n", failed);
            return SOME_FAILED;
        }
        return 0;
    }

    /**
     * The bearer token: {@code --token}, else {@code DOCFLOW_TOKEN}, else, for local mode's API
     * ({@value #LOCAL_API}), the admin token local mode wrote to {@code localInfo} (target/docflow-local.json) if it
     * is there; else none.
     */
    static String token(String option, String environment, URI api, Path localInfo) {
        if (option != null) {
            return option;
        }
        if (environment != null && !environment.isBlank()) {
            return environment;
        }
        if (!URI.create(LOCAL_API).equals(URI.create(api.toString().replaceAll("/+$", ""))) || !Files.isRegularFile(localInfo)) {
            return null;
        }
        try {
            String admin = new ObjectMapper().readTree(localInfo.toFile()).path("tokens").path("admin").asText(null);
            return admin == null || admin.isBlank() ? null : admin;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + localInfo, e);
        }
    }

    /** Every regular file under {@code folder}, sorted; hidden files and ground-truth sidecars are not documents. */
    static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().endsWith(".truth.json"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No files under " + folder);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
