package io.docflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

/** The upload guard on its own: per-caller rate (429 with Retry-After) and declared size (413), before any body is read. */
class SecurityUploadGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UploadGuard guard = new UploadGuard(new CallerRateLimits(60, 2, 100), DataSize.ofMegabytes(1),
            new SecurityProblems(JSON));

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse upload(String caller, long length) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null, List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/documents") {
            @Override
            public long getContentLengthLong() {
                return length;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                throw new AssertionError("the body was read");
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        guard.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(202);
        }
        return response;
    }

    @Test
    void aCallerGetsItsBurstThen429WithRetryAfter_othersKeepTheirs() throws Exception {
        assertThat(upload("alice", 100).getStatus()).isEqualTo(202);
        assertThat(upload("alice", 100).getStatus()).isEqualTo(202);

        MockHttpServletResponse refused = upload("alice", 100);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(refused.getContentAsString());
        assertThat(problem.get("type").asText()).isEqualTo("urn:docflow:problem:too_many_uploads");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/documents");
        assertThat(problem.get("detail").asText()).contains("alice").contains("retry in 1 s");

        assertThat(upload("bob", 100).getStatus()).isEqualTo(202);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413AndTheBodyIsNotRead() throws Exception {
        MockHttpServletResponse refused = upload("carol", DataSize.ofMegabytes(1).toBytes() + 1);

        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getHeader("Connection")).isEqualTo("close");
        JsonNode problem = JSON.readTree(refused.getContentAsString());
        assertThat(problem.get("code").asText()).isEqualTo("file_too_large");
        assertThat(problem.get("detail").asText()).contains("1048577 bytes").contains("1048576 bytes");
        assertThat(upload("carol", DataSize.ofMegabytes(1).toBytes()).getStatus()).isEqualTo(202);
    }

    @Test
    void otherRequestsPassUntouched() throws Exception {
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/jobs/x");
        MockFilterChain chain = new MockFilterChain();
        for (int i = 0; i < 5; i++) {
            chain = new MockFilterChain();
            guard.doFilter(read, new MockHttpServletResponse(), chain);
        }
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void theBucketRefillsAtTheRate() {
        CallerRateLimits limits = new CallerRateLimits(60, 1, 10);
        assertThat(limits.take("dave")).isZero();
        Duration wait = limits.take("dave");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    }
}
