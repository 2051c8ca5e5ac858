package fr.acta.simulator.iparapheur;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The simulated Keycloak's grants and tokens. Tokens are opaque random strings (the real ones are
 * JWTs, which clients must treat as opaque anyway), kept in memory with their expiry.
 */
@Component
@SimulatorEnabled
class SimTokens {

    /** A refused grant, answered with Keycloak's JSON error shape. */
    static final class GrantError extends RuntimeException {
        final int status;
        final String error;
        final String description;

        GrantError(int status, String error, String description) {
            super(error + ": " + description, null, false, false);
            this.status = status;
            this.error = error;
            this.description = description;
        }
    }

    private record Issued(String username, Instant expiresAt) {
    }

    private final IparapheurSimulatorProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Issued> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicLong passwordGrants = new AtomicLong();
    private final AtomicLong refreshGrants = new AtomicLong();
    private final AtomicLong refusedGrants = new AtomicLong();
    private final AtomicLong refusedBearers = new AtomicLong();

    SimTokens(IparapheurSimulatorProperties properties) {
        this.properties = properties;
    }

    /** The token endpoint's logic, for an already-checked realm. */
    Map<String, Object> grant(Map<String, String> form) {
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw refused(400, "invalid_request", "Missing form parameter: grant_type");
        }
        if (!"password".equals(grantType) && !"refresh_token".equals(grantType)) {
            throw refused(400, "unsupported_grant_type", "Unsupported grant_type");
        }
        if (!properties.clientId().equals(form.get("client_id"))) {
            throw refused(401, "invalid_client", "Invalid client or Invalid client credentials");
        }
        if ("password".equals(grantType)) {
            if (!equal(properties.username(), form.get("username")) || !equal(properties.password(), form.get("password"))) {
                throw refused(401, "invalid_grant", "Invalid user credentials");
            }
            passwordGrants.incrementAndGet();
            return issue(properties.username());
        }
        String refresh = form.get("refresh_token");
        Issued issued = refresh == null ? null : refreshTokens.remove(refresh);
        if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
            throw refused(400, "invalid_grant", "Invalid refresh token");
        }
        refreshGrants.incrementAndGet();
        return issue(issued.username());
    }

    /** The account behind a bearer token, if the token is known and not expired. */
    Optional<String> user(String accessToken) {
        Issued issued = accessToken == null ? null : accessTokens.get(accessToken);
        if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
            refusedBearers.incrementAndGet();
            return Optional.empty();
        }
        return Optional.of(issued.username());
    }

    /** Makes every access token expire now (refresh tokens stay valid), like a session timeout. */
    int expireAccessTokens() {
        int n = accessTokens.size();
        accessTokens.clear();
        return n;
    }

    Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passwordGrants", passwordGrants.get());
        m.put("refreshGrants", refreshGrants.get());
        m.put("refusedGrants", refusedGrants.get());
        m.put("refusedBearerTokens", refusedBearers.get());
        m.put("activeAccessTokens", accessTokens.size());
        return m;
    }

    private Map<String, Object> issue(String username) {
        Instant now = clock.instant();
        String access = randomToken();
        String refresh = randomToken();
        accessTokens.put(access, new Issued(username, now.plus(properties.accessTokenLifespan())));
        refreshTokens.put(refresh, new Issued(username, now.plus(properties.refreshTokenLifespan())));
        accessTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        refreshTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("expires_in", properties.accessTokenLifespan().toSeconds());
        body.put("refresh_expires_in", properties.refreshTokenLifespan().toSeconds());
        body.put("refresh_token", refresh);
        body.put("token_type", "Bearer");
        body.put("not-before-policy", 0);
        body.put("session_state", UUID.randomUUID().toString());
        body.put("scope", "roles");
        return body;
    }

    private GrantError refused(int status, String error, String description) {
        refusedGrants.incrementAndGet();
        return new GrantError(status, error, description);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean equal(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
