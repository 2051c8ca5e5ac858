package fr.acta.signature;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Validates the signatures of a PDF with DSS and the default ETSI validation policy: chain to the
 * given trust anchors, revocation from the local PKI's CRLs (and online sources when
 * {@code acta.signature.online-revocation} is set), timestamps, and the PAdES level reached.
 */
@Service
public class SignatureValidator {

    private static final ValidationPolicy POLICY = loadDefaultPolicy();

    private final LocalPki pki;
    private final boolean online;

    @Autowired
    SignatureValidator(LocalPki pki, SignatureProperties properties) {
        this(pki, properties.onlineRevocation());
    }

    SignatureValidator(LocalPki pki, boolean online) {
        this.pki = pki;
        this.online = online;
    }

    /** Validation against the local root only. */
    public ValidationOutcome validate(byte[] signedPdf) {
        return validate(signedPdf, List.of(pki.rootCertificate()));
    }

    public ValidationOutcome validate(byte[] signedPdf, List<X509Certificate> trustAnchors) {
        return outcome(run(signedPdf, trustAnchors, new PdfBoxNativeObjectFactory()));
    }

    /**
     * Validation of a document whose last revision Acta has just produced by signing it. Everything
     * is checked as in {@link #validate(byte[], List)} (chain, revocation, timestamps, level, and the
     * object-level analysis of what each revision changed) except DSS's rendering of every page of
     * every revision to compare them as images: the only revision added is Acta's own signature, whose
     * content is known. Any other document, such as an upload to the validation endpoint, gets the full
     * visual comparison (decision 0013).
     */
    ValidationOutcome validateOwnRevision(byte[] signedPdf, List<X509Certificate> trustAnchors) {
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(0);
        factory.setPdfDifferencesFinder(differences);
        return outcome(run(signedPdf, trustAnchors, factory));
    }

    private static ValidationOutcome outcome(Reports reports) {
        return new ValidationOutcome(checks(reports), reports.getXmlSimpleReport(), reports.getXmlValidationReport());
    }

    private Reports run(byte[] pdf, List<X509Certificate> trustAnchors, PdfBoxNativeObjectFactory factory) {
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
        validator.setPdfObjFactory(factory);
        validator.setCertificateVerifier(DssSupport.forValidation(pki, trustAnchors, online));
        validator.setEnableEtsiValidationReport(true);
        return validator.validateDocument(POLICY);
    }

    private static List<SignatureCheck> checks(Reports reports) {
        SimpleReport simple = reports.getSimpleReport();
        List<SignatureCheck> result = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            Indication indication = simple.getIndication(id);
            SubIndication sub = simple.getSubIndication(id);
            eu.europa.esig.dss.enumerations.SignatureLevel format = simple.getSignatureFormat(id);
            CertificateWrapper signer = reports.getDiagnosticData().getSignatureById(id).getSigningCertificate();
            result.add(new SignatureCheck(id, signer == null ? null : readable(signer.getCertificateDN()),
                    signer == null ? null : serialHex(signer.getSerialNumber()), instant(simple.getSigningTime(id)),
                    format == null ? null : format.toString(), SignatureLevel.of(format),
                    indication == null ? null : indication.name(), sub == null ? null : sub.name(),
                    simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList()));
        }
        return result;
    }

    /** "CN=Jean Dupont,T=Maire,O=…" rather than RFC 2253's hexadecimal for attributes such as the title. */
    private static String readable(String rfc2253) {
        try {
            return org.bouncycastle.asn1.x500.X500Name.getInstance(
                    new javax.security.auth.x500.X500Principal(rfc2253).getEncoded()).toString();
        } catch (RuntimeException e) {
            return rfc2253;
        }
    }

    private static String serialHex(String decimal) {
        try {
            return new java.math.BigInteger(decimal).toString(16);
        } catch (RuntimeException e) {
            return decimal;
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static ValidationPolicy loadDefaultPolicy() {
        try (InputStream in = ValidationPolicyFacade.class.getResourceAsStream("/policy/constraint.xml")) {
            return ValidationPolicyFacade.newFacade().getValidationPolicy(in);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load DSS's default validation policy", e);
        }
    }
}
