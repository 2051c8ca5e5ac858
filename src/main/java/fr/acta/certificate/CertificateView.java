package fr.acta.certificate;

import fr.acta.signature.KeyStatus;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;

/**
 * A desk's or seal's certificate as the administration API shows it: never the key, nor any
 * password. {@code status}: ACTIVE (signs now), SUPERSEDED, REVOKED, EXPIRED or NOT_YET_VALID.
 */
record CertificateView(UUID id, String kind, String desk, String subject, String issuer, String serialNumber,
                       Instant notBefore, Instant notAfter, String status, boolean localPki, Instant storedAt,
                       Revocation revocation) {

    record Revocation(String reason, String reasonLabel, Instant revokedAt, String revokedBy, boolean inLocalCrl) {
    }

    static CertificateView of(KeyStatus s) {
        X509Certificate c = s.key().certificate();
        Revocation revocation = s.revocation() == null ? null : new Revocation(s.revocation().reason().name(),
                s.revocation().reason().label(), s.revocation().revokedAt(), s.revocation().revokedBy(),
                s.revocation().inLocalCrl());
        return new CertificateView(s.key().id(), CertificateKinds.name(s.key().ownerKind()), s.key().ownerCode(),
                readable(c.getSubjectX500Principal().getEncoded()), readable(c.getIssuerX500Principal().getEncoded()),
                hex(c.getSerialNumber()), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), s.state().name(),
                s.localPki(), s.key().createdAt(), revocation);
    }

    /** "CN=Maire de Valmont,T=Maire,O=…,C=FR" rather than RFC 2253's hexadecimal for the title. */
    private static String readable(byte[] name) {
        return org.bouncycastle.asn1.x500.X500Name.getInstance(name).toString();
    }

    private static String hex(BigInteger serial) {
        return serial.toString(16);
    }
}
