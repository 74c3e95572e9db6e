package io.docflow.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;

/**
 * Local mode's token issuer, standing in for a Cognito user pool: an OpenID Connect discovery document at
 * {@code /.well-known/openid-configuration}, its key set at {@code /.well-known/jwks.json}, and tokens signed with an
 * RSA key made at start (so tokens of an earlier run are refused). Tokens look like Cognito's access tokens: the
 * groups in {@code cognito:groups}, the app client in {@code client_id}, and {@code aud} as well. docflow reads this
 * issuer as it reads Cognito (docflow.security.issuer-uri). {@code GET /token?role=viewer[&subject=alice]} mints one
 * over HTTP, for scripts; docs/security.md.
 */
public final class LocalIssuer implements AutoCloseable {

    /** The app client id local tokens are for: docflow's audience in local mode. */
    public static final String CLIENT_ID = "docflow-local";
    /** How long a minted token is good for by default: a working day, as local mode prints its tokens once. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    public static final List<String> ROLES = List.of("viewer", "submitter", "reviewer", "admin");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey key;
    private final LocalHttpServer server;
    private Map<String, String> printed;

    private LocalIssuer(int port) {
        this.key = newKey();
        this.server = LocalHttpServer.start("local-issuer", port, this::handle);
    }

    /** Starts the issuer on {@code port} (0: any free port). */
    public static LocalIssuer start(int port) {
        return new LocalIssuer(port);
    }

    /** The issuer ({@code iss}), also docflow.security.issuer-uri. */
    public URI issuer() {
        return server.endpoint();
    }

    /** A token for {@code role} (a group name: viewer, submitter, reviewer, admin), subject {@code local-<role>}. */
    public String token(String role) {
        return token("local-" + role, List.of(role), CLIENT_ID, LIFETIME);
    }

    /** A token with these groups and audience, valid from now for {@code lifetime} (negative: already expired). */
    public String token(String subject, List<String> groups, String audience, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer().toString())
                .subject(subject)
                .audience(audience)
                .claim("client_id", audience)
                .claim("token_use", "access")
                .claim("cognito:groups", groups)
                .claim("username", subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(lifetime.isNegative() ? now.plus(lifetime).minus(LIFETIME) : now))
                .expirationTime(Date.from(now.plus(lifetime)));
        return sign(key, claims.build());
    }

    /** {@code claims} signed with {@code key}: with another key than the issuer's, a token docflow must refuse. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a local token", e);
        }
    }

    /** A fresh 2048-bit RSA signing key with a random key id. */
    public static RSAKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One token per role, minted once: the banner and target/docflow-local.json show the same ones. */
    public synchronized Map<String, String> tokensPerRole() {
        if (printed == null) {
            Map<String, String> tokens = new LinkedHashMap<>();
            ROLES.forEach(role -> tokens.put(role, token(role)));
            printed = java.util.Collections.unmodifiableMap(tokens);
        }
        return printed;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "GET only");
            } else if (path.equals("/.well-known/openid-configuration")) {
                Map<String, Object> discovery = new LinkedHashMap<>();
                discovery.put("issuer", issuer().toString());
                discovery.put("jwks_uri", issuer() + "/.well-known/jwks.json");
                discovery.put("token_endpoint", issuer() + "/token");
                discovery.put("response_types_supported", List.of("token"));
                discovery.put("subject_types_supported", List.of("public"));
                discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
                respond(exchange, 200, "application/json", JSON.writeValueAsString(discovery));
            } else if (path.equals("/.well-known/jwks.json")) {
                respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
            } else if (path.equals("/token")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String role = query.getOrDefault("role", "admin");
                if (!ROLES.contains(role)) {
                    respond(exchange, 400, "text/plain", "role must be one of " + ROLES + "\n");
                    return;
                }
                String subject = query.getOrDefault("subject", "local-" + role);
                respond(exchange, 200, "text/plain", token(subject, List.of(role), CLIENT_ID, LIFETIME));
            } else {
                respond(exchange, 404, "text/plain", "Not found\n");
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
