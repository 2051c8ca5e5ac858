package fr.acta.signature;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * A new signing key and its certificate as a PKCS#12 key store protected by {@code password}; the
 * chain runs from the certificate up to the root. Hand it to {@link KeyVault#store} and then
 * {@link #destroy()} it.
 */
public record IssuedKey(byte[] pkcs12, char[] password, X509Certificate certificate, List<X509Certificate> chain) {

    public IssuedKey {
        chain = List.copyOf(chain);
    }

    /** Overwrites the key store and its password in memory. */
    public void destroy() {
        Arrays.fill(pkcs12, (byte) 0);
        Arrays.fill(password, '\0');
    }
}
