package fr.acta.signature;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.TimestampBinary;
import fr.acta.common.UnavailableException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

/**
 * RFC 3161 timestamps over a SHA-256 digest, for evidence other than signatures (the archive's
 * event log): a token from the configured authority (the local TSA on the embedded default), and
 * the check of a token kept earlier. A token of the local TSA must be signed by its certificate;
 * a token of an external authority is checked against the certificate it carries.
 */
@Component
public class Timestamps {

    private final TspSourceFactory tsp;
    private final LocalPki pki;

    Timestamps(TspSourceFactory tsp, LocalPki pki) {
        this.tsp = tsp;
        this.pki = pki;
    }

    /** A token whose message imprint is {@code sha256}; an unreachable authority is an {@link UnavailableException}. */
    public Token stamp(byte[] sha256) {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("A SHA-256 digest is 32 bytes");
        }
        try {
            TimestampBinary binary = tsp.create().getTimeStampResponse(DigestAlgorithm.SHA256, sha256);
            byte[] der = binary.getBytes();
            TimeStampToken token = parse(der);
            return new Token(der, token.getTimeStampInfo().getGenTime().toInstant(), tsp.describe());
        } catch (RuntimeException | TSPException | IOException | CMSException e) {
            throw new UnavailableException("Horodatage impossible auprès de " + tsp.describe() + " : "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code der} is a valid token over {@code sha256}, and when it says the digest existed. */
    public Check check(byte[] der, byte[] sha256) {
        TimeStampToken token;
        try {
            token = parse(der);
        } catch (TSPException | IOException | CMSException | RuntimeException e) {
            return Check.invalid(null, "jeton d'horodatage illisible : " + e.getMessage());
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        if (!NISTObjectIdentifiers.id_sha256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())) {
            return Check.invalid(time, "le jeton n'est pas calculé avec SHA-256");
        }
        if (!MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), sha256)) {
            return Check.invalid(time, "l'empreinte horodatée n'est pas celle de l'entrée");
        }
        try {
            X509Certificate signer = signer(token);
            if (signer == null) {
                return Check.invalid(time, "certificat de l'autorité d'horodatage absent");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return new Check(true, time, signer.getSubjectX500Principal().getName());
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            return Check.invalid(time, "signature du jeton invalide : " + e.getMessage());
        }
    }

    private X509Certificate signer(TimeStampToken token) throws CertificateException {
        if (tsp.isLocal() && pki.exists()) {
            return pki.tsaCertificate();
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = token.getCertificates().getMatches(token.getSID());
        if (holders.isEmpty()) {
            return null;
        }
        return new JcaX509CertificateConverter().getCertificate(holders.iterator().next());
    }

    private static TimeStampToken parse(byte[] der) throws TSPException, IOException, CMSException {
        return new TimeStampToken(new CMSSignedData(der));
    }

    /**
     * @param der       the token (a CMS SignedData), as the authority gave it
     * @param time      the time it asserts
     * @param authority who gave it, for messages
     */
    public record Token(byte[] der, Instant time, String authority) {
    }

    /**
     * @param valid  whether the token is intact, over the digest, and signed by the authority
     * @param time   the time it asserts, when it could be read
     * @param detail the signer when valid, else why not (French)
     */
    public record Check(boolean valid, Instant time, String detail) {
        static Check invalid(Instant time, String reason) {
            return new Check(false, time, reason);
        }
    }
}
