package io.docflow.api;

import java.util.UUID;

import io.docflow.jobs.InvalidCursorException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error the service answers, as RFC 9457 {@code application/problem+json} ({@link Problems}): docflow's own
 * ({@link ProblemException}, such as a job not found or an upload of a type docflow does not read; a bad cursor, a
 * refused argument), Spring MVC's (unknown path, wrong method, wrong
 * content type, a parameter that does not convert, a missing part, an upload over the limit: the
 * {@link ResponseEntityExceptionHandler} part, which keeps their headers such as {@code Allow}), and anything
 * unexpected: logged with its stack trace under an error id, answered as a 500 that shows neither.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return respond(e.problem());
    }

    @ExceptionHandler(InvalidCursorException.class)
    ResponseEntity<ProblemDetail> invalidCursor(InvalidCursorException e) {
        return respond(new InvalidParameterException("invalid_cursor", "Invalid cursor", "cursor",
                e.getMessage() + "; start again without a cursor").problem());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "bad_request", "Bad request", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} answering {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "docflow could not answer this request; its log holds the error under errorId " + errorId);
        problem.setProperty(Problems.CODE, "internal_error");
        problem.setProperty("errorId", errorId);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, "file_missing", "No file",
                "Send the document as the multipart part '" + e.getRequestPartName() + "'"), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a declared length over the limit is refused earlier, by the upload guard (io.docflow.security.UploadGuard)
        return handleExceptionInternal(e, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", "File too large",
                "The upload exceeds " + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes " : "")
                        + "(spring.servlet.multipart.max-file-size / max-request-size); put large files into the input "
                        + "bucket directly"),
                headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String parameter = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return handleExceptionInternal(e, new InvalidParameterException(parameter,
                "Parameter '" + parameter + "' must be " + expected + ", was '" + e.getValue() + "'").problem(),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No endpoint " + e.getHttpMethod() + " /" + e.getResourcePath() + "; the API is described at /v3/api-docs");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Spring MVC's errors: its problem detail, given a code, as problem+json. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CODE)) {
            problem.setProperty(Problems.CODE, Problems.httpCode(response.getStatusCode()));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(response.getHeaders());
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, problemHeaders, response.getStatusCode());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
