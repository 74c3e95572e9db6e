package io.docflow.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The audience check: the token's {@code aud} or its {@code client_id} names one of the configured audiences.
 * Cognito puts the app client id in {@code aud} of ID tokens and in {@code client_id} of access tokens (which have no
 * {@code aud}); other issuers put the API's identifier in {@code aud}.
 */
final class TokenAudience implements OAuth2TokenValidator<Jwt> {

    private final List<String> audiences;

    TokenAudience(List<String> audiences) {
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> aud = token.getAudience();
        if (aud != null && aud.stream().anyMatch(audiences::contains)) {
            return OAuth2TokenValidatorResult.success();
        }
        String clientId = token.getClaimAsString("client_id");
        if (clientId != null && audiences.contains(clientId)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token is not for docflow: neither aud nor client_id is one of docflow.security.audiences", null));
    }
}
