package io.docflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.docflow.local.ApiTokens;
import io.docflow.local.DocflowTest;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalIssuer;
import io.docflow.pipeline.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API as a resource server, over HTTP against a docflow that trusts the local issuer, through the real JWT
 * validation: no token or a refused one is 401, a role too low is 403, each as RFC 9457 problem+json; roles include
 * the ones below them; the probes and the scrape stay open; uploads are sniffed (415), size-checked before the body
 * is read (413) and rate-limited per caller (429 with Retry-After).
 */
@DocflowTest
class SecurityApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};

    @LocalServerPort int port;
    @Autowired SecurityProperties security;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalIssuer issuer = LocalAwsInitializer.sharedServices().issuer();

    @Test
    void withoutATokenTheApiAnswers401AsAProblem() throws Exception {
        String path = "/api/v1/jobs/" + UUID.randomUUID();
        HttpResponse<String> response = send(get(path, null));

        assertProblem(response, 401, "unauthorized", path);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(response).get("detail").asText()).contains("Authorization: Bearer");
    }

    @Test
    void tokensOfAnotherKeyAudienceOrTimeAreRefusedWith401() throws Exception {
        String path = "/api/v1/jobs/" + UUID.randomUUID();
        String forged = LocalIssuer.sign(LocalIssuer.newKey(), new JWTClaimsSet.Builder().issuer(issuer.issuer().toString())
                .subject("mallory").audience(LocalIssuer.CLIENT_ID).claim("cognito:groups", List.of("admin"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000)).build());
        String otherAudience = issuer.token("eve", List.of("admin"), "another-app", Duration.ofMinutes(10));
        String expired = issuer.token("old", List.of("admin"), LocalIssuer.CLIENT_ID, Duration.ofMinutes(-10));

        for (String token : List.of(forged, otherAudience, expired, "not-a-jwt")) {
            HttpResponse<String> response = send(get(path, token));
            assertProblem(response, 401, "unauthorized", path);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
            assertThat(json(response).get("detail").asText()).startsWith("The bearer token was refused");
        }
    }

    @Test
    void aViewerCannotRedriveTheDeadLetterQueue() throws Exception {
        String path = "/api/v1/admin/dlq/redrive";
        HttpResponse<String> response = send(post(path, ApiTokens.token("viewer")));

        assertProblem(response, 403, "forbidden", path);
        assertThat(json(response).get("detail").asText()).contains("needs admin");
    }

    @Test
    void aReviewerCannotRedriveEither_anAdminGetsPastTheCheck() throws Exception {
        assertThat(send(post("/api/v1/admin/dlq/redrive?max=0", ApiTokens.token("reviewer"))).statusCode()).isEqualTo(403);
        // max=0 is refused by the controller, so nothing moves on the DLQ the other tests share
        HttpResponse<String> admin = send(post("/api/v1/admin/dlq/redrive?max=0", ApiTokens.token("admin")));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(400);
    }

    @Test
    void aSubmitterUploadsAndAViewerReadsTheJob() throws Exception {
        byte[] pdf = Fixtures.pdfOf(Fixtures.invoiceText("INV-SEC-1", "42.00"));
        HttpResponse<String> accepted = send(upload("invoice.pdf", "application/pdf", pdf,
                ApiTokens.token("submitter", "security-" + UUID.randomUUID())));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String statusUrl = json(accepted).get("statusUrl").asText();

        HttpResponse<String> job = send(get(statusUrl, ApiTokens.token("viewer")));
        assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
        assertThat(json(job).get("jobId").asText()).isEqualTo(json(accepted).get("jobId").asText());
        // admin includes viewer
        assertThat(send(get(statusUrl, ApiTokens.token("admin"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerCannotUpload() throws Exception {
        HttpResponse<String> response = send(upload("invoice.pdf", "application/pdf", "%PDF-1.4\n".getBytes(),
                ApiTokens.token("viewer")));

        assertProblem(response, 403, "forbidden", "/api/v1/documents");
        assertThat(json(response).get("detail").asText()).contains("needs submitter");
    }

    @Test
    void aTokenWithoutAnyDocflowGroupMayDoNothing() throws Exception {
        String token = issuer.token("stranger", List.of("marketing"), LocalIssuer.CLIENT_ID, Duration.ofMinutes(10));

        assertThat(send(get("/api/v1/jobs/" + UUID.randomUUID(), token)).statusCode()).isEqualTo(403);
    }

    @Test
    void probesAndTheScrapeAreOpen_otherActuatorEndpointsAreForAdmins() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            // open means answered without a token: health is 503 until the queue consumers first polled, then 200
            HttpResponse<String> first = send(get(path, null));
            assertThat(first.statusCode()).as(path).isIn(200, 503);
            assertThat(json(first).has("status")).as(path + " answers the health document, not a problem").isTrue();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(250))
                    .until(() -> send(get(path, null)).statusCode() == 200);
        }
        // tests run without metrics export (so no scrape endpoint, 404), but the path is not guarded
        assertThat(send(get("/actuator/prometheus", null)).statusCode()).isNotIn(401, 403);
        assertThat(send(get("/actuator/metrics", null)).statusCode()).isEqualTo(401);
        assertThat(send(get("/actuator/metrics", ApiTokens.token("viewer"))).statusCode()).isEqualTo(403);
        assertThat(send(get("/actuator/metrics", ApiTokens.token("admin"))).statusCode()).isEqualTo(200);
        assertThat(send(get("/v3/api-docs", null)).statusCode()).isEqualTo(200);
    }

    @Test
    void anUploadOfATypeDocflowDoesNotReadIs415NamingTheDetectedType() throws Exception {
        HttpResponse<String> response = send(upload("invoice.pdf", "application/pdf", ELF,
                ApiTokens.token("submitter", "security-" + UUID.randomUUID())));

        assertProblem(response, 415, "unsupported_document_type", "/api/v1/documents");
        assertThat(json(response).get("detectedType").asText()).startsWith("application/x-");
        assertThat(json(response).get("detail").asText()).contains(json(response).get("detectedType").asText());
    }

    @Test
    void anUploadDeclaredLargerThanTheLimitIs413BeforeItsBodyIsSent() throws Exception {
        String token = ApiTokens.token("submitter", "security-" + UUID.randomUUID());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + 200L * 1024 * 1024
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                    .contains("urn:docflow:problem:file_too_large");
        }
    }

    @Test
    void aCallerOverItsUploadRateGets429WithRetryAfter_anotherCallerDoesNot() throws Exception {
        String token = ApiTokens.token("submitter", "security-burst-" + UUID.randomUUID());
        // refused uploads (415) cost as much of the rate as accepted ones, and cost docflow nothing to process; the
        // bucket refills while the burst is sent, so a few more may pass before the first 429
        for (int i = 0; i < security.uploads().burst(); i++) {
            assertThat(send(upload("x.bin", "application/pdf", ELF, token)).statusCode()).isEqualTo(415);
        }
        HttpResponse<String> response = send(upload("x.bin", "application/pdf", ELF, token));
        for (int i = 0; i < security.uploads().burst() && response.statusCode() == 415; i++) {
            response = send(upload("x.bin", "application/pdf", ELF, token));
        }

        assertProblem(response, 429, "too_many_uploads", "/api/v1/documents");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        String other = ApiTokens.token("submitter", "security-other-" + UUID.randomUUID());
        assertThat(send(upload("x.bin", "application/pdf", ELF, other)).statusCode()).isEqualTo(415);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String instance)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:docflow:problem:" + code);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo(instance);
        assertThat(problem.get("code").asText()).isEqualTo(code);
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpRequest post(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpRequest upload(String fileName, String declaredType, byte[] content, String token) {
        String boundary = "security-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/documents")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** The status line, headers and what body arrived before the server closed the connection. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
                if (read.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // whatever came is the answer
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
