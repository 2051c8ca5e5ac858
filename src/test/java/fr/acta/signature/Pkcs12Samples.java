package fr.acta.signature;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * PKCS#12 files for the upload tests, made with the local PKI's plumbing: good ones from a given
 * PKI, and faulty ones (another CA, expired, no chain, a CA or TSA certificate, a key that does not
 * match). Public for the HTTP tests of other packages.
 */
public final class Pkcs12Samples {

    public static final String PASSWORD = "Secret-du-PKCS12!";

    private Pkcs12Samples() {
    }

    /** A valid signing key issued by {@code pki}, under {@link #PASSWORD}. */
    public static byte[] issuedBy(LocalPki pki, String commonName) {
        IssuedKey key = pki.issueSigningCertificate(commonName, "Commune de Valmont-sur-Saône", "Maire");
        KeyPairAndChain k = new KeyPairAndChain(Certificates.readPkcs12(key.pkcs12(), key.password()));
        return Certificates.pkcs12("signer", k.entry.getPrivateKey(), k.chain(), PASSWORD.toCharArray());
    }

    /** As {@link #issuedBy}, but with the signing certificate only (no chain). */
    public static byte[] withoutChain(LocalPki pki) {
        IssuedKey key = pki.issueSigningCertificate("Sans Chaîne", null, null);
        var entry = Certificates.readPkcs12(key.pkcs12(), key.password());
        return Certificates.pkcs12("signer", entry.getPrivateKey(), List.of(key.certificate()), PASSWORD.toCharArray());
    }

    /** A signing certificate of a CA Acta does not trust, valid now. */
    public static byte[] otherCa() {
        return fromOtherCa(Certificates.Profile.SIGNER, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS));
    }

    /** A signing certificate that expired yesterday. */
    public static byte[] expired() {
        return fromOtherCa(Certificates.Profile.SIGNER, Instant.now().minus(400, ChronoUnit.DAYS),
                Instant.now().minus(1, ChronoUnit.DAYS));
    }

    /** A time-stamping certificate (extended key usage timeStamping only). */
    public static byte[] timestamping() {
        return fromOtherCa(Certificates.Profile.TSA, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS));
    }

    /** A CA certificate with its key. */
    public static byte[] authority() {
        return fromOtherCa(Certificates.Profile.ISSUING_CA, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS));
    }

    /** A certificate of {@code pki} with the private key of another pair. */
    public static byte[] mismatchedKey(LocalPki pki) {
        IssuedKey key = pki.issueSigningCertificate("Clé Étrangère", null, null);
        KeyPair other = Certificates.keyPair("EC_P256");
        return Certificates.pkcs12("signer", other.getPrivate(), key.chain(), PASSWORD.toCharArray());
    }

    private static byte[] fromOtherCa(Certificates.Profile profile, Instant notBefore, Instant notAfter) {
        KeyPair caPair = Certificates.keyPair("EC_P256");
        X509Certificate ca = Certificates.issue(Certificates.Profile.ROOT_CA, new X500Name("CN=Autre AC,O=Ailleurs,C=FR"),
                caPair.getPublic(), null, caPair.getPrivate(), notBefore.minus(1, ChronoUnit.DAYS),
                notAfter.plus(3650, ChronoUnit.DAYS), null);
        KeyPair pair = Certificates.keyPair("EC_P256");
        X509Certificate leaf = Certificates.issue(profile, new X500Name("CN=Jean Ailleurs,C=FR"), pair.getPublic(), ca,
                caPair.getPrivate(), notBefore, notAfter, null);
        return Certificates.pkcs12("signer", pair.getPrivate(), List.of(leaf, ca), PASSWORD.toCharArray());
    }

    private record KeyPairAndChain(java.security.KeyStore.PrivateKeyEntry entry) {
        List<X509Certificate> chain() {
            return java.util.Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast).toList();
        }
    }
}
