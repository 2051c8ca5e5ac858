package fr.acta.transmission;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * How one collectivité reaches its S²LOW account. A settings record only: storing it (and its
 * secrets) is someone else's business. Secrets never appear in {@link #toString()}.
 *
 * @param baseUrl                the server, e.g. {@code https://s2low.example.fr} (HTTPS only: S²LOW requires
 *                               mutual TLS)
 * @param clientCertificate      the PKCS#12 file of the account's client certificate (and its key)
 * @param certificatePassword    the PKCS#12 password
 * @param login                  optional HTTP Basic login, needed when one certificate serves several accounts
 * @param password               the login's password
 * @param trustedCertificates    certificates trusted for the server in addition to nothing else; empty means
 *                               the JVM's default trust store
 * @param sandbox                the built-in sandbox préfecture on this very server: plain HTTP and login
 *                               only (see {@link #sandbox})
 */
public record S2lowSettings(URI baseUrl, byte[] clientCertificate, String certificatePassword, String login,
                            String password, List<X509Certificate> trustedCertificates, boolean sandbox) {

    public S2lowSettings(URI baseUrl, byte[] clientCertificate, String certificatePassword, String login,
                         String password, List<X509Certificate> trustedCertificates) {
        this(baseUrl, clientCertificate, certificatePassword, login, password, trustedCertificates, false);
    }

    public S2lowSettings {
        if (sandbox) {
            if (baseUrl == null || baseUrl.getHost() == null || login == null || login.isBlank() || password == null) {
                throw invalid("le bac à sable demande une adresse, un identifiant et un mot de passe");
            }
            clientCertificate = new byte[0];
            certificatePassword = "";
            trustedCertificates = List.of();
        } else {
            if (baseUrl == null || baseUrl.getHost() == null || baseUrl.getScheme() == null
                    || !"https".equals(baseUrl.getScheme().toLowerCase(Locale.ROOT))) {
                throw invalid("l'adresse du serveur doit être une URL https complète");
            }
            if (clientCertificate == null || clientCertificate.length == 0) {
                throw invalid("le certificat client (PKCS#12) est obligatoire : S²LOW exige l'authentification TLS "
                        + "mutuelle");
            }
            clientCertificate = clientCertificate.clone();
            certificatePassword = certificatePassword == null ? "" : certificatePassword;
            login = login == null || login.isBlank() ? null : login.strip();
            if (login != null && (password == null || password.isEmpty())) {
                throw invalid("le mot de passe est obligatoire avec un identifiant");
            }
            trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
        }
        baseUrl = withoutTrailingSlash(baseUrl);
    }

    private static URI withoutTrailingSlash(URI baseUrl) {
        String url = baseUrl.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return URI.create(url);
    }

    /**
     * The built-in sandbox préfecture served by this same application: over plain HTTP with its
     * account's login, as the embedded connector cannot ask for a client certificate. Never a real
     * S²LOW, which always requires mutual TLS.
     */
    public static S2lowSettings sandbox(URI baseUrl, String login, String password) {
        return new S2lowSettings(baseUrl, null, null, login, password, List.of(), true);
    }

    /** Settings with the JVM's trust store and no login. */
    public static S2lowSettings of(URI baseUrl, byte[] pkcs12, String pkcs12Password) {
        return new S2lowSettings(baseUrl, pkcs12, pkcs12Password, null, null, List.of());
    }

    @Override
    public byte[] clientCertificate() {
        return clientCertificate.clone();
    }

    /** Identifies the settings' connection parameters (for caching one HTTP client per account). */
    String fingerprint() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(baseUrl.toString().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(clientCertificate);
            d.update((byte) 0);
            d.update(certificatePassword.getBytes(StandardCharsets.UTF_8));
            for (X509Certificate c : trustedCertificates) {
                d.update((byte) 0);
                d.update(c.getEncoded());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S2lowSettings s && s.fingerprint().equals(fingerprint())
                && java.util.Objects.equals(login, s.login) && java.util.Objects.equals(password, s.password);
    }

    @Override
    public int hashCode() {
        return fingerprint().hashCode();
    }

    @Override
    public String toString() {
        return "S2lowSettings[baseUrl=" + baseUrl + ", clientCertificate=" + clientCertificate.length
                + " bytes, certificatePassword=******, login=" + login + ", password=" + (password == null ? "null" : "******")
                + ", trustedCertificates=" + trustedCertificates.size() + "]";
    }

    private static S2lowException invalid(String detail) {
        return new S2lowException(S2lowException.Kind.CONFIGURATION, 0, "Paramètres S²LOW invalides : " + detail + ".");
    }
}
