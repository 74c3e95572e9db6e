package io.docflow.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards uploads once the caller is known and allowed, before the multipart body is read: a caller over its rate
 * gets 429 with {@code Retry-After} (seconds), a request whose declared length is over
 * {@code spring.servlet.multipart.max-request-size} gets 413 without its body being read. A body sent without a
 * length is cut off by the multipart limits while it is read (413 as well, from the API's exception handling).
 */
final class UploadGuard extends OncePerRequestFilter {

    static final RequestMatcher UPLOADS = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/documents");

    private final CallerRateLimits rates;
    private final DataSize maxRequestSize;
    private final SecurityProblems problems;

    UploadGuard(CallerRateLimits rates, DataSize maxRequestSize, SecurityProblems problems) {
        this.rates = rates;
        this.maxRequestSize = maxRequestSize;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !UPLOADS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String name = caller == null ? "anonymous" : caller.getName();
        Duration wait = rates.take(name);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(response, SecurityProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "too_many_uploads",
                    "Too many uploads", "Caller " + name + " is over its upload rate (docflow.security.uploads); retry in "
                            + seconds + " s", request.getRequestURI()));
            return;
        }
        long length = request.getContentLengthLong();
        if (maxRequestSize != null && maxRequestSize.toBytes() > 0 && length > maxRequestSize.toBytes()) {
            // the connection is closed after the answer, so the unread body is not waited for
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(response, fileTooLarge(length, maxRequestSize, request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }

    static ProblemDetail fileTooLarge(long length, DataSize limit, String instance) {
        return SecurityProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", "File too large",
                "The upload" + (length > 0 ? " (" + length + " bytes)" : "") + " exceeds "
                        + (limit == null ? "the upload limit" : limit.toBytes() + " bytes")
                        + " (spring.servlet.multipart.max-file-size / max-request-size); put large files into the input "
                        + "bucket directly", instance);
    }
}
