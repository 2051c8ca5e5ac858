package fr.acta.iparapheur;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Access tokens from the i-Parapheur's Keycloak (OpenID Connect password grant on
 * {@code /auth/realms/{realm}/protocol/openid-connect/token}, client {@code ipcore-web}), cached per
 * account until shortly before they expire, then renewed with the refresh token while it lives, else
 * with the password again. Tokens and passwords are never logged.
 */
final class KeycloakTokens {

    private static final Logger log = LoggerFactory.getLogger(KeycloakTokens.class);
    private static final Duration MAX_SKEW = Duration.ofSeconds(30);

    /** One account on one server; the password enters only as a digest, so a new password means a new entry. */
    private record Account(String tokenUrl, String clientId, String username, String passwordDigest) {
    }

    private static final class Entry {
        String accessToken;
        Instant accessValidUntil = Instant.MIN;
        String refreshToken;
        Instant refreshValidUntil = Instant.MIN;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("expires_in") long expiresIn,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("refresh_expires_in") long refreshExpiresIn,
                         @JsonProperty("token_type") String tokenType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenError(@JsonProperty("error") String error,
                      @JsonProperty("error_description") String description) {
    }

    private final RestClient http;
    private final Clock clock;
    private final ConcurrentHashMap<Account, Entry> cache = new ConcurrentHashMap<>();

    KeycloakTokens(RestClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A token believed valid: the cached one, or a new one. */
    String bearer(IparapheurSettings settings) {
        Entry entry = entry(settings);
        synchronized (entry) {
            if (entry.accessToken != null && clock.instant().isBefore(entry.accessValidUntil)) {
                return entry.accessToken;
            }
            return obtain(settings, entry);
        }
    }

    /** The server refused {@code rejected}: forget it and get another, unless another call already did. */
    String renew(IparapheurSettings settings, String rejected) {
        Entry entry = entry(settings);
        synchronized (entry) {
            if (entry.accessToken != null && !entry.accessToken.equals(rejected)
                    && clock.instant().isBefore(entry.accessValidUntil)) {
                return entry.accessToken;
            }
            entry.accessToken = null;
            return obtain(settings, entry);
        }
    }

    /** Drops everything cached for this account. */
    void forget(IparapheurSettings settings) {
        cache.remove(account(settings));
    }

    private String obtain(IparapheurSettings settings, Entry entry) {
        Instant now = clock.instant();
        if (entry.refreshToken != null && now.isBefore(entry.refreshValidUntil)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "refresh_token");
            form.add("client_id", settings.clientId());
            form.add("refresh_token", entry.refreshToken);
            try {
                return store(entry, now, request(settings, form));
            } catch (IparapheurException e) {
                if (e.kind() == IparapheurException.Kind.UNAVAILABLE) {
                    throw e;
                }
                log.info("i-Parapheur {}: refresh token refused for {}, signing in again", settings.baseUrl(),
                        settings.username());
            }
        }
        entry.refreshToken = null;
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", settings.clientId());
        form.add("username", settings.username());
        form.add("password", settings.password());
        return store(entry, now, request(settings, form));
    }

    private String store(Entry entry, Instant now, TokenResponse token) {
        if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 200,
                    "Le Keycloak du i-Parapheur a répondu sans jeton d'accès.");
        }
        entry.accessToken = token.accessToken();
        entry.accessValidUntil = now.plus(lifespanLessSkew(token.expiresIn()));
        entry.refreshToken = token.refreshToken();
        // refresh_expires_in 0 means an offline token with no fixed end: try it, fall back on failure
        entry.refreshValidUntil = token.refreshToken() == null ? Instant.MIN
                : token.refreshExpiresIn() <= 0 ? Instant.MAX : now.plus(lifespanLessSkew(token.refreshExpiresIn()));
        return entry.accessToken;
    }

    private static Duration lifespanLessSkew(long seconds) {
        Duration lifespan = Duration.ofSeconds(Math.max(seconds, 0));
        Duration skew = lifespan.dividedBy(10).compareTo(MAX_SKEW) < 0 ? lifespan.dividedBy(10) : MAX_SKEW;
        return lifespan.minus(skew);
    }

    private TokenResponse request(IparapheurSettings settings, MultiValueMap<String, String> form) {
        try {
            return http.post().uri(settings.tokenUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON).body(form)
                    .exchange((req, res) -> {
                        int status = res.getStatusCode().value();
                        byte[] body = res.getBody().readAllBytes();
                        if (status == 200) {
                            return ErrorBodies.read(body, TokenResponse.class);
                        }
                        TokenError error = null;
                        try {
                            error = ErrorBodies.JSON.readValue(body, TokenError.class);
                        } catch (java.io.IOException unreadable) {
                            // not Keycloak's JSON: the status alone tells what happened
                        }
                        throw failure(settings, status, error);
                    });
        } catch (ResourceAccessException e) {
            throw new IparapheurException(IparapheurException.Kind.UNAVAILABLE, 0,
                    "Le Keycloak du i-Parapheur (" + settings.baseUrl() + ") est injoignable : " + e.getMessage(), e);
        }
    }

    private static IparapheurException failure(IparapheurSettings s, int status, TokenError error) {
        String code = error == null || error.error() == null ? "" : error.error();
        String where = " (" + s.baseUrl() + ", royaume « " + s.realm() + " »)";
        if (status >= 500) {
            return new IparapheurException(IparapheurException.Kind.UNAVAILABLE, status,
                    "Le Keycloak du i-Parapheur est en erreur (HTTP " + status + ")" + where + ".");
        }
        if (status == 404) {
            return new IparapheurException(IparapheurException.Kind.CONFIGURATION, status,
                    "Le royaume Keycloak « " + s.realm() + " » est introuvable sur " + s.baseUrl()
                            + " : vérifiez l'adresse et le royaume.");
        }
        return switch (code) {
            case "invalid_client", "unauthorized_client" -> new IparapheurException(
                    IparapheurException.Kind.AUTHENTICATION, status, "Le client Keycloak « " + s.clientId()
                    + " » est refusé par le i-Parapheur" + where + ".");
            case "invalid_grant" -> new IparapheurException(IparapheurException.Kind.AUTHENTICATION, status,
                    "Le i-Parapheur refuse l'identifiant ou le mot de passe du compte « " + s.username() + " »"
                            + where + ".");
            default -> new IparapheurException(IparapheurException.Kind.AUTHENTICATION, status,
                    "Le Keycloak du i-Parapheur refuse la connexion du compte « " + s.username() + " » (HTTP "
                            + status + (code.isEmpty() ? "" : ", " + code) + ")" + where + ".");
        };
    }

    private Entry entry(IparapheurSettings settings) {
        return cache.computeIfAbsent(account(settings), a -> new Entry());
    }

    private static Account account(IparapheurSettings s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.password().getBytes(StandardCharsets.UTF_8));
            return new Account(s.tokenUrl(), s.clientId(), s.username(), HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
