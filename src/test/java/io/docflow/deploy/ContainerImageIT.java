package io.docflow.deploy;

import static io.docflow.deploy.Manifests.container;
import static io.docflow.deploy.Manifests.env;
import static io.docflow.deploy.Manifests.list;
import static io.docflow.deploy.Manifests.map;
import static io.docflow.deploy.Manifests.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.deploy.Dockerfile.Copy;
import io.docflow.deploy.Dockerfile.Stage;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalPorts;
import io.docflow.local.LocalProvisioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The container image built and started without Docker. The build context is assembled as {@code docker build .}
 * sends it (the files {@code .dockerignore} lets in), then every stage of the Dockerfile is built from it by
 * {@link LocalImageBuild}: the build stage's RUN lines ({@code ./mvnw -B ...} with the context's own wrapper, in a
 * temporary folder, so nothing of this worktree's target/ is used), the layers stage's jar extraction, and the final
 * stage's COPY lines (the layers in the Dockerfile's order, routes/) and its AOT cache training run. Every stage runs
 * with a JDK of this machine of the Java version its base image names (JDK_IMAGE, JRE_IMAGE; {@link ImageJdk}: the
 * test fails when there is none). The final stage's system RUN lines (installing Tesseract with apt-get, adding the
 * docflow user) cannot run here and are skipped, and only those. The dev overlay's ConfigMap files go where the
 * Deployment mounts them, and docflow is started in the final stage's WORKDIR with its ENTRYPOINT (on the image's
 * Java) and ENV, the Deployment's env and profile on top, against the local AWS services started in this JVM. It
 * must start from the AOT cache, become ready, process a document in a parser worker, log JSON lines and export
 * every metric the dashboard and the alerts query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageIT {

    private static final Path PROJECT = Path.of("");
    private static final String MAIN = "io.docflow.DocflowApplication";
    private static final Set<String> FINAL = Set.of("COMPLETED", "NEEDS_REVIEW", "FAILED");
    /** The final stage's RUN lines that need the base image's package manager and user database. */
    private static final Predicate<String> SYSTEM_COMMAND = run -> run.startsWith("apt-get ") || run.startsWith("groupadd ");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Dockerfile dockerfile = Dockerfile.read(PROJECT.resolve("Dockerfile"));
    private Path work;
    private LocalImageBuild build;
    private LocalImageBuild.BuiltStage image;
    private Path app;
    private Path stdout;
    private Path stderr;
    private Path jvmLog;
    private Path workerLogs;
    private LocalAws aws;
    private LocalClients clients;
    private DocflowProperties config;
    private Process docflow;
    private int port;
    private Map<String, AttributeValue> job;

    @BeforeAll
    void buildTheImageAndStartItInLocalMode() throws Exception {
        work = Files.createTempDirectory("docflow-image-");
        Path context = work.resolve("context");
        BuildContext.of(PROJECT.toAbsolutePath()).copyTo(context);
        build = new LocalImageBuild(dockerfile, context, Files.createDirectories(work.resolve("stages")),
                baseImageEnvironment(), SYSTEM_COMMAND, ImageJdk::home);
        long started = System.nanoTime();
        image = build.build();
        System.out.printf("ContainerImageIT: image stages built in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        app = image.workdir();
        String workdir = image.stage().workdir();

        // The dev overlay: the ConfigMap mounted where the Deployment mounts it, its env and profile.
        var objects = Manifests.render("overlays/dev");
        Map<String, Object> deployment = only(objects, "Deployment");
        Map<String, Object> container = container(deployment);
        String mountPath = list(container, "volumeMounts").stream().filter(m -> "config".equals(m.get("name")))
                .map(m -> String.valueOf(m.get("mountPath"))).findFirst().orElseThrow();
        assertThat(mountPath).startsWith(workdir + "/");
        Path configDir = app.resolve(mountPath.substring(workdir.length() + 1));
        Files.createDirectories(configDir);
        for (var file : KubernetesManifestsTest.configMap(objects).entrySet()) {
            Files.writeString(configDir.resolve(file.getKey()), file.getValue());
        }
        config = KubernetesManifestsTest.configuration(objects);

        aws = LocalAws.start(LocalPorts.free());
        clients = new LocalClients(aws);
        new LocalProvisioner(aws, clients).provision(config);

        // The image's ENV, then the Deployment's env over it; /tmp (the pod's emptyDir) is a folder of this test's.
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.remove("CLASSPATH");
        environment.remove("JAVA_TOOL_OPTIONS");
        image.env().forEach((name, value) -> environment.put(name, value.replace("=/tmp", "=" + tmp)));
        list(container, "env").forEach(e -> environment.put(String.valueOf(e.get("name")),
                String.valueOf(e.get("value")).replace("=/tmp", "=" + tmp)));
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        port = freePort();
        List<String> command = new ArrayList<>(image.stage().entrypoint().orElseThrow());
        assertThat(command.get(0)).as("the entry point runs the JRE's java").isEqualTo("java");
        command.set(0, image.java().toString());
        // logging only: whether the JVM opened the AOT cache, and where each class came from
        jvmLog = work.resolve("jvm-aot.log");
        command.add(1, "-Xlog:aot,class+load:file=" + jvmLog);
        // the parser workers get JAVA_TOOL_OPTIONS (and the cache) from the environment; %p is each one's pid
        workerLogs = Files.createDirectories(work.resolve("workers"));
        command.addAll(List.of(
                "--docflow.extract.isolation.jvm-options=-Xlog:aot:file=" + workerLogs.resolve("aot-%p.log"),
                "--server.port=" + port,
                "--docflow.aws.region=" + LocalAws.REGION,
                "--docflow.aws.s3-path-style=true",
                "--docflow.aws.endpoints.s3=" + aws.s3Endpoint(),
                "--docflow.aws.endpoints.sqs=" + aws.sqsEndpoint(),
                "--docflow.aws.endpoints.dynamodb=" + aws.dynamoDbEndpoint(),
                "--docflow.aws.endpoints.sns=" + aws.snsEndpoint(),
                "--docflow.aws.endpoints.eventbridge=" + aws.eventBridgeEndpoint(),
                "--docflow.aws.endpoints.bedrock-runtime=" + aws.bedrockEndpoint(),
                "--docflow.ingest.wait-time-seconds=1"));
        // the local issuer in place of the overlay's Cognito user pool
        io.docflow.local.LocalAwsInitializer.securityProperties(aws).forEach((key, value) -> command.add("--" + key + "=" + value));
        stdout = work.resolve("stdout.log");
        stderr = work.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        docflow = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(docflow::destroyForcibly));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!docflow.isAlive()) {
                throw new AssertionError("docflow exited with " + docflow.exitValue() + ":\n" + tail(stdout) + tail(stderr));
            }
            return get("/actuator/health/readiness").statusCode() == 200;
        });

        String key = "it/invoice-" + System.nanoTime() + ".txt";
        clients.s3().putObject(b -> b.bucket(config.buckets().input()).key(key).contentType("text/plain"),
                RequestBody.fromString("""
                        INVOICE
                        Invoice number: INV-2026-0042
                        Invoice date: 2026-03-01
                        Seller: Example Supplies Ltd
                        Bill to: Example Customer GmbH
                        Total amount due: 1,250.00 EUR
                        """));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            job = clients.dynamoDb().scan(b -> b.tableName(config.jobs().table())).items().stream()
                    .filter(i -> i.containsKey("key") && key.equals(i.get("key").s()))
                    .filter(i -> i.containsKey("status") && FINAL.contains(i.get("status").s()))
                    .findFirst().orElse(null);
            return job != null;
        });
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (docflow != null) {
                docflow.destroy();
                boolean stopped = docflow.waitFor(2, TimeUnit.MINUTES);
                if (!stopped) {
                    docflow.destroyForcibly();
                }
                assertThat(stopped).as("docflow stops on SIGTERM within its drain time").isTrue();
            }
        } finally {
            if (clients != null) {
                clients.close();
            }
            if (aws != null) {
                aws.close();
            }
            if (work != null) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void theDockerfileCopiesEveryLayerTheJarHas() throws IOException {
        List<Copy> layers = image.stage().copies().stream().filter(c -> c.from().isPresent()).toList();
        assertThat(layers).as("the final stage's COPY --from lines").isNotEmpty()
                .allSatisfy(c -> assertThat(c.sources()).hasSize(1));
        Set<Path> extractedFolders = layers.stream().map(c -> Path.of(c.sources().get(0)).getParent()).collect(Collectors.toSet());
        assertThat(extractedFolders).as("the layers come from one folder").hasSize(1);
        Path extracted = build.built(layers.get(0).from().orElseThrow()).root()
                .resolve(extractedFolders.iterator().next().toString().substring(1));
        try (Stream<Path> folders = Files.list(extracted)) {
            assertThat(folders.map(p -> p.getFileName().toString()).toList()).as("the layers the jar was split into")
                    .containsExactlyInAnyOrderElementsOf(layers.stream()
                            .map(c -> Path.of(c.sources().get(0)).getFileName().toString()).toList());
        }
        assertThat(app.resolve("app.jar")).exists();
        assertThat(app.resolve("lib")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("spring-boot-3."));
        try (var jar = new java.util.jar.JarFile(app.resolve("app.jar").toFile())) {
            assertThat(jar.getEntry("application.yaml")).isNotNull();
            assertThat(jar.getEntry("legacy/legacy.xsd")).as("the published legacy schema").isNotNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).contains("lib/");
        }
        assertThat(app.resolve("docflow.aot")).as("the AOT cache of the training run").isNotEmptyFile();
        assertThat(app.resolve("routes/ingest.camel.yaml")).exists();
        assertThat(image.stage().copies()).contains(new Copy(Optional.empty(), List.of("routes/"), "routes/"));
        assertThat(image.stage().entrypoint()).contains(List.of("java", "-cp", "app.jar", MAIN));
        assertThat(image.stage().last("USER")).contains("10001:10001");
        assertThat(image.env().get("JAVA_TOOL_OPTIONS"))
                .isEqualTo(env(container(only(Manifests.render("overlays/dev"), "Deployment")), "JAVA_TOOL_OPTIONS").orElseThrow());
    }

    @Test
    void onlyTheFinalStagesSystemCommandsAreSkipped() {
        List<String> finalRuns = dockerfile.finalStage().runs();
        assertThat(finalRuns).as("the final stage installs Tesseract, adds the docflow user and writes the AOT cache")
                .hasSize(3);
        assertThat(build.skippedRuns()).isEqualTo(finalRuns.subList(0, 2));
    }

    @Test
    void everyStageRunsOnTheJavaItsBaseImageNamesAndDocflowStartsOnIt() throws IOException {
        for (Stage stage : dockerfile.stages()) {
            int version = Dockerfile.javaVersion(dockerfile.baseImage(stage));
            Path javaHome = stage.name().map(build::built).map(LocalImageBuild.BuiltStage::javaHome).orElse(image.javaHome());
            assertThat(ImageJdk.version(javaHome)).as("the JDK standing for %s", dockerfile.baseImage(stage)).isEqualTo(version);
        }
        int version = Dockerfile.javaVersion(dockerfile.baseImage(dockerfile.finalStage()));
        assertThat(Files.readAllLines(stdout)).as("Spring's start line names the Java it runs on")
                .anyMatch(line -> line.contains("Starting DocflowApplication") && line.contains("using Java " + version + "."));
    }

    @Test
    void docflowStartsFromTheTrainingRunsAotCache() throws IOException {
        String log = Files.readString(jvmLog);
        assertThat(log).as("the JVM's -Xlog:aot output").contains("Opened AOT cache docflow.aot")
                .contains("Using AOT-linked classes: true").doesNotContain("Unable to map shared spaces");
        List<String> loaded = log.lines().filter(l -> l.contains("[class,load]")).toList();
        long fromCache = loaded.stream().filter(l -> l.endsWith("source: shared objects file")).count();
        System.out.printf("ContainerImageIT: %d of %d classes loaded from the AOT cache%n", fromCache, loaded.size());
        assertThat(loaded).as("docflow's main class comes from the cache")
                .anyMatch(l -> l.contains(" " + MAIN + " source: shared objects file"));
        // the training stops at the context's refresh: Camel's routes, Tomcat's start and the first document load
        // classes of their own, the rest (most of the start) comes from the cache
        assertThat(fromCache).as("classes from the AOT cache, of %d loaded", loaded.size()).isGreaterThan(loaded.size() / 2);
    }

    @Test
    void theParserWorkersStartWithTheImagesJavaToolOptionsAndParse() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(workerLogs)) {
            logs = files.toList();
        }
        assertThat(logs).as("a parser worker's JVM log").isNotEmpty();
        for (Path worker : logs) {
            // another main class on the same class path: the cache fits (the training built Tika's parsers for them)
            assertThat(Files.readString(worker)).as(worker.toString()).contains("Opened AOT cache docflow.aot")
                    .contains("Using AOT-linked classes: true");
        }
        assertThat(job.get("status").s()).as("the document was parsed (in a worker): %s", job).isNotEqualTo("FAILED");
    }

    @Test
    void livenessAndReadinessAreUpAndReadinessChecksSqsAndDynamoDb() throws Exception {
        JsonNode readiness = json.readTree(get("/actuator/health/readiness").body());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("sqs").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("dynamoDb").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("sqs").path("details").path("queue").asText())
                .isEqualTo(config.queues().ingest());

        JsonNode liveness = json.readTree(get("/actuator/health/liveness").body());
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").has("sqs")).as("liveness never depends on AWS").isFalse();
    }

    @Test
    void aDocumentPutIntoTheInputBucketIsProcessedWithTheOverlaysNames() {
        assertThat(job.get("status").s()).isIn(FINAL);
        assertThat(job.get("bucket").s()).isEqualTo(config.buckets().input()).startsWith("docflow-dev-");
        if (!"FAILED".equals(job.get("status").s())) {
            assertThat(clients.s3().listObjectsV2(b -> b.bucket(config.buckets().results()).prefix("results/"))
                    .contents()).isNotEmpty();
        }
    }

    @Test
    void logsAreOneJsonObjectPerLine() throws IOException {
        List<String> lines = Files.readAllLines(stdout).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.has("@timestamp")).as(line).isTrue();
            assertThat(entry.has("message")).as(line).isTrue();
            assertThat(text(entry, "service", "name")).as(line).isEqualTo("docflow");
        }
        String jobId = job.get("jobId").s();
        List<JsonNode> jobLines = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            if (entry.path("message").asText().contains(jobId)) {
                jobLines.add(entry);
            }
        }
        assertThat(jobLines).as("the job's lines").isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.path("jobId").asText()).as(entry.toString()).isEqualTo(jobId);
            assertThat(entry.path("traceId").asText()).as(entry.toString()).matches("[0-9a-f]{32}");
        });
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExported() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(scrape(), "docflow_documents_total") >= 1);
        String scrape = scrape();
        Set<String> exported = exportedNames(scrape);
        assertThat(exported).contains("docflow_documents_total", "docflow_model_tokens_total",
                "docflow_model_latency_seconds_bucket", "docflow_stage_duration_seconds_bucket", "docflow_queue_messages",
                "docflow_model_cost_usd_total", "docflow_model_retries_total", "docflow_model_breaker_state",
                "camel_exchanges_inflight");
        assertThat(sum(scrape, "docflow_model_tokens_total")).isPositive();

        Map<String, Set<String>> queried = new LinkedHashMap<>();
        JsonNode dashboard = json.readTree(Manifests.read(Path.of("k8s/monitoring/docflow-dashboard.json")));
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queried.put("panel '" + panel.path("title").asText() + "': " + target.path("expr").asText(),
                        PromQl.metricNames(target.path("expr").asText()));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                String query = variable.path("definition").asText();
                queried.put("variable " + variable.path("name").asText(), PromQl.metricNames(query));
            }
        }
        var rule = Manifests.parseAll(Manifests.read(Path.of("k8s/monitoring/prometheusrule.yaml"))).get(0);
        for (var group : list(map(rule, "spec"), "groups")) {
            for (var alert : list(group, "rules")) {
                queried.put("alert " + alert.get("alert"), PromQl.metricNames(String.valueOf(alert.get("expr"))));
            }
        }
        assertThat(queried).hasSizeGreaterThan(10);
        queried.forEach((where, names) -> assertThat(names).as("metrics of %s", where).isNotEmpty()
                .allSatisfy(name -> assertThat(exported).as("%s queries %s", where, name).contains(name)));
    }

    private static String text(JsonNode entry, String... path) {
        JsonNode flat = entry.path(String.join(".", path));
        if (!flat.isMissingNode()) {
            return flat.asText();
        }
        JsonNode nested = entry;
        for (String key : path) {
            nested = nested.path(key);
        }
        return nested.asText();
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static Set<String> exportedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    static double sum(String scrape, String metric) {
        Matcher samples = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(?:\\{[^}]*})? (\\S+)").matcher(scrape);
        double sum = 0;
        while (samples.find()) {
            sum += Double.parseDouble(samples.group(1));
        }
        return sum;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            return new FailedResponse(path);
        }
    }

    /**
     * What the RUN lines see besides the stage's ENV and JDK (LocalImageBuild puts that first on the PATH), standing
     * for the base image's: nothing of the Maven build running this test.
     */
    private static Map<String, String> baseImageEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("MAVEN_") || name.equals("CLASSPATH")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JAVA_HOME"));
        return environment;
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n";
        } catch (IOException e) {
            return "(cannot read " + file + ")\n";
        }
    }

    /** "Not listening yet", as a response, so polling can go on. */
    private record FailedResponse(String path) implements HttpResponse<String> {
        public int statusCode() { return -1; }
        public HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return URI.create("http://127.0.0.1" + path); }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
