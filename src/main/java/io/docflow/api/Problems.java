package io.docflow.api;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * docflow's RFC 9457 problem details. Every error body of the service is {@code application/problem+json} with
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (the request's path) and {@code code},
 * a stable snake_case name programs can switch on. docflow's own problems have the type
 * {@code urn:docflow:problem:<code>}; plain HTTP errors (unknown path, wrong method or content type, a parameter that
 * does not convert, an unexpected failure) keep {@code about:blank} with the status's reason phrase as title. The
 * codes are listed in docs/api.md and docs/openapi.yaml.
 */
final class Problems {

    static final String TYPE_PREFIX = "urn:docflow:problem:";
    static final String CODE = "code";

    private Problems() {
    }

    /** A problem of docflow's own. */
    static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        problem.setProperty(CODE, code);
        return problem;
    }

    /** The code of a plain HTTP error: its reason phrase in snake case ("method_not_allowed"). */
    static String httpCode(HttpStatusCode status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
        return known == null ? "http_" + status.value() : known.name().toLowerCase(java.util.Locale.ROOT);
    }
}
