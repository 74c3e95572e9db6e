package io.docflow.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.pipeline.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The front door, used as a newcomer uses it: the README's run command (read from the README) is started in a
 * process group of its own, as a terminal would, on local mode's fixed ports. Once it has written
 * target/docflow-local.json and answers its health check, a real PDF goes into the input bucket with the real AWS
 * CLI and another through {@code POST /api/v1/documents} with the README's curl and the token it reads from
 * target/docflow-local.json; both results are read back (CLI, and the README's curl). A 50 MB file
 * copied with the CLI (in parts, as the CLI does above 8 MB) must make exactly one job and nothing in the
 * dead-letter queue. Last, Ctrl-C (SIGINT to the group) must stop everything: no process and no listening port left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontDoorIT {

    private static final Path INFO = Path.of("target", "docflow-local.json");
    private static final Set<String> FINAL = Set.of("COMPLETED", "NEEDS_REVIEW", "FAILED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Path work;
    private Path log;
    private Process docflow;
    private JsonNode info;
    private AwsCli aws;

    @BeforeAll
    void startTheReadmesRunCommand() throws Exception {
        String command = ReadmeCommands.read().run();
        work = Files.createDirectories(Path.of("target", "front-door").toAbsolutePath());
        log = work.resolve("run-command.log");
        Files.deleteIfExists(INFO);
        // setsid: a process group of its own, like a terminal's foreground job, so SIGINT reaches all of it. perl
        // (Debian's essential perl-base) puts SIGINT back to its default first: a build started in the background
        // (as CI runners may start it) hands its children SIGINT ignored, the JVM honours that, and Ctrl-C would be
        // lost, which no terminal user sees
        docflow = new ProcessBuilder("setsid", "perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!",
                "bash", "-c", command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopIfStillRunning));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!docflow.isAlive()) {
                throw new AssertionError("`" + command + "` exited with " + docflow.exitValue() + ":\n" + tail());
            }
            return Files.exists(INFO) && health() == 200;
        });
        info = JSON.readTree(INFO.toFile());
        aws = new AwsCli(info.get("region").asText(), work);
    }

    @AfterAll
    void stopIfStillRunning() {
        if (docflow != null && docflow.isAlive()) {
            signalGroup("KILL");
        }
    }

    @Test
    @Order(1)
    void aPdfCopiedWithTheAwsCliIsProcessedAndItsResultReadBackWithTheCli() throws Exception {
        String key = "front-door/" + run + "/invoice.pdf";
        Path pdf = work.resolve("invoice-" + run + ".pdf");
        Files.write(pdf, Fixtures.pdfOf(Fixtures.invoiceText("INV-CLI-" + run, "120.00")));

        aws.run(s3(), "s3", "cp", pdf.toString(), "s3://" + bucket("input") + "/" + key);

        JsonNode job = awaitOnlyJobFor(key);
        assertThat(job.at("/status/S").asText()).isEqualTo("COMPLETED");
        String jobId = job.at("/jobId/S").asText();
        JsonNode result = JSON.readTree(aws.run(s3(), "s3", "cp",
                "s3://" + bucket("results") + "/results/" + jobId + ".json", "-"));
        assertThat(result.at("/classification/documentClass").asText()).isEqualTo("invoice");
        assertThat(result.at("/fields/invoiceNumber").asText()).isEqualTo("INV-CLI-" + run);
        assertThat(result.at("/source/receivedVia").asText()).isIn("s3-notification", "eventbridge");
    }

    @Test
    @Order(2)
    void aPdfPostedWithTheReadmesCurlIsProcessedAndItsResultReadBackWithTheReadmesCurl() throws Exception {
        // the README's HTTP examples as written, with the token line before each; only the file and the job id vary
        ReadmeCommands.HttpExamples readme = ReadmeCommands.httpExamples();
        Path pdf = work.resolve("invoice-http-" + run + ".pdf");
        Files.write(pdf, Fixtures.pdfOf(Fixtures.invoiceText("INV-HTTP-" + run, "80.00")));

        JsonNode accepted = JSON.readTree(bash(readme.token() + "\n" + readme.upload().replace("@invoice.pdf", "@" + pdf)));
        String statusUrl = accepted.get("statusUrl").asText();
        String jobId = accepted.get("jobId").asText();

        JsonNode status = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> getJson(statusUrl), s -> FINAL.contains(s.path("status").asText()));
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.get("receivedVia").asText()).isEqualTo("http");
        JsonNode result = JSON.readTree(bash(readme.token() + "\n" + readme.result().replace("<jobId>", jobId)));
        assertThat(result.at("/fields/invoiceNumber").asText()).isEqualTo("INV-HTTP-" + run);
        // and without the token, the API refuses
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(docflowUri(statusUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(3)
    void a50MbFileCopiedInPartsWithTheAwsCliIsOneJobAndNothingInTheDeadLetterQueue() throws Exception {
        String key = "front-door/" + run + "/large.bin";
        Path large = work.resolve("large-" + run + ".bin");
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(50);
        try (var out = Files.newOutputStream(large)) {
            for (int i = 0; i < 50; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }

        aws.run(s3(), "s3", "cp", large.toString(), "s3://" + bucket("input") + "/" + key);

        JsonNode job = awaitOnlyJobFor(key);
        assertThat(job.at("/size/N").asLong()).isEqualTo(50L * chunk.length);
        // random bytes are no document docflow reads: a specific reason, not an error of the pipeline
        assertThat(job.at("/status/S").asText()).isEqualTo("FAILED");
        assertThat(job.at("/reason/S").asText()).isEqualTo("UNSUPPORTED_TYPE");
        // a little longer than the ingest poll, for any second announcement to arrive
        Thread.sleep(3000);
        assertThat(jobsWhere(item -> item.at("/key/S").asText().equals(key))).hasSize(1);
        assertThat(jobsWhere(item -> item.at("/key/S").asText().contains(".s3proxy-mpu-stub-"))).isEmpty();
        String dlqUrl = aws.json(endpoint("sqs"), "sqs", "get-queue-url", "--queue-name",
                info.at("/queues/ingestDlq").asText()).get("QueueUrl").asText();
        JsonNode dlq = aws.json(endpoint("sqs"), "sqs", "get-queue-attributes", "--queue-url", dlqUrl,
                "--attribute-names", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible");
        assertThat(dlq.at("/Attributes/ApproximateNumberOfMessages").asInt()
                + dlq.at("/Attributes/ApproximateNumberOfMessagesNotVisible").asInt()).as("messages in the DLQ").isZero();
        assertThat(Files.readString(log)).doesNotContain(".s3proxy-mpu-stub-");
    }

    @Test
    @Order(4)
    void ctrlCStopsDocflowAndEveryLocalServiceAndFreesEveryPort() throws Exception {
        List<Integer> ports = new ArrayList<>();
        ports.add(URI.create(info.get("docflow").asText()).getPort());
        info.get("endpoints").forEach(endpoint -> ports.add(URI.create(endpoint.asText()).getPort()));
        long group = docflow.pid();

        signalGroup("INT");

        assertThat(docflow.waitFor(2, TimeUnit.MINUTES)).as("the run command ended after Ctrl-C:\n%s", tail()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ProcessGroup.members(group)).as("processes left in the run command's group").isEmpty());
        for (int port : ports) {
            assertThat(listening(port)).as("something still listens on 127.0.0.1:%d", port).isFalse();
        }
    }

    private JsonNode awaitOnlyJobFor(String key) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<JsonNode> jobs = jobsWhere(item -> item.at("/key/S").asText().equals(key));
            assertThat(jobs).as("jobs for %s", key).hasSizeLessThanOrEqualTo(1);
            return jobs.isEmpty() ? null : jobs.get(0);
        }, job -> job != null && FINAL.contains(job.at("/status/S").asText()));
    }

    private List<JsonNode> jobsWhere(java.util.function.Predicate<JsonNode> wanted) {
        List<JsonNode> jobs = new ArrayList<>();
        aws.json(endpoint("dynamodb"), "dynamodb", "scan", "--table-name", info.get("table").asText(), "--output", "json")
                .get("Items").forEach(item -> {
                    if (wanted.test(item)) {
                        jobs.add(item);
                    }
                });
        return jobs;
    }

    private String s3() {
        return endpoint("s3");
    }

    private String endpoint(String service) {
        return info.at("/endpoints/" + service).asText();
    }

    private String bucket(String which) {
        return info.at("/buckets/" + which).asText();
    }

    private URI docflowUri(String path) {
        return URI.create(info.get("docflow").asText() + path);
    }

    /** Runs {@code script} with bash in the project folder, as a reader of the README would; answers its output. */
    private String bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("bash -c %s: %s", script, output).isZero();
        return output;
    }

    /** A GET of the API with local mode's viewer token from target/docflow-local.json. */
    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(docflowUri(path))
                .header("Authorization", "Bearer " + info.at("/tokens/viewer").asText()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int health() {
        try {
            JsonNode local = JSON.readTree(INFO.toFile());
            return http.send(HttpRequest.newBuilder(URI.create(local.get("docflow").asText() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void signalGroup(String signal) {
        if (docflow == null) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + docflow.pid()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
