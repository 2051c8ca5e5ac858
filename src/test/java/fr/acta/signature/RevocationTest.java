package fr.acta.signature;

import static fr.acta.signature.SigningFixture.PKI;
import static fr.acta.signature.SigningFixture.SIGNER;
import static fr.acta.signature.SigningFixture.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation in the local PKI: the issuing CA's CRL lists the certificate at once and keeps it in
 * every later CRL; DSS no longer validates a signature made afterwards with it; Acta refuses to sign
 * with it (or with an expired certificate), in French, before anything is signed.
 */
class RevocationTest {

    private static final byte[] PDF = SamplePdfs.arrete("Valmont-sur-Saône", "2026_ARR_031", "Révocation");

    @TempDir
    Path home;

    @Test
    void a_signature_made_with_a_revoked_certificate_does_not_pass_dss_validation() throws Exception {
        IssuedKey key = PKI.issueSigningCertificate("Paul Révoqué", "Commune de Valmont-sur-Saône", "Adjoint");
        byte[] before = SIGNER.sign(PDF, credentials(key), SignatureRequest.of(SignatureLevel.LT, "Paul Révoqué")).pdf();
        Thread.sleep(1_100); // the CRL's dates are in seconds: the revocation comes strictly after that signature

        assertThat(PKI.revoke(key.certificate(), RevocationReason.KEY_COMPROMISE)).isTrue();
        assertThat(PKI.revoke(key.certificate(), RevocationReason.KEY_COMPROMISE)).as("once only").isFalse();

        X509CRLEntry entry = PKI.currentCrls().get(1).getRevokedCertificate(key.certificate());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);

        for (SignatureLevel level : List.of(SignatureLevel.B, SignatureLevel.T)) {
            SignatureCheck later = VALIDATOR.validate(signIgnoringRevocation(key, level)).signatures().get(0);
            System.out.println("signed after revocation at " + level + ": " + later.indication() + " / "
                    + later.subIndication());
            assertThat(later.indication()).isNotEqualTo("TOTAL_PASSED");
            assertThat(later.subIndication()).startsWith("REVOKED");
        }
        SignatureCheck earlier = VALIDATOR.validate(before).signatures().get(0);
        System.out.println("signed at LT before revocation: " + earlier.indication() + " / " + earlier.subIndication());
        assertThat(earlier.indication()).as("a signature timestamped before the revocation stays valid")
                .isEqualTo("TOTAL_PASSED");
    }

    @Test
    void acta_refuses_to_sign_with_a_revoked_certificate() {
        IssuedKey key = PKI.issueSigningCertificate("Paul Parti", "Commune de Valmont-sur-Saône", "Adjoint");
        PKI.revoke(key.certificate(), RevocationReason.AFFILIATION_CHANGED);

        assertThatThrownBy(() -> SIGNER.sign(PDF, credentials(key), SignatureRequest.of(SignatureLevel.LT, "Paul Parti")))
                .isInstanceOf(CertificateNotUsableException.class)
                .hasMessageStartingWith("Le certificat du signataire a été révoqué le ")
                .hasMessageEndingWith("(motif : changement de fonction ou de rattachement) : la signature est refusée.");
        assertThatThrownBy(() -> SIGNER.prepare(PDF, key.chain(), SignatureRequest.of(SignatureLevel.B, "Paul Parti")))
                .as("nor with a card").isInstanceOf(CertificateNotUsableException.class);
    }

    @Test
    void acta_refuses_to_sign_with_an_expired_certificate() {
        Instant fourYearsAgo = Instant.now().minus(Duration.ofDays(4 * 365));
        LocalPki past = new LocalPki(home.resolve("pki"), SigningFixture.MASTER_KEY, SigningFixture.PROPERTIES,
                Clock.fixed(fourYearsAgo, ZoneOffset.UTC));
        IssuedKey key = past.issueSigningCertificate("Jean Ancien", null, "Maire");
        LocalPki now = new LocalPki(home.resolve("pki"), SigningFixture.MASTER_KEY, SigningFixture.PROPERTIES,
                Clock.systemUTC());
        PadesSigner signer = new PadesSigner(now, new TspSourceFactory(now, SigningFixture.PROPERTIES),
                new SignatureValidator(now, false), SigningFixture.PROPERTIES);

        assertThatThrownBy(() -> signer.sign(PDF, credentials(key), SignatureRequest.of(SignatureLevel.B, "Jean Ancien")))
                .isInstanceOf(CertificateNotUsableException.class)
                .hasMessageStartingWith("Le certificat du signataire a expiré le ");
    }

    @Test
    void revocations_survive_crl_renewals_and_restarts() {
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        LocalPki pki = new LocalPki(home.resolve("pki"), SigningFixture.MASTER_KEY, SigningFixture.PROPERTIES,
                Clock.fixed(start, ZoneOffset.UTC));
        IssuedKey key = pki.issueSigningCertificate("Marie Partie", null, null);
        IssuedKey kept = pki.issueSigningCertificate("Marie Restée", null, null);
        pki.revoke(key.certificate(), RevocationReason.UNSPECIFIED);
        X509CRL first = pki.currentCrls().get(1);

        LocalPki fiveDaysLater = new LocalPki(home.resolve("pki"), SigningFixture.MASTER_KEY, SigningFixture.PROPERTIES,
                Clock.fixed(start.plus(Duration.ofDays(5)), ZoneOffset.UTC));
        X509CRL renewed = fiveDaysLater.currentCrls().get(1);

        assertThat(renewed.getThisUpdate()).isEqualTo(Date.from(start.plus(Duration.ofDays(5))));
        assertThat(Certificates.crlNumber(renewed)).isGreaterThan(Certificates.crlNumber(first));
        assertThat(renewed.getRevokedCertificate(key.certificate())).isNotNull();
        assertThat(renewed.getRevokedCertificate(key.certificate()).getRevocationReason()).as("no reason code").isNull();
        assertThat(renewed.getRevokedCertificate(kept.certificate())).isNull();
        assertThat(fiveDaysLater.revocationOf(key.certificate())).isPresent();
        assertThat(Certificates.crl(fiveDaysLater.crlFile("issuing-ca.crl"))).isEqualTo(renewed);
    }

    @Test
    void only_certificates_of_the_local_issuing_ca_can_be_revoked_here() {
        LocalPki other = new LocalPki(home.resolve("pki"), SigningFixture.MASTER_KEY, SigningFixture.PROPERTIES,
                Clock.systemUTC());
        IssuedKey foreign = other.issueSigningCertificate("Jean Ailleurs", null, null);

        assertThat(PKI.issued(foreign.certificate())).isFalse();
        assertThatThrownBy(() -> PKI.revoke(foreign.certificate(), RevocationReason.KEY_COMPROMISE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void issued_certificates_point_at_the_crl_under_the_public_url() throws Exception {
        LocalPki pki = new LocalPki(home.resolve("pki"), SigningFixture.MASTER_KEY, SigningFixture.PROPERTIES,
                Clock.systemUTC(), () -> "https://acta.example.fr/pki/crl");
        IssuedKey key = pki.issueSigningCertificate("Jean Dupont", null, null);

        assertThat(crlUrls(key)).containsExactly("https://acta.example.fr/pki/crl/issuing-ca.crl");
    }

    static List<String> crlUrls(IssuedKey key) throws Exception {
        byte[] extension = key.certificate().getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLDistributionPoints.getId());
        var points = org.bouncycastle.asn1.x509.CRLDistPoint.getInstance(
                org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(extension));
        return java.util.Arrays.stream(points.getDistributionPoints())
                .flatMap(p -> java.util.Arrays.stream(((org.bouncycastle.asn1.x509.GeneralNames)
                        p.getDistributionPoint().getName()).getNames()))
                .map(n -> n.getName().toString()).toList();
    }

    private static SigningCredentials credentials(IssuedKey key) {
        return SigningCredentials.fromPkcs12(key.pkcs12().clone(), key.password().clone());
    }

    /** What a signer outside Acta could still produce: DSS alone, with no check of the signer's revocation. */
    private static byte[] signIgnoringRevocation(IssuedKey key, SignatureLevel level) throws Exception {
        PAdESService service = new PAdESService(DssSupport.forValidation(PKI, List.of(PKI.rootCertificate()), false));
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        service.setTspSource(new TspSourceFactory(PKI, SigningFixture.PROPERTIES).create());
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(level.dss());
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(key.certificate()));
        p.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        p.setContentSize(20_000);
        DSSDocument document = new InMemoryDocument(PDF);
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(key.pkcs12().clone(),
                new KeyStore.PasswordProtection(key.password().clone()))) {
            ToBeSigned data = service.getDataToSign(document, p);
            SignatureValue value = token.sign(data, DigestAlgorithm.SHA256, token.getKeys().get(0));
            try (InputStream in = service.signDocument(document, p, value).openStream();
                 ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        }
    }
}
