package io.docflow.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the HTTP API: an OAuth2 resource server accepting JWTs of one issuer (a Cognito user pool on AWS,
 * local mode's own issuer on a laptop), for one of the audiences, with roles read from a claim of group names.
 * Bound from {@code docflow.security.*}; documented in docs/configuration.md and docs/security.md.
 *
 * @param issuerUri  the issuer ({@code iss}); its {@code /.well-known/openid-configuration} names the key set.
 *                   Cognito: {@code https://cognito-idp.<region>.amazonaws.com/<userPoolId>}
 * @param jwkSetUri  the key set, when it is to be read from there rather than from the issuer's discovery document;
 *                   the issuer, when also set, is still checked
 * @param audiences  a token is accepted when its {@code aud} or, as in Cognito access tokens, its {@code client_id}
 *                   holds one of these (the app client ids)
 * @param rolesClaim the claim holding the caller's group names: {@code cognito:groups} in Cognito, often
 *                   {@code roles} or {@code groups} elsewhere
 * @param groups     group names per role, besides the role's own name ({@code viewer}, {@code admin}, ...)
 * @param clockSkew  how far a token's times may be off
 * @param uploads    the per-caller limit on uploads
 */
@Validated
@ConfigurationProperties("docflow.security")
public record SecurityProperties(
        URI issuerUri,
        URI jwkSetUri,
        @NotEmpty List<@NotBlank String> audiences,
        @NotBlank @DefaultValue("cognito:groups") String rolesClaim,
        @NotNull @DefaultValue Map<ApiRole, List<String>> groups,
        @NotNull @DefaultValue("60s") Duration clockSkew,
        @Valid @NotNull @DefaultValue Uploads uploads) {

    public SecurityProperties {
        if (issuerUri == null && jwkSetUri == null) {
            throw new IllegalArgumentException("The API accepts tokens of one issuer: set docflow.security.issuer-uri "
                    + "(a Cognito user pool: https://cognito-idp.<region>.amazonaws.com/<userPoolId>) or "
                    + "docflow.security.jwk-set-uri (docs/security.md)");
        }
    }

    /**
     * HTTP uploads. Per caller (the token's subject): a bucket of {@code burst} uploads refilled at {@code perMinute}.
     * The type is sniffed from the content (the declared type is not trusted) and must be one of
     * {@code acceptedTypes} or a subtype of one (text/csv is a text/plain). The size limit is Spring's
     * {@code spring.servlet.multipart.max-file-size} / {@code max-request-size}.
     */
    public record Uploads(
            @Min(1) @DefaultValue("60") int perMinute,
            @Min(1) @DefaultValue("20") int burst,
            @NotEmpty @DefaultValue({"application/pdf", "image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp",
                    "image/webp", "text/plain", "text/html", "application/xhtml+xml", "application/rtf",
                    "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                    "message/rfc822", "application/vnd.ms-outlook"}) List<String> acceptedTypes) {
    }

    /** The role a group name stands for, or null: the role's own name, or a name listed for it under groups. */
    public ApiRole roleOfGroup(String group) {
        for (ApiRole role : ApiRole.values()) {
            if (role.groupName().equalsIgnoreCase(group) || groups.getOrDefault(role, List.of()).contains(group)) {
                return role;
            }
        }
        return null;
    }
}
