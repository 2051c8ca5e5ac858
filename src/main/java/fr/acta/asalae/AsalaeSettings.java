package fr.acta.asalae;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How to reach one As@lae archive.
 *
 * @param baseUrl        the {@code restservices} address, e.g. {@code https://asalae.example.fr/restservices}
 *                       (a trailing slash is ignored)
 * @param login          the Basic login
 * @param password       the password as configured
 * @param sha256Password whether the Basic password sent is the lowercase hex SHA-256 of {@code password}
 *                       (Pastell's variant) rather than the password itself
 * @param chunkSize      attachments larger than this many bytes are sent in chunks of this size; 0 never
 */
public record AsalaeSettings(String baseUrl, String login, String password, boolean sha256Password,
                             long chunkSize) {

    public AsalaeSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        if (chunkSize < 0) {
            throw new IllegalArgumentException("chunkSize must be 0 or positive");
        }
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** The password put in the Basic header. */
    String basicPassword() {
        String raw = password == null ? "" : password;
        if (!sha256Password) {
            return raw;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether attachments of this size go in chunks. */
    boolean chunked(long size) {
        return chunkSize > 0 && size > chunkSize;
    }

    @Override
    public String toString() {
        return "AsalaeSettings[" + baseUrl + ", " + login + (sha256Password ? ", sha256" : "") + ", chunk "
                + chunkSize + "]";
    }
}
