package io.docflow.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error of docflow's own API, answered as RFC 9457 problem+json ({@link Problems}): its status, a stable
 * {@code code}, a title per code, the message as {@code detail}, and members naming what it concerns.
 */
abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    ProblemException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** Members beside the standard ones, such as {@code jobId}. */
    Map<String, Object> members() {
        return Map.of();
    }

    ProblemDetail problem() {
        ProblemDetail problem = Problems.of(status, code, title, getMessage());
        members().forEach(problem::setProperty);
        return problem;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
