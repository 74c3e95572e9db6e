package io.docflow.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A validated token's roles: the group names in {@code docflow.security.roles-claim} (a list, or one string of
 * names separated by commas or spaces) mapped to {@link ApiRole}s; other names are ignored. The caller's name is the
 * token's subject.
 */
final class TokenRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties properties;

    TokenRoles(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String group : groups(jwt.getClaim(properties.rolesClaim()))) {
            ApiRole role = properties.roleOfGroup(group);
            if (role != null && authorities.stream().noneMatch(a -> a.getAuthority().equals(role.authority()))) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
        }
        return authorities;
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.strip().split("[,\\s]+"));
        }
        return List.of();
    }
}
