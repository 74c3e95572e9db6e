package io.docflow.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The role each API request needs, first matching rule wins (docs/security.md has the same table). Reading is for
 * viewers, uploading for submitters, the review queue and changing a job (review: claim, correct, approve) for
 * reviewers (claim, release, review, the corrections export), the console's live events and class schemas for
 * viewers, operations (dead-letter redrive, re-processing) and anything not listed for admins. Roles include the ones
 * below them. The console's static pages ({@link #OPEN}) need no token.
 */
final class ApiEndpoints {

    record Rule(HttpMethod method, String pattern, ApiRole role, RequestMatcher matcher) {

        Rule(HttpMethod method, String pattern, ApiRole role) {
            this(method, pattern, role, PathPatternRequestMatcher.withDefaults().matcher(method, pattern));
        }
    }

    /** The console's static pages: open, as it asks for a token itself and sends it with each API call. */
    static final List<String> OPEN = List.of("/", "/index.html", "/console/**");

    static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.POST, "/api/v1/documents", ApiRole.SUBMITTER),
            new Rule(null, "/api/v1/admin/**", ApiRole.ADMIN),
            new Rule(HttpMethod.POST, "/api/v1/jobs/*/reprocess", ApiRole.ADMIN),
            // the review queue and the corrections export
            new Rule(null, "/api/v1/review/**", ApiRole.REVIEWER),
            // claim, release, review
            new Rule(null, "/api/v1/jobs/*/review/**", ApiRole.REVIEWER),
            new Rule(null, "/api/v1/jobs/*/review", ApiRole.REVIEWER),
            // the console's live job changes and its class schemas
            new Rule(HttpMethod.GET, "/api/v1/jobs/events", ApiRole.VIEWER),
            new Rule(HttpMethod.GET, "/api/v1/classes", ApiRole.VIEWER),
            new Rule(HttpMethod.GET, "/api/v1/classes/**", ApiRole.VIEWER),
            new Rule(HttpMethod.GET, "/api/**", ApiRole.VIEWER),
            new Rule(HttpMethod.HEAD, "/api/**", ApiRole.VIEWER),
            new Rule(null, "/api/v1/jobs/**", ApiRole.REVIEWER),
            new Rule(null, "/api/**", ApiRole.ADMIN));

    private ApiEndpoints() {
    }

    /** The role {@code request} needs; admin for anything no rule names. */
    static ApiRole roleFor(HttpServletRequest request) {
        for (Rule rule : RULES) {
            if (rule.matcher().matches(request)) {
                return rule.role();
            }
        }
        return ApiRole.ADMIN;
    }
}
