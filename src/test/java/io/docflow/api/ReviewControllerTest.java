package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who a review is recorded under: the token's user name, else its subject. */
class ReviewControllerTest {

    @Test
    void cognitosUserNameComesFirstThenTheAccessTokensThenTheSubject() {
        assertThat(ReviewController.reviewer(token(jwt().claim("cognito:username", "alice").claim("username", "a1"))))
                .isEqualTo("alice");
        assertThat(ReviewController.reviewer(token(jwt().claim("username", "bob")))).isEqualTo("bob");
        assertThat(ReviewController.reviewer(token(jwt().claim("username", " ")))).isEqualTo("3f2a-subject");
        assertThat(ReviewController.reviewer(token(jwt()))).isEqualTo("3f2a-subject");
    }

    @Test
    void withoutAuthenticationTheReviewerIsAnonymous() {
        assertThat(ReviewController.reviewer(null)).isEqualTo(ReviewController.ANONYMOUS);
        assertThat(ReviewController.reviewer(() -> "carol")).isEqualTo("carol");
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("3f2a-subject").claim("groups", List.of("reviewer"));
    }

    private static JwtAuthenticationToken token(Jwt.Builder jwt) {
        return new JwtAuthenticationToken(jwt.build(), List.of());
    }
}
