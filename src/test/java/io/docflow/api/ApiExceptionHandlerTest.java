package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import io.docflow.jobs.InvalidCursorException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Each error as RFC 9457 problem+json with docflow's code; the tests through HTTP are in JobsApiTest. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/documents"),
            new MockHttpServletResponse());

    @Test
    void anUnknownJobIsNotFoundAndNamesTheJob() {
        ResponseEntity<ProblemDetail> response = handler.problem(new JobNotFoundException("j-404"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getType()).isEqualTo(URI.create("urn:docflow:problem:job_not_found"));
        assertThat(problem.getTitle()).isEqualTo("Job not found");
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("No job with id j-404");
        assertThat(problem.getProperties()).containsEntry("code", "job_not_found").containsEntry("jobId", "j-404");
    }

    @Test
    void aJobWithoutAResultYetIsAConflictThatSaysWhereToFollowIt() {
        ResponseEntity<ProblemDetail> response = handler.problem(new ResultNotReadyException("j-1", "PROCESSING"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().getDetail()).isEqualTo("Job j-1 has no result yet; follow /api/v1/jobs/j-1");
        assertThat(response.getBody().getProperties()).containsEntry("code", "result_not_ready")
                .containsEntry("jobId", "j-1").containsEntry("jobStatus", "PROCESSING");
    }

    @Test
    void anIllegalArgumentIsABadRequestSayingWhy() {
        ResponseEntity<ProblemDetail> response = handler.badRequest(new IllegalArgumentException("max must be between 1 and 10000, was 0"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getDetail()).isEqualTo("max must be between 1 and 10000, was 0");
        assertThat(response.getBody().getProperties()).containsEntry("code", "bad_request");
    }

    @Test
    void aBadCursorIsABadRequestNamingTheCursor() {
        ResponseEntity<ProblemDetail> response = handler.invalidCursor(new InvalidCursorException("The cursor is not one this API handed out"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getProperties()).containsEntry("code", "invalid_cursor").containsEntry("parameter", "cursor");
        assertThat(response.getBody().getDetail()).startsWith("The cursor is not one this API handed out");
    }

    @Test
    void aMissingFilePartNamesThePartToSend() throws Exception {
        ResponseEntity<Object> response = handler.handleException(new MissingServletRequestPartException("file"), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getDetail()).isEqualTo("Send the document as the multipart part 'file'");
        assertThat(problem.getProperties()).containsEntry("code", "file_missing");
    }

    @Test
    void anUploadOverTheLimitIsTooLargeAndSaysWhereLargeFilesGo() throws Exception {
        ResponseEntity<Object> response = handler.handleException(new MaxUploadSizeExceededException(10), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "file_too_large");
        assertThat(problem.getDetail()).contains("spring.servlet.multipart.max-file-size", "input bucket");
    }

    @Test
    void springsOwnErrorsKeepTheirHeadersAndGetACode() throws Exception {
        ResponseEntity<Object> response = handler.handleException(
                new HttpRequestMethodNotSupportedException("DELETE", java.util.List.of("GET")), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("code", "method_not_allowed");
    }

    @Test
    void anUnexpectedErrorIsA500ThatShowsNeitherMessageNorStack() {
        ResponseEntity<ProblemDetail> response = handler.unexpected(new IllegalStateException("secret table name"),
                new MockHttpServletRequest("GET", "/api/v1/jobs"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getDetail()).doesNotContain("secret").contains((String) problem.getProperties().get("errorId"));
        assertThat(problem.getProperties()).containsEntry("code", "internal_error").doesNotContainKey("trace");
    }
}
