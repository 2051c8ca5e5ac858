package fr.acta.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and BCrypt costs tens of milliseconds by
 * design. This provider verifies the password with BCrypt once, then remembers for a short time an
 * HMAC of it (keyed by a secret that lives only in memory), so later requests of the same person
 * skip BCrypt. The password itself is never kept.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private record Entry(byte[] mac, Authentication authentication, long expiresAt) {
    }

    private final AuthenticationProvider delegate;
    private final long ttlMillis;
    private final byte[] key = new byte[32];
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlMillis = ttl.toMillis();
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || credentials == null) {
            return delegate.authenticate(authentication);
        }
        byte[] mac = mac(username, credentials.toString());
        Entry entry = cache.get(username);
        long now = System.currentTimeMillis();
        if (entry != null && entry.expiresAt > now && MessageDigest.isEqual(entry.mac, mac)) {
            return entry.authentication;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            UsernamePasswordAuthenticationToken remembered = UsernamePasswordAuthenticationToken.authenticated(
                    result.getPrincipal(), null, result.getAuthorities());
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(username, new Entry(mac, remembered, now + ttlMillis));
            return remembered;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
