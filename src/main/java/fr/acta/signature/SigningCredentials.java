package fr.acta.signature;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * An unlocked signing key, good for exactly one signature: {@link PadesSigner#sign} uses it once
 * and closes it, and any second use fails. Closing drops the DSS token and key entry (the JVM
 * cannot guarantee that a private key's bytes are wiped; the references are gone and the key store
 * bytes and password handed in are overwritten).
 */
public final class SigningCredentials implements AutoCloseable {

    private SignatureTokenConnection token;
    private DSSPrivateKeyEntry entry;
    private final List<X509Certificate> chain;
    private boolean used;

    private SigningCredentials(SignatureTokenConnection token, DSSPrivateKeyEntry entry) {
        this.token = token;
        this.entry = entry;
        this.chain = Arrays.stream(entry.getCertificateChain()).map(CertificateToken::getCertificate).toList();
    }

    /** Opens a PKCS#12 key store; {@code pkcs12} and {@code password} are overwritten once read. */
    public static SigningCredentials fromPkcs12(byte[] pkcs12, char[] password) {
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        try {
            Pkcs12SignatureToken token = new Pkcs12SignatureToken(pkcs12, protection);
            List<DSSPrivateKeyEntry> keys = token.getKeys();
            if (keys.size() != 1) {
                token.close();
                throw new IllegalArgumentException("The key store must hold exactly one signing key, not " + keys.size());
            }
            return new SigningCredentials(token, keys.get(0));
        } finally {
            Arrays.fill(pkcs12, (byte) 0);
            Arrays.fill(password, '\0');
            try {
                protection.destroy();
            } catch (javax.security.auth.DestroyFailedException ignored) {
                // the copy inside PasswordProtection is cleared on a best-effort basis
            }
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** From the signing certificate up to its root, as stored with the key. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Signs once, then closes. */
    synchronized SignatureValue signOnce(ToBeSigned data, DigestAlgorithm digest) {
        if (used || token == null) {
            throw new IllegalStateException("Ces identifiants de signature ont déjà servi : déverrouillez la clé à nouveau.");
        }
        used = true;
        try {
            return token.sign(data, digest, entry);
        } finally {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (token != null) {
            token.close();
        }
        token = null;
        entry = null;
    }
}
