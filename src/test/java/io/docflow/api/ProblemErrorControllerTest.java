package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The container's error page: what never reached a handler is a problem too, and a 500 shows no cause. */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void aContainerErrorIsAProblemOfItsStatus() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/jobs");

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getInstance()).isEqualTo(URI.create("/api/v1/jobs"));
        assertThat(response.getBody().getProperties()).containsEntry("code", "bad_request");
    }

    @Test
    void aFailureOutsideTheHandlersIsA500WithoutItsMessage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret"));

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody().getDetail()).doesNotContain("secret");
        assertThat(response.getBody().getProperties()).containsEntry("code", "internal_error");
    }
}
