package io.docflow.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalPorts;
import io.docflow.local.bedrock.Latency;
import io.docflow.local.bedrock.LocalBedrock;

/**
 * The benchmark harness (docs/benchmarks.md): starts the local AWS services in this JVM, docflow as child JVMs
 * against them, pushes generated documents in through S3 events, waits for every final status, and prints a table
 * per scenario with the naive baseline beside docflow; everything also goes to {@code target/benchmarks/*.json}.
 *
 * <p>{@code ./mvnw -B -Pbenchmark verify -Dbenchmark.scenarios=quota,concurrency -Dbenchmark.runs=3}. Options are
 * {@code --name=value} arguments (the profile passes {@code -Dbenchmark.args}); see {@link #DEFAULTS}.
 */
public final class Benchmark {

    /** Every option and its default. Scenario options are prefixed with the scenario's name. */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("scenarios", "quota,concurrency");
        DEFAULTS.put("runs", "3");
        DEFAULTS.put("out", "target/benchmarks");
        DEFAULTS.put("model", "anthropic.claude-3-haiku-20240307-v1:0");
        DEFAULTS.put("docflow-xmx", "512m");
        DEFAULTS.put("baseline-xmx", "512m");
        DEFAULTS.put("warmup", "100");
        // notification: S3 notifications only; both: also EventBridge, as local mode wires it (a duplicate per object)
        DEFAULTS.put("s3-events", "notification");
        DEFAULTS.put("mix", "txt=50,pdf=30,docx=20");
        // quota utilization: demand far above a 1,200 RPM quota, 300 ms model
        DEFAULTS.put("quota.rpm", "1200");
        DEFAULTS.put("quota.latency-ms", "300");
        DEFAULTS.put("quota.docs", "1000");
        DEFAULTS.put("quota.baseline-docs", "100");
        DEFAULTS.put("quota.consumers", "16");
        DEFAULTS.put("quota.parallelism", "16");
        DEFAULTS.put("quota.pacing-rpm", "");
        // concurrency: no quota, 500 ms model; throughput at 1 and at N documents in flight
        DEFAULTS.put("concurrency.latency-ms", "500");
        DEFAULTS.put("concurrency.n", "32");
        DEFAULTS.put("concurrency.docs-1", "60");
        DEFAULTS.put("concurrency.docs-n", "1500");
        DEFAULTS.put("concurrency.baseline-docs", "60");
        // overhead: model at 0 ms, one 1-page PDF at a time
        DEFAULTS.put("overhead.docs", "100");
        DEFAULTS.put("overhead.warmup", "40");
        DEFAULTS.put("overhead.type", "pdf");
        DEFAULTS.put("overhead.baseline-docs", "100");
        // shared quota: N docflow processes on one queue, each paced at quota / N
        DEFAULTS.put("shared.processes", "3");
        DEFAULTS.put("shared.rpm", "1200");
        DEFAULTS.put("shared.latency-ms", "300");
        DEFAULTS.put("shared.docs", "1000");
        DEFAULTS.put("shared.baseline-docs", "100");
        DEFAULTS.put("shared.consumers", "8");
        DEFAULTS.put("shared.parallelism", "8");
        DEFAULTS.put("shared.wait-time-seconds", "1");
        // each process's pacing budget; empty: the quota divided by the processes (docs/reliability.md, "Quota pacing")
        DEFAULTS.put("shared.pod-rpm", "");
        // memory: big documents with -Xmx512m
        DEFAULTS.put("memory.cases", "pdf200mb,pages2000,concurrent16x20mb");
        DEFAULTS.put("memory.latency-ms", "0");
        // start-up: JVM start to readiness UP, per variant
        DEFAULTS.put("startup.variants", "default");
        // the java of the java25, aot25 and image-aot25 variants
        DEFAULTS.put("startup.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        // the image variants' Spring Boot jar; empty: target/docflow-*.jar (the package phase's)
        DEFAULTS.put("startup.jar", "");
        // crash: N processes on one queue, one killed with SIGKILL every kill-every (round-robin) and restarted at once;
        // then every object must have one final job, one result object and one announcement
        DEFAULTS.put("crash.documents", "1000");
        DEFAULTS.put("crash.processes", "3");
        DEFAULTS.put("crash.kill-every", "20s");
        // false: a process still starting after a kill is passed over for the next one that is up
        DEFAULTS.put("crash.kill-starting", "false");
        DEFAULTS.put("crash.latency-ms", "300");
        DEFAULTS.put("crash.mix", "txt");
        DEFAULTS.put("crash.consumers", "4");
        // docflow's default is 300 s: a killed process's messages come back after this (their heartbeat stops)
        DEFAULTS.put("crash.visibility-timeout-seconds", "30");
        DEFAULTS.put("crash.wait-time-seconds", "1");
        // kills go on until every job is final or this deadline; then the processes get crash.recovery-minutes more
        DEFAULTS.put("crash.deadline-minutes", "10");
        DEFAULTS.put("crash.recovery-minutes", "10");
        // the same run without kills first, for the time the kills cost
        DEFAULTS.put("crash.compare", "true");
        DEFAULTS.put("timeout-minutes", "15");
    }

    private final Map<String, String> options;
    private final LocalAws aws;
    private final LocalClients clients;
    private final Runner runner;
    private final Path out;
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final StringBuilder summary = new StringBuilder();

    private Benchmark(Map<String, String> options, LocalAws aws) {
        this.options = options;
        this.aws = aws;
        this.clients = new LocalClients(aws);
        this.out = Path.of(options.get("out"));
        this.runner = new Runner(aws, clients, out, docflowJvm()).bothEventPaths(bothEventPaths());
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--") && part.contains("=")) {
                    String key = part.substring(2, part.indexOf('='));
                    if (!DEFAULTS.containsKey(key) && !key.startsWith("set.")) {
                        throw new IllegalArgumentException("Unknown option --" + key + "; known: " + DEFAULTS.keySet());
                    }
                    options.put(key, part.substring(part.indexOf('=') + 1));
                }
            }
        }
        System.out.println("docflow benchmark: " + options);
        System.out.println(machine());
        LocalAws aws = LocalAws.start(LocalPorts.free());
        // a harness stopped from outside (Ctrl-C, kill) takes its docflow processes with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().children()
                .forEach(ProcessHandle::destroyForcibly), "bench-children"));
        int status = 0;
        try {
            new Benchmark(options, aws).run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        } finally {
            aws.close();
        }
        System.exit(status);
    }

    private void run() {
        for (String scenario : options.get("scenarios").split(",")) {
            switch (scenario.trim()) {
                case "quota" -> quota();
                case "concurrency" -> concurrency();
                case "overhead" -> overhead();
                case "shared" -> shared();
                case "memory" -> memory();
                case "startup" -> startup();
                case "crash" -> crash();
                case "" -> { }
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario
                        + " (quota, concurrency, overhead, shared, memory, startup, crash)");
            }
        }
        System.out.println("\n==================== summary (medians) ====================" + summary);
    }

    // ------------------------------------------------------------------ scenarios

    private void quota() {
        int rpm = integer("quota.rpm");
        String model = options.get("model");
        Runnable configure = () -> configureModel(model, integer("quota.latency-ms"), rpm);
        String pacing = options.get("quota.pacing-rpm").isBlank() ? Integer.toString(rpm) : options.get("quota.pacing-rpm");
        repeat("quota", "Quota utilization: quota %d RPM, model %d ms, %d single-chunk documents (baseline %d)".formatted(
                rpm, integer("quota.latency-ms"), integer("quota.docs"), integer("quota.baseline-docs")), run -> {
            List<Corpus.Document> docs = Corpus.singlePage("q", integer("quota.docs"), Corpus.mix(options.get("mix")), run);
            Map<String, String> settings = modelSettings(model);
            settings.put("docflow.models.pacing.requests-per-minute", pacing);
            settings.put("docflow.ingest.concurrent-consumers", options.get("quota.consumers"));
            settings.put("docflow.models.extraction-parallelism", options.get("quota.parallelism"));
            Measurement docflow = runner.docflow(new Runner.DocflowRun("quota-r" + run + "-" + stamp(), "quota run " + run + " docflow",
                    1, settings, warmup(), docs, false, configure, rpm, timeout()));
            Measurement naive = runner.naive("quota-r" + run + "-" + stamp(), "quota run " + run + " baseline", warmup(5),
                    docs.subList(0, integer("quota.baseline-docs")), configure, rpm, baselineJvm(), model, timeout());
            return List.of(new Report.Column("docflow", docflow), new Report.Column("naive baseline", naive));
        }, List.of(new Report.Ratio("docflow / baseline", 0, 1)));
    }

    private void concurrency() {
        String model = options.get("model");
        int n = integer("concurrency.n");
        Runnable configure = () -> configureModel(model, integer("concurrency.latency-ms"), 0);
        repeat("concurrency", "Concurrency: no quota, model %d ms; docflow with 1 and with %d documents in flight".formatted(
                integer("concurrency.latency-ms"), n), run -> {
            Map<String, String> one = modelSettings(model);
            one.put("docflow.ingest.concurrent-consumers", "1");
            one.put("docflow.models.extraction-parallelism", "1");
            Map<String, String> many = modelSettings(model);
            many.put("docflow.ingest.concurrent-consumers", Integer.toString(n));
            many.put("docflow.models.extraction-parallelism", Integer.toString(n));
            List<Corpus.Document> docs1 = Corpus.singlePage("c1", integer("concurrency.docs-1"), Corpus.mix(options.get("mix")), run);
            List<Corpus.Document> docsN = Corpus.singlePage("cn", integer("concurrency.docs-n"), Corpus.mix(options.get("mix")), run);
            Measurement at1 = runner.docflow(new Runner.DocflowRun("conc1-r" + run + "-" + stamp(), "concurrency run " + run + " docflow@1",
                    1, one, warmup(), docs1, false, configure, 0, timeout()));
            Measurement atN = runner.docflow(new Runner.DocflowRun("conc" + n + "-r" + run + "-" + stamp(),
                    "concurrency run " + run + " docflow@" + n, 1, many, warmup(), docsN, false, configure, 0, timeout()));
            Measurement naive = runner.naive("conc-r" + run + "-" + stamp(), "concurrency run " + run + " baseline", warmup(5),
                    Corpus.singlePage("cb", integer("concurrency.baseline-docs"), Corpus.mix(options.get("mix")), run),
                    configure, 0, baselineJvm(), model, timeout());
            return List.of(new Report.Column("docflow @1", at1), new Report.Column("docflow @" + n, atN),
                    new Report.Column("naive baseline", naive));
        }, List.of(new Report.Ratio("@" + n + " / @1", 1, 0), new Report.Ratio("@" + n + " / baseline", 1, 2)));
    }

    private void overhead() {
        String model = options.get("model");
        Runnable configure = () -> configureModel(model, 0, 0);
        repeat("overhead", "Overhead: model at 0 ms, one 1-page %s at a time (closed loop), default docflow settings (parsing in "
                .formatted(options.get("overhead.type")) + "parser workers), beside docflow parsing in its own JVM and the naive baseline", run -> {
            Map<String, Integer> type = Corpus.mix(options.get("overhead.type"));
            List<Corpus.Document> docs = Corpus.singlePage("o", integer("overhead.docs"), type, run);
            Measurement docflow = runner.docflow(new Runner.DocflowRun("over-r" + run + "-" + stamp(), "overhead run " + run + " docflow",
                    1, modelSettings(model), Corpus.singlePage("warmup", integer("overhead.warmup"), type, 99), docs, true,
                    configure, 0, timeout()));
            overheadFigures(docflow);
            // the same documents parsed inside docflow's JVM: what the parser workers' isolation costs per document
            Map<String, String> inProcess = new LinkedHashMap<>(modelSettings(model));
            inProcess.put("docflow.extract.isolation.enabled", "false");
            Measurement unisolated = runner.docflow(new Runner.DocflowRun("over-in-r" + run + "-" + stamp(),
                    "overhead run " + run + " docflow, parsing in its own JVM", 1, inProcess,
                    Corpus.singlePage("warmup", integer("overhead.warmup"), type, 98),
                    Corpus.singlePage("oi", integer("overhead.docs"), type, run), true, configure, 0, timeout()));
            overheadFigures(unisolated);
            Measurement naive = runner.naive("over-r" + run + "-" + stamp(), "overhead run " + run + " baseline",
                    Corpus.singlePage("warmup", integer("overhead.warmup"), type, 99),
                    Corpus.singlePage("ob", integer("overhead.baseline-docs"), type, run), configure, 0, baselineJvm(), model, timeout());
            return List.of(new Report.Column("docflow", docflow), new Report.Column("docflow, in-process parse", unisolated),
                    new Report.Column("naive baseline", naive));
        }, List.of(new Report.Ratio("docflow / baseline", 0, 2), new Report.Ratio("parser workers / in-process", 0, 1)));
    }

    /**
     * The overhead target: end-to-end p50 (upload to the finish stamp on the job item) against the p50 of what a
     * document cannot do without, per document: extraction (download + parse), the model calls as docflow timed
     * them, and the storage calls. The storage calls come from the job item's stamps: registration (createdAt to
     * processingStartedAt: the conditional PutItem), mark-processing (the UpdateItem), and store-result up to the
     * finish stamp (finishedAt minus processingStartedAt minus the recorded stages: the text and result PutObjects,
     * plus the sub-millisecond routing between stages). The rest is broken down: event delivery (upload to
     * createdAt: S3 notification, SQS, receive, parse) and model-call wrapping (classify + extract-fields minus the
     * model calls: prompts, reply parsing, validation).
     */
    @SuppressWarnings("unchecked")
    private static void overheadFigures(Measurement m) {
        List<Map<String, Object>> docs = (List<Map<String, Object>>) m.details.get("documents");
        List<Long> essential = new ArrayList<>();
        List<Long> strict = new ArrayList<>();
        List<Long> storageCalls = new ArrayList<>();
        List<Long> delivery = new ArrayList<>();
        List<Long> wrapping = new ArrayList<>();
        List<Long> e2e = new ArrayList<>();
        for (Map<String, Object> d : docs) {
            if (!(d.get("finishedAt") instanceof Long finished) || !(d.get("stageMillis") instanceof Map<?, ?> stageMap)
                    || !(d.get("processingStartedAt") instanceof Long started) || !(d.get("registeredAt") instanceof Long registered)) {
                continue;
            }
            Map<String, Object> stages = (Map<String, Object>) stageMap;
            long model = ((List<Long>) d.getOrDefault("modelLatencyMs", List.of())).stream().mapToLong(Long::longValue).sum();
            long extraction = stage(stages, "extract-text");
            long recorded = stages.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
            long storage = (started - registered) + stage(stages, "mark-processing") + Math.max(0, finished - started - recorded);
            essential.add(extraction + model + storage);
            strict.add(extraction + model);
            storageCalls.add(storage);
            delivery.add(registered - (Long) d.get("uploadedAt"));
            wrapping.add(stage(stages, "classify") + stage(stages, "extract-fields") - model);
            e2e.add(finished - (Long) d.get("uploadedAt"));
        }
        double essentialP50 = Measurement.percentile(essential, 50);
        m.put("p50 storage calls ms", Measurement.percentile(storageCalls, 50));
        m.put("p50 extraction + model + storage ms", essentialP50);
        m.put("ratio e2e p50 / (extraction + model + storage) p50", Measurement.percentile(e2e, 50) / essentialP50);
        m.put("ratio e2e p50 / (extraction + model) p50", Measurement.percentile(e2e, 50) / Measurement.percentile(strict, 50));
        m.put("rest: p50 event delivery (upload → registered) ms", Measurement.percentile(delivery, 50));
        m.put("rest: p50 model-call wrapping ms", Measurement.percentile(wrapping, 50));
    }

    private static long stage(Map<String, Object> stages, String name) {
        return ((Number) stages.getOrDefault(name, 0L)).longValue();
    }

    private void shared() {
        int rpm = integer("shared.rpm");
        int processes = integer("shared.processes");
        String model = options.get("model");
        Runnable configure = () -> configureModel(model, integer("shared.latency-ms"), rpm);
        String podRpm = options.get("shared.pod-rpm").isBlank() ? Double.toString((double) rpm / processes) : options.get("shared.pod-rpm");
        repeat("shared", "Shared quota: %d docflow processes on one queue, each paced at %s RPM, one quota of %d RPM, model %d ms"
                .formatted(processes, podRpm, rpm, integer("shared.latency-ms")), run -> {
            List<Corpus.Document> docs = Corpus.singlePage("s", integer("shared.docs"), Corpus.mix(options.get("mix")), run);
            Map<String, String> settings = modelSettings(model);
            settings.put("docflow.models.pacing.requests-per-minute", podRpm);
            settings.put("docflow.ingest.concurrent-consumers", options.get("shared.consumers"));
            settings.put("docflow.models.extraction-parallelism", options.get("shared.parallelism"));
            // short polls, as local mode uses: with several processes long-polling one idle queue for 20 s, the local
            // SQS (ElasticMQ 1.7.1) leaves some receives unanswered until the client's 30 s timeout, and the messages
            // they took stay hidden for the visibility timeout
            settings.put("docflow.ingest.wait-time-seconds", options.get("shared.wait-time-seconds"));
            settings.put("docflow.legacy.wait-time-seconds", options.get("shared.wait-time-seconds"));
            Measurement docflow = runner.docflow(new Runner.DocflowRun("shared-r" + run + "-" + stamp(), "shared run " + run + " docflow x" + processes,
                    processes, settings, warmup(), docs, false, configure, rpm, timeout()));
            Measurement naive = runner.naive("shared-r" + run + "-" + stamp(), "shared run " + run + " baseline", warmup(5),
                    docs.subList(0, integer("shared.baseline-docs")), configure, rpm, baselineJvm(), model, timeout());
            return List.of(new Report.Column("docflow x" + processes, docflow), new Report.Column("naive baseline", naive));
        }, List.of(new Report.Ratio("docflow / baseline", 0, 1)));
    }

    /**
     * Crash recovery under load (docs/benchmarks.md, "Crash"): {@code crash.processes} docflow processes consume one
     * ingest queue while {@code crash.documents} objects are uploaded at once and the model answers after
     * {@code crash.latency-ms}; every {@code crash.kill-every} one process is killed with SIGKILL, round-robin, and
     * started again at once, until every job is final or {@code crash.deadline-minutes} pass (then the processes get
     * {@code crash.recovery-minutes} without kills to finish); a process still starting
     * is passed over for the next one that is up unless {@code crash.kill-starting}. The jobs table, the
     * results bucket, an SNS subscriber's queue and the DLQ are then counted. The time the kills cost is the wall
     * time against the same run without kills (same processes, settings and corpus, run first; {@code crash.compare}).
     * Fails when an object has no final job, a job is stuck, or a result or an announcement is missing or doubled.
     */
    private void crash() {
        int documents = integer("crash.documents");
        int processes = integer("crash.processes");
        Duration killEvery = duration("crash.kill-every");
        String model = options.get("model");
        int latency = integer("crash.latency-ms");
        int visibility = integer("crash.visibility-timeout-seconds");
        boolean compare = Boolean.parseBoolean(options.get("crash.compare"));
        boolean killStarting = Boolean.parseBoolean(options.get("crash.kill-starting"));
        Runnable configure = () -> configureModel(model, latency, 0);
        List<String> problems = new ArrayList<>();
        CrashRun crash = new CrashRun(aws, clients, runner, out.resolve("logs"), docflowJvm());
        repeat("crash", "Crash: %d docflow processes on one queue, one killed with SIGKILL every %s (round-robin) and restarted at once; %d %s documents, model %d ms, %d consumers per process, visibility timeout %d s"
                .formatted(processes, options.get("crash.kill-every"), documents, options.get("crash.mix"), latency,
                        integer("crash.consumers"), visibility), run -> {
            List<Corpus.Document> docs = Corpus.singlePage("k", documents, Corpus.mix(options.get("crash.mix")), run);
            Map<String, String> settings = modelSettings(model);
            settings.put("docflow.ingest.concurrent-consumers", options.get("crash.consumers"));
            settings.put("docflow.ingest.visibility-timeout-seconds", Integer.toString(visibility));
            // short polls, as in the shared scenario (ElasticMQ and several processes long-polling one queue)
            settings.put("docflow.ingest.wait-time-seconds", options.get("crash.wait-time-seconds"));
            settings.put("docflow.legacy.wait-time-seconds", options.get("crash.wait-time-seconds"));
            Duration deadline = Duration.ofMinutes(integer("crash.deadline-minutes"));
            Duration recovery = Duration.ofMinutes(integer("crash.recovery-minutes"));
            // after the last kill, a killed process's messages reappear within one visibility timeout
            Duration drain = Duration.ofSeconds(visibility + 60L);
            List<Report.Column> columns = new ArrayList<>();
            CrashRun.Outcome calm = null;
            if (compare) {
                String id = "crash-calm-r" + run + "-" + stamp();
                calm = crash.run(new CrashRun.Plan(id, "crash run " + run + " without kills", processes,
                        crashSettings(id, settings), docs, Duration.ZERO, false, deadline, recovery, drain, configure));
                problems.addAll(calm.problems());
            }
            String id = "crash-kill-r" + run + "-" + stamp();
            CrashRun.Outcome killed = crash.run(new CrashRun.Plan(id, "crash run " + run + " with kills", processes,
                    crashSettings(id, settings), docs, killEvery, killStarting, deadline, recovery, drain, configure));
            problems.addAll(killed.problems());
            columns.add(new Report.Column("with kills", killed.measurement()));
            if (calm != null) {
                double lost = killed.measurement().get(Measurement.WALL) - calm.measurement().get(Measurement.WALL);
                killed.measurement().put("time lost s (wall time minus the run without kills)", lost);
                killed.measurement().put("time lost % of the run without kills", 100 * lost / calm.measurement().get(Measurement.WALL));
                columns.add(new Report.Column("without kills", calm.measurement()));
            }
            return columns;
        }, compare ? List.of(new Report.Ratio("with / without kills", 0, 1)) : List.of());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The crash scenario found " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** A run's own buckets, queues, topic and jobs table, so the audit counts that run's jobs only. */
    private static Map<String, String> crashSettings(String id, Map<String, String> settings) {
        Map<String, String> all = Runner.runSettings("bench-" + id, settings);
        all.put("docflow.jobs.table", "bench-" + id + "-jobs");
        return all;
    }

    private void memory() {
        String model = options.get("model");
        Runnable configure = () -> configureModel(model, integer("memory.latency-ms"), 0);
        Path corpusDir = out.resolve("corpus");
        for (String memoryCase : options.get("memory.cases").split(",")) {
            List<Corpus.Document> docs = new ArrayList<>();
            int consumers;
            String title;
            switch (memoryCase.trim()) {
                case "pdf200mb" -> {
                    docs.add(new Corpus.Document("m/scan-200MB.pdf", "pdf", null, Corpus.imagePdf(corpusDir, 200L * 1024 * 1024)));
                    consumers = 4;
                    title = "Memory: one 200 MB PDF (scan-like: ~180 pages of 1 MB noise images, a few lines of text each)";
                }
                case "pages2000" -> {
                    docs.add(new Corpus.Document("m/text-2000pages.pdf", "pdf", null, Corpus.textPdf(corpusDir, 2000)));
                    consumers = 4;
                    title = "Memory: one 2,000-page text PDF";
                }
                case "concurrent16x20mb" -> {
                    for (int i = 0; i < 16; i++) {
                        docs.add(i % 2 == 0
                                ? new Corpus.Document("m/scan-20MB-" + i + ".pdf", "pdf", null, Corpus.imagePdf(corpusDir, 20L * 1024 * 1024))
                                : new Corpus.Document("m/text-20MB-" + i + ".txt", "txt", null, Corpus.bigText(corpusDir, 20L * 1024 * 1024, i)));
                    }
                    consumers = 16;
                    title = "Memory: 16 documents of 20 MB at once (8 scan-like PDFs, 8 plain-text files), 16 consumers";
                }
                default -> throw new IllegalArgumentException("Unknown memory case " + memoryCase);
            }
            int c = consumers;
            repeat("memory-" + memoryCase.trim(), title + ", docflow -Xmx" + options.get("docflow-xmx"), run -> {
                Map<String, String> settings = modelSettings(model);
                settings.put("docflow.extract.max-document-bytes", "300MB");
                settings.put("docflow.ingest.concurrent-consumers", Integer.toString(c));
                Measurement docflow = runner.docflow(new Runner.DocflowRun("mem-" + memoryCase.trim().toLowerCase(Locale.ROOT) + "-r" + run + "-" + stamp(),
                        "memory " + memoryCase.trim() + " run " + run + " docflow", 1, settings, warmup(5), docs, false, configure, 0, timeout()));
                Measurement naive = runner.naive("mem-" + memoryCase.trim().toLowerCase(Locale.ROOT) + "-r" + run + "-" + stamp(),
                        "memory " + memoryCase.trim() + " run " + run + " baseline", List.of(), docs, configure, 0, baselineJvm(), model, timeout());
                return List.of(new Report.Column("docflow", docflow), new Report.Column("naive baseline", naive));
            }, List.of(new Report.Ratio("docflow / baseline", 0, 1)));
        }
    }

    /**
     * JVM start to readiness UP per variant; the variants take turns within each run (in the order given), so a busy
     * machine slows them alike. Variants (docs/benchmarks.md, "Start-up"): {@code before} (issue #15's starting point:
     * Tika and the Tesseract check before the context is up), {@code background} (both on threads of their own,
     * {@code docflow.startup.background-init=true}), {@code default} (as shipped),
     * {@code lazy}, {@code c1}, {@code lazy-c1}, {@code cds} (AppCDS archive of a training run, JDK 17; JDK 17 refuses it on the harness's test class path,
     * "shared class paths mismatch", so it measures nothing yet: see docs/benchmarks.md),
     * {@code java25} (Temurin 25, {@code --startup.java25}), {@code aot25} (Temurin 25 with the AOT cache of a
     * training run, JEP 483/514/515), {@code steps} (default, logging Spring's start-up steps and every class loaded).
     * A training run is one more start (with one document) before the timed runs; its time is not counted.
     * The image variants run docflow as the container image does, in its layout ({@link #imageLayout}: app.jar and
     * lib/ on class path app.jar, routes/) after the Dockerfile's own training line (to the context's refresh, no
     * AWS): {@code image-cds17} on JDK 17 with the AppCDS archive the image had before Java 25
     * ({@code -XX:ArchiveClassesAtExit}/{@code -XX:SharedArchiveFile}), {@code image-aot25} on Temurin 25 with the
     * AOT cache it has now ({@code -XX:AOTCacheOutput}/{@code -XX:AOTCache}).
     */
    private void startup() {
        List<String> variants = java.util.Arrays.stream(options.get("startup.variants").split(",")).map(String::trim).toList();
        Path archives = out.resolve("startup-archives-" + stamp);
        Map<String, List<String>> jvms = new LinkedHashMap<>();
        Map<String, Map<String, String>> settingsOf = new LinkedHashMap<>();
        for (String variant : variants) {
            List<String> jvm = new ArrayList<>(docflowJvm());
            // every variant on the same class path: folders packed into jars, as CDS and the AOT cache need
            jvm.add(ChildJvm.JARS_ONLY);
            Map<String, String> settings = modelSettings(options.get("model"));
            String java25 = ChildJvm.JAVA + options.get("startup.java25");
            switch (variant) {
                case "default" -> { }
                case "before" -> settings.put("docflow.startup.background-init", "false");
                // parsing in docflow's JVM: it builds Tika's parser at start (parser workers spare it that)
                case "inprocess" -> settings.put("docflow.extract.isolation.enabled", "false");
                case "background" -> settings.put("docflow.startup.background-init", "true");
                case "lazy" -> settings.put("spring.main.lazy-initialization", "true");
                case "c1" -> jvm.add("-XX:TieredStopAtLevel=1");
                case "lazy-c1" -> {
                    settings.put("spring.main.lazy-initialization", "true");
                    jvm.add("-XX:TieredStopAtLevel=1");
                }
                case "cds" -> {
                    Path archive = archives.resolve("docflow-17.jsa");
                    train(variant, jvm, "-XX:ArchiveClassesAtExit=" + archive, settings, archive);
                    jvm.add("-XX:SharedArchiveFile=" + archive);
                }
                case "java25" -> jvm.add(java25);
                case "aot25" -> {
                    jvm.add(java25);
                    Path cache = archives.resolve("docflow-25.aot");
                    train(variant, jvm, "-XX:AOTCacheOutput=" + cache, settings, cache);
                    jvm.add("-XX:AOTCache=" + cache);
                }
                case "image-cds17" -> {
                    Path layout = imageLayout(archives.resolve(variant));
                    trainImage(variant, layout, ChildJvm.JAVA + ProcessHandle.current().info().command().orElse("java"),
                            "-XX:ArchiveClassesAtExit=docflow.jsa", "docflow.jsa");
                    jvm.remove(ChildJvm.JARS_ONLY);
                    jvm.add(ChildJvm.IMAGE_LAYOUT + layout);
                    jvm.add("-XX:SharedArchiveFile=docflow.jsa");
                }
                case "image-aot25" -> {
                    Path layout = imageLayout(archives.resolve(variant));
                    trainImage(variant, layout, java25, "-XX:AOTCacheOutput=docflow.aot", "docflow.aot");
                    jvm.remove(ChildJvm.JARS_ONLY);
                    jvm.add(ChildJvm.IMAGE_LAYOUT + layout);
                    jvm.add(java25);
                    jvm.add("-XX:AOTCache=docflow.aot");
                }
                case "steps" -> {
                    jvm.add("-Ddocflow.startup.steps=true");
                    jvm.add("-Xlog:class+load:file=" + out.resolve("logs").resolve("class-load-" + stamp + ".log").toAbsolutePath());
                }
                default -> throw new IllegalArgumentException("Unknown start-up variant " + variant
                        + " (before, background, default, lazy, c1, lazy-c1, cds, java25, aot25, image-cds17, image-aot25, steps)");
            }
            jvms.put(variant, jvm);
            settingsOf.put(variant, settings);
        }
        List<Report.Ratio> ratios = new ArrayList<>();
        for (int i = 1; i < variants.size(); i++) {
            ratios.add(new Report.Ratio(variants.get(i) + " / " + variants.get(0), i, 0));
        }
        repeat("startup", "Start-up: JVM start to readiness UP, docflow -Xmx" + options.get("docflow-xmx") + ", variants "
                + String.join(", ", variants) + " " + jvms, run -> {
            List<Report.Column> columns = new ArrayList<>();
            for (String variant : variants) {
                Runner startupRunner = new Runner(aws, clients, out, jvms.get(variant)).bothEventPaths(bothEventPaths());
                Measurement m = startupRunner.docflow(new Runner.DocflowRun("start-" + variant + "-r" + run + "-" + stamp(),
                        "startup " + variant + " run " + run, 1, settingsOf.get(variant), List.of(),
                        Corpus.singlePage("first", 1, Corpus.mix("pdf"), run), false, () -> { }, 0, timeout()));
                Measurement startup = new Measurement(variant);
                startup.put(Measurement.READY, m.get(Measurement.READY));
                startup.put(Measurement.READY_CPU, m.get(Measurement.READY_CPU));
                startup.put("first document end-to-end ms", m.get(Measurement.E2E_P50));
                startup.put(Measurement.PEAK_RSS, m.get(Measurement.PEAK_RSS));
                startup.details.putAll(m.details);
                columns.add(new Report.Column(variant, startup));
            }
            return columns;
        }, ratios);
    }

    /**
     * The container image's WORKDIR as the Dockerfile fills it: the Spring Boot jar split into its layers
     * ({@code java -Djarmode=tools -jar app.jar extract --layers}), the layers copied over each other in the
     * Dockerfile's order (app.jar, lib/), and routes/.
     */
    private Path imageLayout(Path dir) {
        try {
            Path jar;
            if (options.get("startup.jar").isEmpty()) {
                try (var jars = Files.list(Path.of("target"))) {
                    jar = jars.filter(p -> p.getFileName().toString().matches("docflow-.*\\.jar") && !p.toString().endsWith("-plain.jar"))
                            .findFirst().orElseThrow(() -> new IllegalStateException("No target/docflow-*.jar: run the package phase first"));
                }
            } else {
                jar = Path.of(options.get("startup.jar"));
            }
            Path layers = dir.resolve("layers");
            Files.createDirectories(layers);
            Files.copy(jar, layers.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
            String java = ProcessHandle.current().info().command().orElse("java");
            run(new ProcessBuilder(java, "-Djarmode=tools", "-jar", "app.jar", "extract", "--layers", "--destination", "extracted")
                    .directory(layers.toFile()), dir.resolve("extract.log"));
            Path layout = Files.createDirectories(dir.resolve("app"));
            for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
                copyTree(layers.resolve("extracted").resolve(layer), layout);
            }
            copyTree(Path.of("routes"), layout.resolve("routes"));
            return layout.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Dockerfile's training line (its RUN line with {@code -XX:AOTCacheOutput=docflow.aot}) in the image's layout,
     * with {@code java} ({@code --java=<path>}) first on the PATH and {@code dumpOption} in place of the Dockerfile's.
     */
    private void trainImage(String variant, Path layout, String javaOption, String dumpOption, String archive) {
        try {
            String dockerfile = Files.readString(Path.of("Dockerfile")).replaceAll("\\\\\\R\\s*", " ");
            Matcher line = Pattern.compile("(?m)^RUN (java -XX:AOTCacheOutput=docflow\\.aot .*)$")
                    .matcher(dockerfile);
            if (!line.find()) {
                throw new IllegalStateException("The Dockerfile has no RUN java -XX:AOTCacheOutput=docflow.aot line to train with");
            }
            String command = line.group(1).replace("-XX:AOTCacheOutput=docflow.aot", dumpOption);
            Path javaBin = Path.of(javaOption.substring(ChildJvm.JAVA.length())).getParent();
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(layout.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().put("PATH", javaBin + File.pathSeparator + builder.environment().get("PATH"));
            long started = System.nanoTime();
            Path log = out.resolve("logs").resolve("train-" + variant + "-" + stamp() + ".log");
            run(builder, log);
            if (!Files.exists(layout.resolve(archive))) {
                throw new IllegalStateException("The " + variant + " training run wrote no " + archive + "; see " + log);
            }
            System.out.printf("startup %s: training run (%s) wrote %s (%d MB) in %d s%n", variant, command, archive,
                    layout.resolve(archive).toFile().length() >> 20, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(ProcessBuilder builder, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeout().toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", builder.command()) + " took longer than " + timeout() + "; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** One start with {@code dumpOption} and one document; the archive is written when docflow stops. */
    private void train(String variant, List<String> jvm, String dumpOption, Map<String, String> settings, Path archive) {
        try {
            Files.createDirectories(archive.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> training = new ArrayList<>(jvm);
        training.add(dumpOption);
        Map<String, String> trainingSettings = new LinkedHashMap<>(settings);
        // stop quickly (no 20 s receive left to drain) so the archive is written within the stop's grace
        trainingSettings.put("docflow.ingest.wait-time-seconds", "1");
        trainingSettings.put("docflow.legacy.wait-time-seconds", "1");
        long started = System.nanoTime();
        new Runner(aws, clients, out, training).bothEventPaths(bothEventPaths()).docflow(new Runner.DocflowRun(
                "train-" + variant + "-" + stamp(), "startup " + variant + " training", 1, trainingSettings, List.of(),
                Corpus.singlePage("train", 1, Corpus.mix("pdf"), 0), false, () -> { }, 0, timeout()));
        if (!Files.exists(archive)) {
            throw new IllegalStateException("The " + variant + " training run wrote no " + archive + "; see its log in " + out.resolve("logs"));
        }
        System.out.printf("startup %s: training run wrote %s (%d MB) in %d s%n", variant, archive, archive.toFile().length() >> 20,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    // ------------------------------------------------------------------ runs, tables, JSON

    interface Scenario {
        List<Report.Column> run(int run);
    }

    /** Runs a scenario {@code runs} times, prints each run's table and the medians, writes the JSON. */
    private void repeat(String name, String title, Scenario scenario, List<Report.Ratio> ratios) {
        int runs = integer("runs");
        System.out.println("\n=== " + title + " ===");
        List<List<Report.Column>> all = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", name);
        json.put("title", title);
        json.put("machine", machine());
        json.put("options", options);
        List<Object> runsJson = new ArrayList<>();
        json.put("runs", runsJson);
        Path file = out.resolve(name + "-" + stamp + ".json");
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            List<Report.Column> columns = scenario.run(run);
            all.add(columns);
            System.out.println(Report.table("%s, run %d of %d (%.0f s)".formatted(title, run, runs,
                    (System.nanoTime() - started) / 1e9), columns, ratios));
            Map<String, Object> runJson = new LinkedHashMap<>();
            columns.forEach(c -> runJson.put(c.heading(), c.measurement()));
            runsJson.add(runJson);
            Report.writeJson(file, json);
        }
        List<Report.Column> medians = new ArrayList<>();
        for (int c = 0; c < all.get(0).size(); c++) {
            int column = c;
            medians.add(new Report.Column(all.get(0).get(c).heading(),
                    Measurement.median(all.stream().map(r -> r.get(column).measurement()).toList())));
        }
        String table = Report.table("%s — medians of %d run%s".formatted(title, runs, runs == 1 ? "" : "s"), medians, ratios);
        System.out.println(table);
        summary.append('\n').append(table);
        Map<String, Object> medianJson = new LinkedHashMap<>();
        medians.forEach(c -> medianJson.put(c.heading(), c.measurement().figures));
        json.put("medians", medianJson);
        Report.writeJson(file, json);
        System.out.println("JSON: " + file.toAbsolutePath());
    }

    private void configureModel(String model, int latencyMillis, int quotaRpm) {
        LocalBedrock bedrock = aws.bedrock();
        if (latencyMillis > 0) {
            bedrock.setLatency(model, Latency.fixed(Duration.ofMillis(latencyMillis)));
        }
        if (quotaRpm > 0) {
            bedrock.quota().set(model, quotaRpm, 0);
            bedrock.quota().useUp(model);
        }
    }

    private Map<String, String> modelSettings(String model) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("docflow.models.classification", model);
        settings.put("docflow.models.extraction", model);
        // one model, so every call counts against the one quota under test
        settings.put("docflow.models.fallback", "");
        options.forEach((key, value) -> {
            if (key.startsWith("set.")) {
                settings.put(key.substring(4), value);
            }
        });
        return settings;
    }

    private boolean bothEventPaths() {
        return switch (options.get("s3-events")) {
            case "notification" -> false;
            case "both" -> true;
            default -> throw new IllegalArgumentException("--s3-events is notification or both");
        };
    }

    private List<Corpus.Document> warmup() {
        return warmup(integer("warmup"));
    }

    private List<Corpus.Document> warmup(int count) {
        return Corpus.singlePage("warmup", count, Corpus.mix(options.get("mix")), 99);
    }

    private List<String> docflowJvm() {
        return List.of("-Xmx" + options.get("docflow-xmx"));
    }

    private List<String> baselineJvm() {
        return List.of("-Xmx" + options.get("baseline-xmx"));
    }

    private String stamp() {
        return stamp.substring(9);
    }

    private Duration timeout() {
        return Duration.ofMinutes(integer("timeout-minutes"));
    }

    /** {@code 20s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
    private Duration duration(String option) {
        String value = options.get(option).trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        if (value.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 60_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private int integer(String option) {
        return Integer.parseInt(options.get(option));
    }

    static String machine() {
        return "machine: %d CPUs, %d MB RAM, %s %s (%s), %s %s".formatted(Runtime.getRuntime().availableProcessors(),
                totalMemoryMb(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static long totalMemoryMb() {
        try {
            return Arrays.stream(java.nio.file.Files.readAllLines(Path.of("/proc/meminfo")).get(0).split("\\s+"))
                    .skip(1).findFirst().map(Long::parseLong).orElse(0L) / 1024;
        } catch (Exception e) {
            return -1;
        }
    }
}
