package io.docflow.security;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers to a missing or refused token (401) and to a caller without the role (403), and the body of
 * the upload guard's refusals (413, 429): RFC 9457 {@code application/problem+json} with {@code type}
 * ({@code urn:docflow:problem:<code>}), {@code title}, {@code status}, {@code detail}, {@code instance} (the path) and
 * {@code code}, as every other API error. The {@code WWW-Authenticate} header is RFC 6750's, as Spring sets it.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String TYPE_PREFIX = "urn:docflow:problem:";

    private final ObjectMapper json;
    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    public SecurityProblems(ObjectMapper json) {
        // the mix-in writes the extra members (code, ...) at the top level, as Spring MVC's problem responses have them
        this.json = json.copy().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }

    /** A problem of docflow's own, for {@code instance}. */
    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        String detail = e instanceof InvalidBearerTokenException
                ? "The bearer token was refused: " + e.getMessage()
                : "Send a bearer token (Authorization: Bearer <JWT>) from docflow's issuer; docs/security.md";
        write(response, problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, request.getRequestURI()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your token's roles do not allow " + request.getMethod() + " " + request.getRequestURI()
                        + " (needs " + ApiEndpoints.roleFor(request).groupName() + "); docs/security.md",
                request.getRequestURI()));
    }

    /** Writes {@code problem} as the response, with its status. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
