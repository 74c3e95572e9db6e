package io.docflow.frontdoor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real AWS CLI, pointed at one local service the way the README shows it: any credentials, the local region, no
 * profile or configuration of the machine's user.
 */
final class AwsCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final Path workDir;

    AwsCli(String region, Path workDir) {
        this.region = region;
        this.workDir = workDir;
    }

    /** Runs {@code aws --endpoint-url <endpoint> <args>} and answers its standard output; fails on a non-zero exit. */
    String run(String endpoint, String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        var env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_CONFIG_FILE", workDir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("no-aws-credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Path errors = workDir.resolve("aws-stderr.txt");
        builder.redirectError(errors.toFile());
        try {
            Process aws = builder.start();
            String out = new String(aws.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!aws.waitFor(5, TimeUnit.MINUTES)) {
                aws.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
            }
            if (aws.exitValue() != 0) {
                String err = java.nio.file.Files.readString(errors);
                throw new AssertionError(String.join(" ", command) + " exited with " + aws.exitValue() + ":\n" + err + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("The AWS CLI (aws) is needed: the README's test command (./mvnw -B verify, through scripts/test-prerequisites.sh) installs it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String endpoint, String... args) {
        try {
            return JSON.readTree(run(endpoint, args));
        } catch (IOException e) {
            throw new AssertionError("aws " + String.join(" ", args) + " did not answer JSON", e);
        }
    }
}
