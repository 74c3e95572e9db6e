package io.docflow.local;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;

/**
 * Bearer tokens for tests that call the API of a docflow on the JVM's shared local services ({@link DocflowTest}):
 * minted by the local issuer those contexts trust, so requests go through the real JWT validation.
 */
public final class ApiTokens {

    private ApiTokens() {
    }

    /** A token for {@code role}: viewer, submitter, reviewer or admin. */
    public static String token(String role) {
        return LocalAwsInitializer.sharedServices().issuer().token(role);
    }

    /** A token for {@code role} of the caller {@code subject}: uploads are rate-limited per subject. */
    public static String token(String role, String subject) {
        return LocalAwsInitializer.sharedServices().issuer()
                .token(subject, java.util.List.of(role), LocalIssuer.CLIENT_ID, LocalIssuer.LIFETIME);
    }

    /**
     * A client of the same server as {@code http} sending {@code Authorization: Bearer token} with every request
     * that does not set its own; like {@code http}, it answers error statuses instead of throwing.
     */
    public static TestRestTemplate as(TestRestTemplate http, String token) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** Headers carrying {@code Authorization: Bearer} a token for {@code role}. */
    public static HttpHeaders headers(String role) {
        return bearer(token(role));
    }

    /** Headers carrying {@code Authorization: Bearer token}. */
    public static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
