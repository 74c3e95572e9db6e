package io.docflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** How a validated token becomes a caller with roles, which tokens are for docflow, and which role a request needs. */
class SecurityTokensTest {

    static SecurityProperties properties(String... settings) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("docflow.security.issuer-uri", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc")
                .withProperty("docflow.security.audiences", "app-client");
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            environment.setProperty(pair[0], pair[1]);
        }
        return Binder.get(environment).bindOrCreate("docflow.security", SecurityProperties.class);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }

    private static List<String> roles(SecurityProperties properties, Map<String, Object> claims) {
        return new TokenRoles(properties).convert(jwt(claims)).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void cognitoGroupsNamedAfterTheRolesAreTheRoles_otherGroupsAreIgnored() {
        assertThat(roles(properties(), Map.of("cognito:groups", List.of("viewer", "Admin", "marketing"))))
                .containsExactly("ROLE_VIEWER", "ROLE_ADMIN");
        assertThat(new TokenRoles(properties()).convert(jwt(Map.of())).getName()).isEqualTo("alice");
    }

    @Test
    void groupNamesCanBeMappedToRolesAndTheClaimChosen() {
        SecurityProperties mapped = properties("docflow.security.roles-claim=roles",
                "docflow.security.groups.reviewer=claims-team,audit", "docflow.security.groups.admin=ops");

        assertThat(roles(mapped, Map.of("roles", List.of("audit", "ops")))).containsExactly("ROLE_REVIEWER", "ROLE_ADMIN");
        assertThat(roles(mapped, Map.of("roles", "claims-team submitter"))).containsExactly("ROLE_REVIEWER", "ROLE_SUBMITTER");
        assertThat(roles(mapped, Map.of("cognito:groups", List.of("admin")))).as("another claim").isEmpty();
    }

    @Test
    void aTokenIsForDocflowWhenItsAudienceOrClientIdIsOneOfTheAudiences() {
        TokenAudience audience = new TokenAudience(List.of("app-client"));

        assertThat(audience.validate(jwt(Map.of("aud", List.of("app-client")))).hasErrors()).isFalse();
        assertThat(audience.validate(jwt(Map.of("client_id", "app-client", "token_use", "access"))).hasErrors()).isFalse();
        assertThat(audience.validate(jwt(Map.of("aud", List.of("other"), "client_id", "other"))).hasErrors()).isTrue();
        assertThat(audience.validate(jwt(Map.of())).hasErrors()).isTrue();
    }

    @Test
    void withoutAnIssuerDocflowDoesNotStart() {
        assertThatThrownBy(() -> Binder.get(new MockEnvironment().withProperty("docflow.security.audiences", "x"))
                .bindOrCreate("docflow.security", SecurityProperties.class))
                .rootCause().hasMessageContaining("set docflow.security.issuer-uri")
                .hasMessageContaining("https://cognito-idp.<region>.amazonaws.com/<userPoolId>");
    }

    @Test
    void eachRequestNeedsTheRoleTheTableNames() {
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("GET", "/api/v1/jobs/1"))).isEqualTo(ApiRole.VIEWER);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("GET", "/api/v1/jobs/1/result"))).isEqualTo(ApiRole.VIEWER);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("POST", "/api/v1/documents"))).isEqualTo(ApiRole.SUBMITTER);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("POST", "/api/v1/jobs/1/review"))).isEqualTo(ApiRole.REVIEWER);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("DELETE", "/api/v1/jobs/1/review/claim"))).isEqualTo(ApiRole.REVIEWER);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("GET", "/api/v1/review/queue"))).isEqualTo(ApiRole.REVIEWER);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("POST", "/api/v1/jobs/1/reprocess"))).isEqualTo(ApiRole.ADMIN);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("POST", "/api/v1/admin/dlq/redrive"))).isEqualTo(ApiRole.ADMIN);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("GET", "/api/v1/admin/anything"))).isEqualTo(ApiRole.ADMIN);
        assertThat(ApiEndpoints.roleFor(new MockHttpServletRequest("DELETE", "/api/v2/unknown"))).isEqualTo(ApiRole.ADMIN);
    }
}
