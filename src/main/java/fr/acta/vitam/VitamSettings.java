package fr.acta.vitam;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One collectivité's access to a Vitam platform.
 *
 * @param baseUrl        the host root, under which {@code /ingest-external/v1}, {@code /admin-external/v1}
 *                       and {@code /access-external/v1} live (e.g. {@code https://vitam.example.fr})
 * @param tenant         the Vitam tenant ({@code X-Tenant-Id})
 * @param accessContract the access contract of searches and downloads ({@code X-Access-Contract-Id})
 * @param ingestContext  the ingest workflow ({@code X-Context-Id}): {@code DEFAULT_WORKFLOW} when null or
 *                       blank, {@code BLANK_TEST} for a dry run that stores nothing
 * @param applicationId  Acta's session id towards Vitam ({@code X-Application-Id}), or null
 * @param clientPkcs12   the application's TLS client certificate and key (PKCS#12), or null for none
 * @param pkcs12Password its password, or null
 */
public record VitamSettings(String baseUrl, int tenant, String accessContract, String ingestContext,
                            String applicationId, byte[] clientPkcs12, char[] pkcs12Password) {

    static final String DEFAULT_WORKFLOW = "DEFAULT_WORKFLOW";

    public VitamSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("L'adresse de Vitam est obligatoire.");
        }
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (tenant < 0) {
            throw new IllegalArgumentException("Le tenant Vitam doit être un entier positif ou nul.");
        }
    }

    /** The workflow of ingests: {@link #ingestContext} or {@code DEFAULT_WORKFLOW}. */
    String workflow() {
        return ingestContext == null || ingestContext.isBlank() ? DEFAULT_WORKFLOW : ingestContext.strip();
    }

    /** Identifies the HTTP client these settings need (address and certificate), never the secrets themselves. */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(baseUrl.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (clientPkcs12 != null) {
                sha.update((byte) 0);
                sha.update(clientPkcs12);
                if (pkcs12Password != null) {
                    sha.update(new String(pkcs12Password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "VitamSettings[baseUrl=" + baseUrl + ", tenant=" + tenant + ", accessContract=" + accessContract
                + ", ingestContext=" + workflow() + ", applicationId=" + applicationId + ", clientCertificate="
                + (clientPkcs12 == null ? "none" : "******") + "]";
    }
}
