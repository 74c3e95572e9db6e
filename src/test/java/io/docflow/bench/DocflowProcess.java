package io.docflow.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.DocflowApplication;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalAwsInitializer;

/**
 * docflow as a child JVM against the harness's local AWS services, as it runs in a pod: its own heap, its own
 * HTTP port; ready when {@code /actuator/health/readiness} answers UP. Also used by tests that need a docflow they
 * can kill (io.docflow.resilience.CrashRecoveryTest).
 */
public final class DocflowProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("Started DocflowApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildJvm jvm;
    private final int port;
    private volatile long readyMillis = -1;
    private volatile long readyCpuMillis = -1;

    private boolean training;

    private DocflowProcess(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Starts docflow with {@code settings} (docflow.* and other Spring properties) and waits until it is ready. */
    public static DocflowProcess start(String name, LocalAws aws, Map<String, String> settings, List<String> jvmOptions,
                                       java.nio.file.Path dir) {
        DocflowProcess process = launch(name, aws, settings, jvmOptions, dir);
        // a training run records every class it loads and is slower (over 3 minutes on a busy 2-core machine)
        process.awaitReady(Duration.ofSeconds(process.training ? 600 : 180));
        return process;
    }

    /** Starts docflow as {@link #start} does, without waiting for it: see {@link #awaitReady}. */
    public static DocflowProcess launch(String name, LocalAws aws, Map<String, String> settings, List<String> jvmOptions,
                                        java.nio.file.Path dir) {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", Integer.toString(port));
        all.putAll(LocalAwsInitializer.endpointProperties(aws));
        all.putAll(settings);
        List<String> args = new ArrayList<>();
        all.forEach((key, value) -> args.add("--" + key + "=" + value));
        DocflowProcess process = new DocflowProcess(
                ChildJvm.start(name, DocflowApplication.class.getName(), jvmOptions, args, dir), port);
        process.training = jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-XX:AOTCacheOutput"));
        return process;
    }

    /** Waits until readiness answers UP; fails if the process ends first or {@code timeout} passes. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("docflow " + jvm.name() + " ended during start-up; its log "
                        + jvm.log() + " ends:\n" + jvm.logTail(40));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    readyMillis = (System.nanoTime() - jvm.startedNanos()) / 1_000_000;
                    readyCpuMillis = jvm.cpuMillis();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for docflow", e);
            }
            sleep(50);
        }
        throw new IllegalStateException("docflow " + jvm.name() + " not ready after " + timeout + "; see " + jvm.log());
    }

    /** From starting the JVM to the first readiness answer UP, measured by the harness (50 ms polling). */
    long readyMillis() {
        return readyMillis;
    }

    /** The CPU time docflow's JVM had used when readiness first answered UP (its parser workers not counted). */
    long readyCpuMillis() {
        return readyCpuMillis;
    }

    /** Spring Boot's own "Started DocflowApplication in X seconds (process running for Y)", in ms: [X, Y]. */
    long[] springStartedMillis() {
        Matcher m = STARTED.matcher(jvm.logText());
        if (!m.find()) {
            return new long[] {-1, -1};
        }
        return new long[] {Math.round(Double.parseDouble(m.group(1)) * 1000), Math.round(Double.parseDouble(m.group(2)) * 1000)};
    }

    ChildJvm jvm() {
        return jvm;
    }

    public int port() {
        return port;
    }

    /** The heap in use now (jvm.memory.used, area heap), or -1. */
    long heapUsedBytes() {
        JsonNode metric = metric("jvm.memory.used", "area:heap");
        return metric == null ? -1 : (long) statistic(metric, "VALUE");
    }

    /** COUNT and TOTAL_TIME (seconds) of a timer, e.g. docflow.stage.duration with tag stage:store-result. */
    double[] timer(String name, String tag) {
        JsonNode metric = metric(name, tag);
        return metric == null ? new double[] {0, 0} : new double[] {statistic(metric, "COUNT"), statistic(metric, "TOTAL_TIME")};
    }

    private JsonNode metric(String name, String tag) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/actuator/metrics/" + name
                    + (tag == null ? "" : "?tag=" + tag))).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static double statistic(JsonNode metric, String statistic) {
        for (JsonNode m : metric.path("measurements")) {
            if (statistic.equals(m.path("statistic").asText())) {
                return m.path("value").asDouble();
            }
        }
        return 0;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The process's id, for {@code kill -9}. */
    public long pid() {
        return jvm.pid();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** The child's output (its log file). */
    public java.nio.file.Path log() {
        return jvm.log();
    }

    /** SIGKILL, as a node failure or the OOM killer ends a pod: no shutdown hook, no graceful stop; waits for the end. */
    public void kill() {
        jvm.kill();
    }

    @Override
    public void close() {
        // a training run writes its class data sharing archive or AOT cache when it exits: give it the time
        jvm.stop(Duration.ofSeconds(training ? 180 : 10));
    }
}
