package io.docflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalProvisioner;
import io.docflow.local.bedrock.CallCounts;
import io.docflow.local.bedrock.LocalBedrock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs one system through one corpus and measures it: docflow (one or more child JVMs consuming the same queue,
 * documents pushed in through S3 events) or the naive baseline client (a child JVM reading the same objects).
 */
public final class Runner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAws aws;
    private final LocalClients clients;
    private final Path outDir;
    private final List<String> docflowJvmOptions;
    /** Uploads go through the Apache HTTP client: the URL-connection client of LocalClients drops pooled connections. */
    private final S3Client uploads;
    private final DynamoDbClient dynamoDb;
    private boolean bothEventPaths;

    Runner(LocalAws aws, LocalClients clients, Path outDir, List<String> docflowJvmOptions) {
        this.aws = aws;
        this.clients = clients;
        this.outDir = outDir;
        this.docflowJvmOptions = docflowJvmOptions;
        this.uploads = S3Client.builder().region(Region.of(LocalAws.REGION)).endpointOverride(aws.s3Endpoint())
                .forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder().maxConnections(16)).build();
        this.dynamoDb = DynamoDbClient.builder().region(Region.of(LocalAws.REGION)).endpointOverride(aws.dynamoDbEndpoint())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16)).build();
    }

    /** Whether each object reaches the ingest queue twice (S3 notification and EventBridge), as in local mode. */
    Runner bothEventPaths(boolean both) {
        this.bothEventPaths = both;
        return this;
    }

    LocalBedrock bedrock() {
        return aws.bedrock();
    }

    /** What a docflow run is: its processes and settings, its warm-up and measured documents, the model's behaviour. */
    record DocflowRun(String id, String label, int processes, Map<String, String> settings,
                      List<Corpus.Document> warmup, List<Corpus.Document> corpus, boolean closedLoop,
                      Runnable configureModel, double quotaRpm, Duration timeout) {
    }

    /** A run's own bucket pair, queue, DLQ and topic (named after {@code prefix}), then {@code runSettings}. */
    public static Map<String, String> runSettings(String prefix, Map<String, String> runSettings) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("docflow.buckets.input", prefix + "-in");
        settings.put("docflow.buckets.results", prefix + "-out");
        settings.put("docflow.queues.ingest", prefix + "-ingest");
        settings.put("docflow.queues.ingest-dlq", prefix + "-ingest-dlq");
        settings.put("docflow.events.topic", prefix + "-events");
        settings.putAll(runSettings);
        return settings;
    }

    /** Creates what {@code settings} name in the local services; the input bucket's events reach the queue once or twice. */
    DocflowProperties provision(Map<String, String> settings) {
        DocflowProperties config = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("docflow", DocflowProperties.class);
        new LocalProvisioner(aws, clients).provision(config);
        if (!bothEventPaths) {
            // one announcement per object, as a deployment that uses either S3 notifications or EventBridge gets;
            // local provisioning wires both to the ingest queue to exercise de-duplication
            clients.eventBridge().disableRule(b -> b.name(LocalProvisioner.OBJECT_CREATED_RULE + "-" + config.buckets().input()));
        }
        return config;
    }

    Measurement docflow(DocflowRun run) {
        String prefix = "bench-" + run.id();
        Map<String, String> settings = runSettings(prefix, run.settings());
        DocflowProperties config = provision(settings);

        LocalBedrock bedrock = aws.bedrock();
        bedrock.reset();
        List<DocflowProcess> processes = new ArrayList<>();
        try (Completions completions = Completions.subscribe(clients, config.events().topic(), prefix + "-announced")) {
            for (int i = 1; i <= run.processes(); i++) {
                processes.add(DocflowProcess.start(run.id() + "-docflow-" + i, aws, settings, docflowJvmOptions, outDir.resolve("logs")));
            }
            String bucket = config.buckets().input();
            // warm-up: JIT, Tika's parsers, connection pools; the model answers at once, no quota
            if (!run.warmup().isEmpty()) {
                upload(bucket, run.warmup(), new ConcurrentHashMap<>());
                await(completions, keys(run.warmup()), Duration.ofMinutes(5), run.label() + " warm-up");
            }
            run.configureModel().run();
            bedrock.resetCounters();
            Map<String, double[]> timersBefore = stageTimers(processes);
            long docflowCpuBefore = processes.stream().mapToLong(p -> p.jvm().cpuMillis()).sum();
            long harnessCpuBefore = harnessCpuMillis();

            List<String> keys = keys(run.corpus());
            Map<String, long[]> uploaded = new ConcurrentHashMap<>();
            long startMillis = System.currentTimeMillis();
            List<ChildJvm> jvms = processes.stream().map(DocflowProcess::jvm).toList();
            Sampler sampler = new Sampler(run.label(), bedrock, keys.size(), () -> completions.countIn(keys),
                    () -> completions.failedIn(keys), jvms);
            boolean finished;
            try {
                if (run.closedLoop()) {
                    for (Corpus.Document d : run.corpus()) {
                        upload(bucket, List.of(d), uploaded);
                        await(completions, List.of(d.key()), Duration.ofMinutes(2), null);
                    }
                    finished = true;
                } else {
                    upload(bucket, run.corpus(), uploaded);
                    finished = await(completions, keys, run.timeout(), run.label());
                }
            } finally {
                sampler.close();
            }
            CallCounts counts = bedrock.counters(LocalBedrock.ALL_MODELS);
            Map<String, double[]> timersAfter = stageTimers(processes);
            long docflowCpu = processes.stream().mapToLong(p -> p.jvm().cpuMillis()).sum() - docflowCpuBefore;
            long harnessCpu = harnessCpuMillis() - harnessCpuBefore;
            Measurement m = new Measurement("docflow");
            m.details.put("finishedInTime", finished);
            m.details.put("settings", settings);
            m.details.put("jvmOptions", docflowJvmOptions);
            describeDocflow(m, run, completions, uploaded, startMillis, counts, sampler, config);
            m.put(Measurement.READY, processes.stream().mapToLong(DocflowProcess::readyMillis).max().orElse(-1));
            m.put(Measurement.READY_CPU, processes.stream().mapToLong(DocflowProcess::readyCpuMillis).max().orElse(-1));
            stageMeans(m, timersBefore, timersAfter);
            m.put("docflow CPU ms per document", (double) docflowCpu / run.corpus().size());
            m.put("docflow CPU % of the machine", 100.0 * docflowCpu / (m.get(Measurement.WALL) * 1000 * Runtime.getRuntime().availableProcessors()));
            m.put("harness CPU % of the machine (local AWS)", 100.0 * harnessCpu / (m.get(Measurement.WALL) * 1000 * Runtime.getRuntime().availableProcessors()));
            memory(m, jvms, sampler.peakRss());
            m.details.put("timeline", sampler.timeline());
            return m;
        } finally {
            processes.forEach(DocflowProcess::close);
            bedrock.reset();
        }
    }

    private void describeDocflow(Measurement m, DocflowRun run, Completions completions, Map<String, long[]> uploaded,
                                 long startMillis, CallCounts counts, Sampler sampler, DocflowProperties config) {
        List<Map<String, Object>> docs = details(run.corpus(), completions, uploaded, config);
        List<Long> e2e = new ArrayList<>();
        Map<String, List<Long>> stages = new LinkedHashMap<>();
        List<Long> modelLatency = new ArrayList<>();
        long endMillis = startMillis;
        int failures = 0;
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Map<String, Object> d : docs) {
            String status = (String) d.getOrDefault("status", "MISSING");
            statuses.merge(status, 1, Integer::sum);
            if (!"COMPLETED".equals(status)) {
                failures++;
            }
            if (d.get("finishedAt") instanceof Long finished) {
                endMillis = Math.max(endMillis, finished);
                e2e.add(finished - (Long) d.get("uploadedAt"));
            }
            if (d.get("registeredAt") instanceof Long registered) {
                stages.computeIfAbsent("ingest: upload → job registered", k -> new ArrayList<>()).add(registered - (Long) d.get("uploadedAt"));
            }
            if (d.get("stageMillis") instanceof Map<?, ?> stageMillis) {
                stageMillis.forEach((stage, ms) -> stages.computeIfAbsent((String) stage, k -> new ArrayList<>()).add(((Number) ms).longValue()));
            }
            if (d.get("modelLatencyMs") instanceof List<?> latencies) {
                latencies.forEach(l -> modelLatency.add(((Number) l).longValue()));
            }
        }
        double minutes = (endMillis - startMillis) / 60_000.0;
        m.put(Measurement.DOCUMENTS, run.corpus().size());
        m.put(Measurement.FAILURES, failures);
        m.put(Measurement.WALL, (endMillis - startMillis) / 1000.0);
        m.put(Measurement.DOCS_PER_MINUTE, (run.corpus().size() - statuses.getOrDefault("MISSING", 0)) / minutes);
        modelFigures(m, counts, sampler, minutes, run.quotaRpm());
        m.put(Measurement.E2E_P50, Measurement.percentile(e2e, 50));
        m.put(Measurement.E2E_P95, Measurement.percentile(e2e, 95));
        m.put(Measurement.E2E_P99, Measurement.percentile(e2e, 99));
        for (String stage : List.of("ingest: upload → job registered", "mark-processing", "extract-text", "classify", "extract-fields")) {
            if (stages.containsKey(stage)) {
                m.put("p50 " + stage + " ms", Measurement.percentile(stages.get(stage), 50));
            }
        }
        stages.keySet().stream().filter(s -> !List.of("ingest: upload → job registered", "mark-processing", "extract-text",
                "classify", "extract-fields").contains(s)).forEach(s -> m.put("p50 " + s + " ms", Measurement.percentile(stages.get(s), 50)));
        m.put("p50 model call ms", Measurement.percentile(modelLatency, 50));
        m.details.put("statuses", statuses);
        m.details.put("documents", docs);
    }

    static void modelFigures(Measurement m, CallCounts counts, Sampler sampler, double runMinutes, double quotaRpm) {
        long first = sampler.firstCallMillis();
        long last = sampler.lastSuccessMillis();
        double activeMinutes = (last - first) / 60_000.0;
        double completedPerMinute = first >= 0 && last > first ? counts.succeeded() / activeMinutes : Double.NaN;
        m.put(Measurement.CALLS, counts.calls());
        m.put(Measurement.CALLS_PER_MINUTE, completedPerMinute);
        m.put(Measurement.CALLS_PER_MINUTE_RUN, counts.succeeded() / runMinutes);
        long p10 = sampler.reachedMillis(Math.round(counts.succeeded() * 0.1));
        long p90 = sampler.reachedMillis(Math.round(counts.succeeded() * 0.9));
        if (p10 >= 0 && p90 > p10) {
            m.put(Measurement.CALLS_PER_MINUTE_STEADY, (Math.round(counts.succeeded() * 0.9) - Math.round(counts.succeeded() * 0.1))
                    / ((p90 - p10) / 60_000.0));
        }
        if (quotaRpm > 0) {
            m.put(Measurement.QUOTA_UTILIZATION, completedPerMinute / quotaRpm);
        }
        m.put(Measurement.THROTTLED_PERCENT, counts.calls() == 0 ? 0 : 100.0 * counts.throttled() / counts.calls());
        m.details.put("modelCounts", counts);
        m.details.put("modelActiveSeconds", activeMinutes * 60);
    }

    /** Per document: its final status and timings, from the job item and the result document. */
    private List<Map<String, Object>> details(List<Corpus.Document> corpus, Completions completions,
                                              Map<String, long[]> uploaded, DocflowProperties config) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            for (Corpus.Document d : corpus) {
                futures.add(pool.submit(() -> detail(d, completions.get(d.key()), uploaded.get(d.key()), config)));
            }
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Future<Map<String, Object>> f : futures) {
                docs.add(f.get());
            }
            return docs;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot collect the documents' results", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> detail(Corpus.Document d, Completions.Completion completion, long[] upload,
                                       DocflowProperties config) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("key", d.key());
        doc.put("type", d.type());
        doc.put("bytes", d.size());
        doc.put("uploadedAt", upload == null ? null : upload[1]);
        doc.put("uploadMs", upload == null ? null : upload[1] - upload[0]);
        if (completion == null) {
            doc.put("status", "MISSING");
            return doc;
        }
        doc.put("jobId", completion.jobId());
        doc.put("status", completion.status());
        doc.put("reason", completion.reason());
        doc.put("announcedAt", completion.receivedAtMillis());
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(config.jobs().table())
                .key(Map.of("jobId", AttributeValue.fromS(completion.jobId()))).consistentRead(true)).item();
        if (item != null && item.containsKey("finishedAt")) {
            doc.put("registeredAt", Instant.parse(item.get("createdAt").s()).toEpochMilli());
            if (item.containsKey("processingStartedAt")) {
                doc.put("processingStartedAt", Instant.parse(item.get("processingStartedAt").s()).toEpochMilli());
            }
            doc.put("finishedAt", Instant.parse(item.get("finishedAt").s()).toEpochMilli());
            doc.put("attempts", item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : null);
            Map<String, Long> stageMillis = new LinkedHashMap<>();
            if (item.containsKey("stageMillis")) {
                item.get("stageMillis").m().forEach((k, v) -> stageMillis.put(k, Long.parseLong(v.n())));
            }
            doc.put("stageMillis", stageMillis);
        }
        try {
            JsonNode result = JSON.readTree(uploads.getObjectAsBytes(b -> b.bucket(config.buckets().results())
                    .key("results/" + completion.jobId() + ".json")).asByteArray());
            List<Long> latencies = new ArrayList<>();
            List<Integer> attempts = new ArrayList<>();
            result.path("models").path("calls").forEach(c -> {
                latencies.add(c.path("latencyMs").asLong());
                attempts.add(c.path("attempts").asInt());
            });
            doc.put("modelLatencyMs", latencies);
            doc.put("modelAttempts", attempts);
            doc.put("documentClass", result.path("classification").path("documentClass").asText(null));
            doc.put("pages", result.path("document").path("pages").asInt(0));
            doc.put("characters", result.path("document").path("characters").asLong(0));
            doc.put("truncated", result.path("document").path("truncated").asBoolean(false));
            doc.put("chunks", result.path("chunks").path("used").asInt(0));
        } catch (RuntimeException e) {
            doc.put("resultError", e.toString());
        }
        return doc;
    }

    private static long harnessCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static final List<String> TIMED_STAGES = List.of("store-result", "announce", "call-model");

    private static Map<String, double[]> stageTimers(List<DocflowProcess> processes) {
        Map<String, double[]> sums = new HashMap<>();
        for (String stage : TIMED_STAGES) {
            double[] sum = {0, 0};
            for (DocflowProcess p : processes) {
                double[] t = p.timer("docflow.stage.duration", "stage:" + stage);
                sum[0] += t[0];
                sum[1] += t[1];
            }
            sums.put(stage, sum);
        }
        return sums;
    }

    private static void stageMeans(Measurement m, Map<String, double[]> before, Map<String, double[]> after) {
        for (String stage : List.of("store-result", "announce")) {
            double count = after.get(stage)[0] - before.get(stage)[0];
            double seconds = after.get(stage)[1] - before.get(stage)[1];
            if (count > 0) {
                m.put("mean " + stage + " ms", seconds * 1000 / count);
            }
        }
    }

    private static void memory(Measurement m, List<ChildJvm> jvms, long[] sampledPeakRss) {
        long heap = 0;
        long live = 0;
        long rss = 0;
        List<Map<String, Object>> perProcess = new ArrayList<>();
        for (int i = 0; i < jvms.size(); i++) {
            ChildJvm jvm = jvms.get(i);
            ChildJvm.HeapPeaks peaks = jvm.heapPeaks();
            long hwm = Math.max(jvm.peakRssBytes(), sampledPeakRss[i]);
            heap = Math.max(heap, peaks.usedBeforeGcBytes());
            live = Math.max(live, peaks.liveAfterGcBytes());
            rss = Math.max(rss, hwm);
            perProcess.add(Map.of("name", jvm.name(), "heapPeaks", peaks, "peakRssBytes", hwm));
        }
        m.put(Measurement.PEAK_HEAP, heap / (1024.0 * 1024));
        m.put(Measurement.LIVE_HEAP, live / (1024.0 * 1024));
        m.put(Measurement.PEAK_RSS, rss / (1024.0 * 1024));
        m.details.put("processes", perProcess);
    }

    /** Uploads in parallel (4 at a time); records [start, end] epoch ms of each put. */
    void upload(String bucket, List<Corpus.Document> documents, Map<String, long[]> uploaded) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, documents.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Corpus.Document d : documents) {
                futures.add(pool.submit(() -> {
                    long start = System.currentTimeMillis();
                    RequestBody body = d.bytes() != null ? RequestBody.fromBytes(d.bytes()) : RequestBody.fromFile(d.file());
                    uploads.putObject(b -> b.bucket(bucket).key(d.key()), body);
                    uploaded.put(d.key(), new long[] {start, System.currentTimeMillis()});
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Upload to " + bucket + " failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean await(Completions completions, List<String> keys, Duration timeout, String label) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (completions.countIn(keys) < keys.size()) {
            if (System.nanoTime() > deadline) {
                if (label != null) {
                    System.out.printf("  [%s] timed out after %s: %d of %d documents reached a final status%n",
                            label, timeout, completions.countIn(keys), keys.size());
                }
                return false;
            }
            DocflowProcess.sleep(5);
        }
        return true;
    }

    static List<String> keys(List<Corpus.Document> documents) {
        return documents.stream().map(Corpus.Document::key).toList();
    }

    /** The naive baseline over {@code corpus} (plus {@code warmup} first, not measured), with the model as configured. */
    Measurement naive(String id, String label, List<Corpus.Document> warmup, List<Corpus.Document> corpus,
                      Runnable configureModel, double quotaRpm, List<String> jvmOptions, String model, Duration timeout) {
        String bucket = "bench-" + id + "-naive-in";
        String results = "bench-" + id + "-naive-out";
        clients.s3().createBucket(b -> b.bucket(bucket));
        clients.s3().createBucket(b -> b.bucket(results));
        List<Corpus.Document> all = new ArrayList<>(warmup);
        all.addAll(corpus);
        upload(bucket, all, new ConcurrentHashMap<>());
        LocalBedrock bedrock = aws.bedrock();
        bedrock.reset();
        configureModel.run();
        bedrock.resetCounters();
        Path dir = outDir.resolve("logs");
        Path keysFile = dir.resolve(id + "-naive-keys.txt");
        Path out = dir.resolve(id + "-naive-results.jsonl");
        try {
            Files.createDirectories(dir);
            Files.write(keysFile, keys(all));
            Files.deleteIfExists(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = List.of("--s3=" + aws.s3Endpoint(), "--bedrock=" + aws.bedrockEndpoint(), "--bucket=" + bucket,
                "--results=" + results, "--model=" + model, "--keys=" + keysFile, "--out=" + out);
        ChildJvm jvm = ChildJvm.start(id + "-naive", NaiveClient.class.getName(), jvmOptions, args, dir);
        Function<Boolean, List<JsonNode>> read = all2 -> readLines(out);
        Sampler sampler = new Sampler(label, bedrock, corpus.size(),
                () -> Math.max(0, read.apply(true).size() - warmup.size()),
                () -> read.apply(true).stream().skip(warmup.size()).filter(n -> !"COMPLETED".equals(n.path("status").asText())).count(),
                List.of(jvm));
        boolean finished;
        try {
            finished = jvm.waitFor(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            sampler.close();
            jvm.stop(Duration.ofSeconds(2));
            bedrock.reset();
        }
        List<JsonNode> records = readLines(out);
        List<JsonNode> measured = records.subList(Math.min(warmup.size(), records.size()), records.size());
        Measurement m = new Measurement("naive baseline");
        m.details.put("finishedInTime", finished);
        m.details.put("jvmOptions", jvmOptions);
        long start = measured.stream().mapToLong(n -> n.path("startedAt").asLong()).min().orElse(0);
        long end = measured.stream().mapToLong(n -> n.path("finishedAt").asLong()).max().orElse(start);
        double minutes = (end - start) / 60_000.0;
        long failures = corpus.size() - measured.stream().filter(n -> "COMPLETED".equals(n.path("status").asText())).count();
        m.put(Measurement.DOCUMENTS, corpus.size());
        m.put(Measurement.FAILURES, failures);
        m.put(Measurement.WALL, (end - start) / 1000.0);
        m.put(Measurement.DOCS_PER_MINUTE, measured.size() / minutes);
        // its own count of the measured documents' calls: the warm-up documents ran under the same model settings
        long calls = measured.stream().mapToLong(n -> n.path("calls").asLong()).sum();
        long throttled = measured.stream().mapToLong(n -> n.path("throttled").asLong()).sum();
        m.put(Measurement.CALLS, calls);
        double completedPerMinute = (calls - throttled) / minutes;
        m.put(Measurement.CALLS_PER_MINUTE, completedPerMinute);
        m.put(Measurement.CALLS_PER_MINUTE_RUN, completedPerMinute);
        if (quotaRpm > 0) {
            m.put(Measurement.QUOTA_UTILIZATION, completedPerMinute / quotaRpm);
        }
        m.put(Measurement.THROTTLED_PERCENT, calls == 0 ? 0 : 100.0 * throttled / calls);
        List<Long> e2e = measured.stream().map(n -> n.path("finishedAt").asLong() - start).toList();
        m.put(Measurement.E2E_P50, Measurement.percentile(e2e, 50));
        m.put(Measurement.E2E_P95, Measurement.percentile(e2e, 95));
        m.put(Measurement.E2E_P99, Measurement.percentile(e2e, 99));
        m.put("p50 per document (its own time) ms", Measurement.percentile(measured.stream()
                .map(n -> n.path("finishedAt").asLong() - n.path("startedAt").asLong()).toList(), 50));
        for (String[] stage : new String[][] {{"extract-text", "extractMs"}, {"classify", "classifyMs"},
                {"extract-fields", "fieldsMs"}, {"store-result", "storeMs"}}) {
            List<Long> values = measured.stream().filter(n -> n.has(stage[1])).map(n -> n.path(stage[1]).asLong()).toList();
            if (!values.isEmpty()) {
                m.put("p50 " + stage[0] + " ms", Measurement.percentile(values, 50));
            }
        }
        memory(m, List.of(jvm), sampler.peakRss());
        m.details.put("documents", measured);
        m.details.put("timeline", sampler.timeline());
        m.details.put("modelCountsAtTheLocalBedrock", "see calls/throttled per document");
        return m;
    }

    private static List<JsonNode> readLines(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    try {
                        nodes.add(JSON.readTree(line));
                    } catch (IOException e) {
                        // a line being written
                    }
                }
            }
            return nodes;
        } catch (IOException e) {
            return List.of();
        }
    }
}
