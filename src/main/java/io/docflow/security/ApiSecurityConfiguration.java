package io.docflow.security;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The HTTP API as an OAuth2 resource server (docs/security.md). Every {@code /api/**} request needs a JWT of the
 * configured issuer, for one of the audiences, and the role {@link ApiEndpoints} names; Kubernetes' probes
 * (health, liveness, readiness) and Prometheus' scrape stay open, as do the API description, the console's pages and
 * anything else outside {@code /api}. No sessions and no cookies, so no CSRF tokens: each request carries its bearer token.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, SecurityProperties properties,
                                    SecurityProblems problems, MultipartProperties multipart) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, PrometheusScrapeEndpoint.class)).permitAll();
            requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ApiRole.ADMIN.name());
            for (String page : ApiEndpoints.OPEN) {
                requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, page)).permitAll();
            }
            for (ApiEndpoints.Rule rule : ApiEndpoints.RULES) {
                requests.requestMatchers(rule.matcher()).hasRole(rule.role().name());
            }
            requests.anyRequest().permitAll();
        });
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new TokenRoles(properties)))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(AbstractHttpConfigurer::disable);
        http.httpBasic(AbstractHttpConfigurer::disable);
        http.formLogin(AbstractHttpConfigurer::disable);
        http.logout(AbstractHttpConfigurer::disable);
        http.requestCache(AbstractHttpConfigurer::disable);
        CallerRateLimits rates = new CallerRateLimits(properties.uploads().perMinute(), properties.uploads().burst(), 10_000);
        http.addFilterAfter(new UploadGuard(rates, multipart.getMaxRequestSize(), problems), AuthorizationFilter.class);
        return http.build();
    }

    /** admin > reviewer > submitter > viewer: a role may do all the ones below it may. */
    @Bean
    static RoleHierarchy apiRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ApiRole.ADMIN.name()).implies(ApiRole.REVIEWER.name())
                .role(ApiRole.REVIEWER.name()).implies(ApiRole.SUBMITTER.name())
                .role(ApiRole.SUBMITTER.name()).implies(ApiRole.VIEWER.name())
                .build();
    }

    @Bean
    SecurityProblems securityProblems(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    /**
     * Verifies signatures with the issuer's keys (from its discovery document, or docflow.security.jwk-set-uri),
     * then the times, the issuer and the audience. Built at the first request, so a start does not depend on the
     * issuer being reachable; the keys are cached and re-read when a token names an unknown key id.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = properties.jwkSetUri() != null
                    ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build()
                    : NimbusJwtDecoder.withIssuerLocation(properties.issuerUri().toString()).build();
            decoder.setJwtValidator(validator(properties));
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        if (properties.issuerUri() != null) {
            validators.add(new JwtIssuerValidator(properties.issuerUri().toString()));
        }
        validators.add(new TokenAudience(properties.audiences()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
