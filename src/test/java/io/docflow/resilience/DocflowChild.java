package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.docflow.DocflowApplication;
import io.docflow.local.LocalAws;

/**
 * docflow as a child JVM on the test's class path, against the test JVM's local AWS services, with its output
 * (stdout and stderr) in a file. Started on a free HTTP port; ready once it logs "Started DocflowApplication".
 */
final class DocflowChild implements AutoCloseable {

    private final Process process;
    private final Path log;

    private DocflowChild(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts docflow with {@code jvmOptions} and {@code settings} (docflow.* and other Spring properties, which
     * override the local endpoints given here) and waits until it has started.
     */
    static DocflowChild start(LocalAws aws, List<String> jvmOptions, Map<String, String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daws.accessKeyId=local", "-Daws.secretAccessKey=local",
                "-cp", System.getProperty("java.class.path"), DocflowApplication.class.getName(),
                "--server.port=0", "--docflow.aws.region=" + LocalAws.REGION, "--docflow.aws.s3-path-style=true",
                "--docflow.aws.endpoints.s3=" + aws.s3Endpoint(), "--docflow.aws.endpoints.sqs=" + aws.sqsEndpoint(),
                "--docflow.aws.endpoints.dynamodb=" + aws.dynamoDbEndpoint(), "--docflow.aws.endpoints.sns=" + aws.snsEndpoint(),
                "--docflow.aws.endpoints.eventbridge=" + aws.eventBridgeEndpoint(),
                "--docflow.aws.endpoints.bedrock-runtime=" + aws.bedrockEndpoint(),
                "--docflow.ingest.wait-time-seconds=1"));
        io.docflow.local.LocalAwsInitializer.securityProperties(aws).forEach((key, value) -> command.add("--" + key + "=" + value));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DocflowChild child = new DocflowChild(process, log);
        // a child JVM starts in ~15 s alone, but took over 60 s on 2 cores shared with other builds
        await().atMost(Duration.ofMinutes(3)).until(() -> !process.isAlive() || child.output().contains("Started DocflowApplication"));
        assertThat(process.isAlive()).as("docflow started; see %s:\n%s", log, child.outputTail(40)).isTrue();
        return child;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or null while the process runs. */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    Path log() {
        return log;
    }

    /** Everything the child has written so far. */
    String output() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String outputTail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
