package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.JobFixtures;
import io.docflow.jobs.JobStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import io.docflow.local.ApiTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The job API over HTTP against the local AWS services through the real SDK: listing newest first, each filter,
 * paging with the cursor, the extracted text, and every error as problem+json.
 */
@JobsApiContext
@ExtendWith(OutputCaptureExtension.class)
class JobsApiTest {

    /** Job i is created this many days before the tests' base time (two jobs a day, days without jobs between). */
    private static final int[] DAYS_AGO = {9, 9, 7, 7, 6, 6, 4, 4, 2, 2, 1, 1};
    private static final List<String> ids = new ArrayList<>();
    private static Instant base;

    @Autowired TestRestTemplate http;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired S3Client s3;
    @Autowired DocflowProperties config;

    /** As an admin: the tests read, upload and redrive (docs/security.md). */
    @BeforeEach
    void signIn() {
        http = ApiTokens.as(http, ApiTokens.token("admin", "jobs-api-test"));
    }

    @BeforeEach
    void jobs() {
        synchronized (ids) {
            if (!ids.isEmpty()) {
                return;
            }
            base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
            JobFixtures fixtures = new JobFixtures(dynamoDb, config.jobs().table());
            for (int i = 0; i < DAYS_AGO.length; i++) {
                JobStatus status = i == 11 ? JobStatus.QUEUED : i == 4 ? JobStatus.NEEDS_REVIEW
                        : i % 3 == 0 ? JobStatus.FAILED : JobStatus.COMPLETED;
                FailureReason reason = status == JobStatus.FAILED ? FailureReason.CORRUPT_DOCUMENT
                        : status == JobStatus.NEEDS_REVIEW ? FailureReason.FIELDS_NEED_REVIEW : null;
                ids.add(fixtures.job(config.buckets().input(), (i % 2 == 0 ? "scans/" : "uploads/") + "doc-" + i + ".pdf",
                        created(i), status, i % 4 == 0 ? "receipt" : "invoice", reason));
            }
        }
    }

    private static Instant created(int i) {
        return base.minus(Duration.ofDays(DAYS_AGO[i])).plus(Duration.ofMinutes(i % 2 * 30));
    }

    @Test
    void allJobsComeNewestFirstWithTheirSummary() {
        ResponseEntity<JsonNode> page = http.getForEntity("/api/v1/jobs?limit=50", JsonNode.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(ours(jobIds(page.getBody()))).isEqualTo(jobs(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
        assertThat(page.getBody().get("nextCursor").isNull()).isTrue();
        JsonNode review = page.getBody().at("/jobs/" + jobIds(page.getBody()).indexOf(ids.get(4)));
        assertThat(review.get("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(review.get("documentClass").asText()).isEqualTo("receipt");
        assertThat(review.get("reason").asText()).isEqualTo("FIELDS_NEED_REVIEW");
        assertThat(review.at("/source/key").asText()).isEqualTo("scans/doc-4.pdf");
        assertThat(review.get("createdAt").asText()).isEqualTo(created(4).toString());
    }

    @Test
    void eachFilterNarrowsTheList() {
        assertThat(list("status=FAILED")).isEqualTo(jobs(9, 6, 3, 0));
        assertThat(list("status=needs_review")).isEqualTo(jobs(4));
        assertThat(list("class=receipt")).isEqualTo(jobs(8, 4, 0));
        assertThat(list("sourcePrefix=uploads/")).isEqualTo(jobs(11, 9, 7, 5, 3, 1));
        assertThat(list("reason=CORRUPT_DOCUMENT")).isEqualTo(jobs(9, 6, 3, 0));
        assertThat(list("status=FAILED&class=invoice&sourcePrefix=uploads/")).isEqualTo(jobs(9, 3));
    }

    @Test
    void theTimeRangeIncludesFromAndExcludesTo() {
        String from = created(2).toString();
        String to = created(8).toString();

        assertThat(list("from=" + from + "&to=" + to)).isEqualTo(jobs(7, 6, 5, 4, 3, 2));
        assertThat(list("status=FAILED&from=" + from + "&to=" + to)).isEqualTo(jobs(6, 3));
        assertThat(list("from=" + created(9))).isEqualTo(jobs(11, 10, 9));
        assertThat(list("to=" + created(2))).isEqualTo(jobs(1, 0));
    }

    @Test
    void pagesFollowTheCursorWithoutDuplicatesOrGaps() {
        for (String filter : List.of("", "&status=COMPLETED", "&class=invoice", "&sourcePrefix=scans/")) {
            List<String> all = list(filter.isEmpty() ? "" : filter.substring(1));
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = http.getForObject("/api/v1/jobs?limit=2" + filter + (cursor == null ? "" : "&cursor=" + cursor),
                        JsonNode.class);
                assertThat(page.get("jobs").size()).as("page %d of %s", pages, filter).isLessThanOrEqualTo(2);
                paged.addAll(jobIds(page));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
                pages++;
            } while (cursor != null && pages < 50);

            assertThat(all.size()).as(filter).isGreaterThan(2);
            assertThat(paged).as(filter).doesNotHaveDuplicates();
            assertThat(ours(paged)).as(filter).isEqualTo(all);
        }
    }

    @Test
    void aBadCursorIsABadRequestProblem() {
        assertProblem(http.getForEntity("/api/v1/jobs?cursor=bm90LWEtY3Vyc29y", JsonNode.class), 400, "invalid_cursor")
                .satisfies(p -> assertThat(p.get("parameter").asText()).isEqualTo("cursor"));
        String cursor = http.getForObject("/api/v1/jobs?limit=2", JsonNode.class).get("nextCursor").asText();
        assertProblem(http.getForEntity("/api/v1/jobs?status=FAILED&cursor=" + cursor, JsonNode.class), 400, "invalid_cursor")
                .satisfies(p -> assertThat(p.get("detail").asText()).contains("another search"));
    }

    @Test
    void badParametersAreBadRequestProblemsNamingTheParameter() {
        assertProblem(http.getForEntity("/api/v1/jobs?stauts=FAILED", JsonNode.class), 400, "invalid_parameter")
                .satisfies(p -> assertThat(p.get("parameter").asText()).isEqualTo("stauts"));
        assertProblem(http.getForEntity("/api/v1/jobs?status=DONE", JsonNode.class), 400, "invalid_parameter")
                .satisfies(p -> assertThat(p.get("detail").asText()).contains("QUEUED, PROCESSING, COMPLETED, NEEDS_REVIEW, FAILED"));
        assertProblem(http.getForEntity("/api/v1/jobs?limit=many", JsonNode.class), 400, "invalid_parameter")
                .satisfies(p -> assertThat(p.get("parameter").asText()).isEqualTo("limit"));
        assertProblem(http.getForEntity("/api/v1/jobs?limit=0", JsonNode.class), 400, "invalid_parameter");
        assertProblem(http.getForEntity("/api/v1/jobs?from=yesterday", JsonNode.class), 400, "invalid_parameter");
        assertProblem(http.getForEntity("/api/v1/jobs?from=2026-12-03&to=2026-12-01", JsonNode.class), 400, "invalid_parameter");
        assertProblem(http.getForEntity("/api/v1/admin/dlq/redrive?max=0", JsonNode.class), 405, "method_not_allowed");
        assertProblem(http.postForEntity("/api/v1/admin/dlq/redrive?max=0", null, JsonNode.class), 400, "bad_request");
    }

    @Test
    void theExtractedTextIsPlainUtf8() {
        String jobId = ids.get(1);
        String text = "Rechnung Nr. 4711\nMärz 2026 — Summe 12,00 €\n";
        s3.putObject(b -> b.bucket(config.buckets().results()).key("text/" + jobId + ".txt").contentType("text/plain"),
                RequestBody.fromString(text, StandardCharsets.UTF_8));

        ResponseEntity<byte[]> response = http.getForEntity("/api/v1/jobs/" + jobId + "/text", byte[].class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void noTextOrNoJobIsANotFoundProblemWhateverTheClientAccepts() {
        assertProblem(http.getForEntity("/api/v1/jobs/" + ids.get(0) + "/text", JsonNode.class), 404, "text_not_found")
                .satisfies(p -> assertThat(p.get("jobId").asText()).isEqualTo(ids.get(0)))
                .satisfies(p -> assertThat(p.get("jobStatus").asText()).isEqualTo("FAILED"));
        String unknown = UUID.randomUUID().toString();
        HttpHeaders plain = new HttpHeaders();
        plain.setAccept(List.of(MediaType.TEXT_PLAIN));
        ResponseEntity<String> missing = http.exchange("/api/v1/jobs/" + unknown + "/text", HttpMethod.GET,
                new HttpEntity<>(plain), String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing.getBody()).contains("\"code\":\"job_not_found\"", unknown);
    }

    @Test
    void aQueuedJobsResultIsAConflictProblem() {
        assertProblem(http.getForEntity("/api/v1/jobs/" + ids.get(11) + "/result", JsonNode.class), 409, "result_not_ready")
                .satisfies(p -> assertThat(p.get("jobStatus").asText()).isEqualTo("QUEUED"))
                .satisfies(p -> assertThat(p.get("instance").asText()).isEqualTo("/api/v1/jobs/" + ids.get(11) + "/result"));
    }

    @Test
    void anUnexpectedFailureIsA500ProblemThatShowsNoCauseAndIsLogged(CapturedOutput log) {
        // a finished job whose result object is missing from the bucket: S3 answers NoSuchKey, which nobody expects
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/jobs/" + ids.get(1) + "/result", JsonNode.class);

        assertProblem(response, 500, "internal_error")
                .satisfies(p -> assertThat(p.toString()).doesNotContain("NoSuchKey", "Exception", "at io.docflow"));
        String errorId = response.getBody().get("errorId").asText();
        assertThat(log.getOut()).contains("Unexpected error " + errorId + " answering GET /api/v1/jobs/" + ids.get(1) + "/result")
                .contains("NoSuchKeyException");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        assertProblem(http.getForEntity("/api/v1/nothing-here", JsonNode.class), 404, "not_found")
                .satisfies(p -> assertThat(p.get("type").asText()).isEqualTo("about:blank"))
                .satisfies(p -> assertThat(p.get("title").asText()).isEqualTo("Not Found"))
                .satisfies(p -> assertThat(p.get("instance").asText()).isEqualTo("/api/v1/nothing-here"));
        assertProblem(http.getForEntity("/nowhere", JsonNode.class), 404, "not_found");
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblemListingTheAllowedOnes() {
        ResponseEntity<JsonNode> response = http.exchange("/api/v1/jobs", HttpMethod.DELETE, null, JsonNode.class);

        assertProblem(response, 405, "method_not_allowed");
        assertThat(response.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
    }

    @Test
    void aWrongContentTypeIsAnUnsupportedMediaTypeProblem() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);

        ResponseEntity<JsonNode> response = http.postForEntity("/api/v1/documents", new HttpEntity<>("hello", headers), JsonNode.class);

        assertProblem(response, 415, "unsupported_media_type");
        assertThat(response.getHeaders().getAccept()).contains(MediaType.MULTIPART_FORM_DATA);
    }

    @Test
    void anUploadWithoutItsFileNamesThePart() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("other", "x");

        assertProblem(http.postForEntity("/api/v1/documents", new HttpEntity<>(body, headers), JsonNode.class), 400, "file_missing")
                .satisfies(p -> assertThat(p.get("detail").asText()).contains("'file'"));
    }

    private List<String> list(String query) {
        ResponseEntity<JsonNode> page = http.getForEntity("/api/v1/jobs?limit=50" + (query.isEmpty() ? "" : "&" + query), JsonNode.class);
        assertThat(page.getStatusCode().value()).as("%s: %s", query, page.getBody()).isEqualTo(200);
        assertThat(page.getBody().get("nextCursor").isNull()).as(query).isTrue();
        return ours(jobIds(page.getBody()));
    }

    /** The jobs this class wrote: the context's table is OpenApiDocumentTest's too, whose job may be listed as well. */
    private static List<String> ours(List<String> listed) {
        return listed.stream().filter(ids::contains).toList();
    }

    private static List<String> jobIds(JsonNode page) {
        List<String> jobIds = new ArrayList<>();
        page.get("jobs").forEach(job -> jobIds.add(job.get("jobId").asText()));
        return jobIds;
    }

    private static List<String> jobs(int... indexes) {
        return IntStream.of(indexes).mapToObj(ids::get).toList();
    }

    static org.assertj.core.api.ObjectAssert<JsonNode> assertProblem(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.hasNonNull("type")).isTrue();
        assertThat(problem.hasNonNull("title")).isTrue();
        assertThat(problem.hasNonNull("detail")).isTrue();
        assertThat(problem.hasNonNull("instance")).isTrue();
        assertThat(problem.has("trace")).isFalse();
        return org.assertj.core.api.Assertions.assertThatObject(problem);
    }
}
