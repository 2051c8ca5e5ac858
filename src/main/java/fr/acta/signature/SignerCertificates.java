package fr.acta.signature;

import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a signing certificate may sign now: within its validity and not revoked by the local
 * PKI. Checked before anything is signed; certificates of other CAs are also checked by DSS
 * (online revocation) when the signature is validated.
 */
final class SignerCertificates {

    private SignerCertificates() {
    }

    /** Null when usable at {@code now}, else the French reason, e.g. "a expiré le 12/11/2026 à 14:05". */
    static String whyNotUsable(LocalPki pki, X509Certificate certificate, Instant now) {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return "a expiré le " + FrenchDates.of(certificate.getNotAfter());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return "n'est valable qu'à partir du " + FrenchDates.of(certificate.getNotBefore());
        }
        Optional<X509CRLEntry> revoked = pki.revocationOf(certificate);
        return revoked.map(SignerCertificates::revokedText).orElse(null);
    }

    static String revokedText(X509CRLEntry entry) {
        RevocationReason reason = RevocationReason.of(entry.getRevocationReason());
        return "a été révoqué le " + FrenchDates.of(entry.getRevocationDate())
                + (reason == RevocationReason.UNSPECIFIED ? "" : " (motif : " + reason.label() + ")");
    }

    /** Refuses a signature with the signer's certificate when it is not usable now. */
    static void requireUsable(LocalPki pki, X509Certificate certificate, Instant now) {
        String why = whyNotUsable(pki, certificate, now);
        if (why != null) {
            throw new CertificateNotUsableException("Le certificat du signataire " + why + " : la signature est refusée.");
        }
    }
}
