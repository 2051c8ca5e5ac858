package fr.acta.simulator.iparapheur;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code acta.simulators.iparapheur.*}.
 *
 * @param realm                Keycloak realm served under {@code /iparapheur-sim/auth/realms/{realm}}
 * @param clientId             the only Keycloak client accepted
 * @param username             the API account
 * @param password             its password
 * @param accessTokenLifespan  {@code expires_in} of access tokens (Keycloak's default in i-Parapheur: 900 s)
 * @param refreshTokenLifespan {@code refresh_expires_in} of refresh tokens (1800 s)
 * @param stepDelay            when set, each circuit step completes on its own this long after the
 *                             previous one; when null, folders move only through the admin endpoints
 */
@ConfigurationProperties(prefix = "acta.simulators.iparapheur")
public record IparapheurSimulatorProperties(boolean enabled, String realm, String clientId, String username,
                                            String password, Duration accessTokenLifespan,
                                            Duration refreshTokenLifespan, Duration stepDelay) {

    public IparapheurSimulatorProperties {
        realm = realm == null ? "api" : realm;
        clientId = clientId == null ? "ipcore-web" : clientId;
        username = username == null ? "acta" : username;
        password = password == null ? "acta-simulateur" : password;
        accessTokenLifespan = accessTokenLifespan == null ? Duration.ofSeconds(900) : accessTokenLifespan;
        refreshTokenLifespan = refreshTokenLifespan == null ? Duration.ofSeconds(1800) : refreshTokenLifespan;
        if (stepDelay != null && (stepDelay.isZero() || stepDelay.isNegative())) {
            stepDelay = null;
        }
    }

    @Override
    public String toString() {
        return "IparapheurSimulatorProperties[enabled=" + enabled + ", realm=" + realm + ", clientId=" + clientId
                + ", username=" + username + ", password=******, accessTokenLifespan=" + accessTokenLifespan
                + ", refreshTokenLifespan=" + refreshTokenLifespan + ", stepDelay=" + stepDelay + "]";
    }
}
