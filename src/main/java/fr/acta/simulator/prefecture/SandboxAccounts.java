package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.SandboxProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The S²LOW accounts: HTTP Basic login and password, as S²LOW takes them next to (or, here, instead
 * of) the TLS client certificate, which the plain HTTP connector cannot ask for.
 */
@Component
@SandboxEnabled
class SandboxAccounts {

    private final SandboxProperties properties;

    SandboxAccounts(SandboxProperties properties) {
        this.properties = properties;
    }

    Optional<Account> authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return check(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    Optional<Account> check(String login, String password) {
        Account found = null;
        for (Account a : properties.accounts()) {
            boolean same = a.login().equals(login) & MessageDigest.isEqual(
                    a.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
            if (same) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    Optional<Account> byLogin(String login) {
        return properties.accounts().stream().filter(a -> a.login().equals(login)).findFirst();
    }

    Optional<Account> bySiren(String siren) {
        return properties.accounts().stream().filter(a -> a.siren().equals(siren)).findFirst();
    }
}
