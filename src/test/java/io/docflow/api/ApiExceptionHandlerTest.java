package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void anUnknownJobIsNotFound() {
        ResponseEntity<ApiError> response = handler.notFound(new JobNotFoundException("j-404"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).isEqualTo(new ApiError("job_not_found", "No job with id j-404"));
    }

    @Test
    void anIllegalArgumentIsABadRequestSayingWhy() {
        ResponseEntity<ApiError> response = handler.badRequest(new IllegalArgumentException("max must be between 1 and 10000, was 0"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).isEqualTo(new ApiError("bad_request", "max must be between 1 and 10000, was 0"));
    }

    @Test
    void aMissingFilePartNamesThePartToSend() {
        ResponseEntity<ApiError> response = handler.missingFile(new MissingServletRequestPartException("file"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).isEqualTo(new ApiError("file_missing", "Send the document as the multipart part 'file'"));
    }

    @Test
    void anUploadOverTheLimitIsTooLargeAndSaysWhereLargeFilesGo() {
        ResponseEntity<ApiError> response = handler.tooLarge(new MaxUploadSizeExceededException(10));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().error()).isEqualTo("file_too_large");
        assertThat(response.getBody().message()).contains("spring.servlet.multipart.max-file-size", "input bucket");
    }
}
