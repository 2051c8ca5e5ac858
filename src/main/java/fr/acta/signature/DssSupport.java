package fr.acta.signature;

import eu.europa.esig.dss.alert.ExceptionOnStatusAlert;
import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.event.Level;

/**
 * The DSS certificate verifier shared by signing and validation: the given trust anchors, the local
 * PKI's intermediate and TSA certificates, its CRLs (offline), and, when configured, online CRL,
 * OCSP and AIA sources for certificates of other authorities. No network access otherwise.
 */
final class DssSupport {

    private DssSupport() {
    }

    /** For validation: problems end up in the reports, never as exceptions. */
    static CommonCertificateVerifier forValidation(LocalPki pki, List<X509Certificate> trustAnchors, boolean online) {
        CommonCertificateVerifier v = base(pki, trustAnchors, online);
        v.setAlertOnMissingRevocationData(new LogOnStatusAlert(Level.DEBUG));
        v.setAlertOnInvalidTimestamp(new LogOnStatusAlert(Level.DEBUG));
        return v;
    }

    /**
     * For signing: a missing CRL, an invalid timestamp or a revoked signer stop the signature with an
     * exception instead of producing a lower level than asked.
     */
    static CommonCertificateVerifier forSigning(LocalPki pki, List<X509Certificate> trustAnchors, boolean online) {
        CommonCertificateVerifier v = base(pki, trustAnchors, online);
        v.setAlertOnMissingRevocationData(new ExceptionOnStatusAlert());
        v.setAlertOnInvalidTimestamp(new ExceptionOnStatusAlert());
        v.setAlertOnRevokedCertificate(new ExceptionOnStatusAlert());
        v.setAlertOnExpiredCertificate(new ExceptionOnStatusAlert());
        v.setAugmentationAlertOnSelfSignedCertificateChains(new ExceptionOnStatusAlert());
        v.setAugmentationAlertOnSignatureWithoutCertificates(new ExceptionOnStatusAlert());
        return v;
    }

    private static CommonCertificateVerifier base(LocalPki pki, List<X509Certificate> trustAnchors, boolean online) {
        CommonCertificateVerifier v = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trustAnchors.forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        v.setTrustedCertSources(trusted);
        CommonCertificateSource adjunct = new CommonCertificateSource();
        for (X509Certificate c : List.of(pki.issuingCertificate(), pki.tsaCertificate(), pki.rootCertificate())) {
            adjunct.addCertificate(new CertificateToken(c));
        }
        v.setAdjunctCertSources(adjunct);
        RevocationSource<CRL> local = localCrls(pki);
        if (online) {
            OnlineCRLSource remote = new OnlineCRLSource();
            v.setCrlSource((cert, issuer) -> firstOf(local.getRevocationToken(cert, issuer),
                    () -> remote.getRevocationToken(cert, issuer)));
            v.setOcspSource(new OnlineOCSPSource());
            v.setAIASource(new DefaultAIASource());
        } else {
            v.setCrlSource(local);
            v.setOcspSource(null);
            v.setAIASource(null);
        }
        return v;
    }

    /** The last CRLs handed to DSS, parsed; rebuilt only when the local PKI renews its CRLs. */
    private record ParsedCrls(List<X509CRL> crls, ExternalResourcesCRLSource source) {
    }

    private static volatile ParsedCrls parsed;

    static ExternalResourcesCRLSource localCrls(LocalPki pki) {
        List<X509CRL> crls = pki.currentCrls();
        ParsedCrls last = parsed;
        if (last != null && last.crls().equals(crls)) {
            return last.source();
        }
        ExternalResourcesCRLSource source = parse(crls);
        parsed = new ParsedCrls(crls, source);
        return source;
    }

    private static ExternalResourcesCRLSource parse(List<X509CRL> crls) {
        InMemoryDocument[] docs = new InMemoryDocument[crls.size()];
        for (int i = 0; i < docs.length; i++) {
            try {
                docs[i] = new InMemoryDocument(crls.get(i).getEncoded());
            } catch (CRLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ExternalResourcesCRLSource(docs);
    }

    private static RevocationToken<CRL> firstOf(RevocationToken<CRL> found,
                                                java.util.function.Supplier<RevocationToken<CRL>> next) {
        return found != null ? found : next.get();
    }
}
