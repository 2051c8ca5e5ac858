package fr.acta.iparapheur;

import java.net.URI;
import java.util.Locale;

/**
 * How one collectivité reaches its i-Parapheur v5: the server, the Keycloak realm and client, the
 * account, and where its folders go (tenant, desk, type and subtype, by id or by name). The password
 * never appears in {@link #toString()}.
 *
 * @param baseUrl  the server, e.g. {@code https://parapheur.example.fr} (no trailing slash needed)
 * @param realm    Keycloak realm, {@code api} on a standard installation
 * @param clientId Keycloak client, {@code ipcore-web} on a standard installation
 */
public record IparapheurSettings(URI baseUrl, String realm, String clientId, String username, String password,
                                 String tenantId, String deskId, String type, String subtype) {

    public static final String DEFAULT_REALM = "api";
    public static final String DEFAULT_CLIENT_ID = "ipcore-web";

    public IparapheurSettings {
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme().toLowerCase(Locale.ROOT))
                || "https".equals(baseUrl.getScheme().toLowerCase(Locale.ROOT)))) {
            throw invalid("l'adresse du serveur doit être une URL http(s) complète");
        }
        String url = baseUrl.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        baseUrl = URI.create(url);
        realm = required(realm, "le royaume Keycloak");
        clientId = required(clientId, "le client Keycloak");
        username = required(username, "l'identifiant du compte");
        if (password == null || password.isEmpty()) {
            throw invalid("le mot de passe du compte est obligatoire");
        }
        tenantId = required(tenantId, "l'entité (tenant)");
        deskId = required(deskId, "le bureau émetteur");
        type = required(type, "le type");
        subtype = required(subtype, "le sous-type");
    }

    /** Settings for a standard installation: realm {@code api}, client {@code ipcore-web}. */
    public static IparapheurSettings standard(URI baseUrl, String username, String password, String tenantId,
                                              String deskId, String type, String subtype) {
        return new IparapheurSettings(baseUrl, DEFAULT_REALM, DEFAULT_CLIENT_ID, username, password, tenantId,
                deskId, type, subtype);
    }

    /** The same account, with another password (e.g. after a rotation). */
    public IparapheurSettings withPassword(String newPassword) {
        return new IparapheurSettings(baseUrl, realm, clientId, username, newPassword, tenantId, deskId, type,
                subtype);
    }

    String tokenUrl() {
        return baseUrl + "/auth/realms/" + realm + "/protocol/openid-connect/token";
    }

    @Override
    public String toString() {
        return "IparapheurSettings[baseUrl=" + baseUrl + ", realm=" + realm + ", clientId=" + clientId
                + ", username=" + username + ", password=******, tenantId=" + tenantId + ", deskId=" + deskId
                + ", type=" + type + ", subtype=" + subtype + "]";
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw invalid(what + " est obligatoire");
        }
        return value.strip();
    }

    private static IparapheurException invalid(String detail) {
        return new IparapheurException(IparapheurException.Kind.CONFIGURATION, 0,
                "Paramètres i-Parapheur invalides : " + detail + ".");
    }
}
