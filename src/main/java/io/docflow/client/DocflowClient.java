package io.docflow.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A running docflow's HTTP API as its command-line tools use it (bulk ingest, evaluation): upload a document, read
 * its job, read its result (docs/api.md). Any docflow, local or deployed, with a bearer token when its API asks for one.
 */
public final class DocflowClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DocflowClient(URI base, String token) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.token = token;
    }

    public URI base() {
        return base;
    }

    /** Uploads {@code file} (multipart, POST /api/v1/documents) and answers its job id. */
    public String upload(Path file) {
        String boundary = "docflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> response = send(request("api/v1/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        // uploads are rate-limited per caller: over the rate, wait as long as docflow says (Retry-After) and again
        for (int attempt = 0; response.statusCode() == 429 && attempt < 100; attempt++) {
            pause(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
            response = send(request("api/v1/documents")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Uploading " + file + " to " + base + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return read(response).path("jobId").asText();
    }

    /** The job (GET /api/v1/jobs/{id}), or null while docflow does not know it yet. */
    public JsonNode job(String jobId) {
        HttpResponse<String> response = send(request("api/v1/jobs/" + jobId).GET().build());
        if (response.statusCode() == 404) {
            return null;
        }
        return ok(response, "job " + jobId);
    }

    /** The result document, or null when the job has none (409). */
    public JsonNode result(String jobId) {
        HttpResponse<String> response = send(request("api/v1/jobs/" + jobId + "/result").GET().build());
        if (response.statusCode() == 409 || response.statusCode() == 404) {
            return null;
        }
        return ok(response, "result of job " + jobId);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.min(Math.max(seconds, 1), 60)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("docflow at " + base + " did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Reading the " + what + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response);
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON from " + response.uri() + ": " + response.body(), e);
        }
    }
}
