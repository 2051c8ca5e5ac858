package fr.acta.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.validation.reports.Reports;
import fr.acta.signature.IssuedKey;
import fr.acta.signature.Placement;
import fr.acta.signature.SignatureLevel;
import fr.acta.signature.SignatureRequest;
import fr.acta.signature.SignatureTestKit;
import fr.acta.signature.SigningCredentials;
import java.awt.Color;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Milliseconds per PAdES signature through {@code PadesSigner} (which also validates what it made,
 * to refuse any downgrade) against the same DSS calls alone on the same PDF: {@code floorSign}
 * (sign only) and {@code floorSignAndCheck} (sign, then DSS validation without ETSI report, as the
 * signer does). Both open the PKCS#12 per signature, as a vault unlock does. The floor builds its
 * DSS service, verifier, font and policy once; Acta builds its service and verifier per signature
 * (the CRLs may have been renewed). Run {@link #main}; see docs/PERFORMANCE-signature.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SignatureBench {

    static final float[] AREA = {330, 690, 210, 80};

    @Param({"B", "T", "LT"})
    public String level;

    @Param({"invisible", "area", "tag"})
    public String placement;

    private SignatureTestKit kit;
    private byte[] pdf;
    private byte[] pkcs12;
    private char[] password;
    private List<X509Certificate> chain;
    private PAdESService floorService;
    private CommonCertificateVerifier floorValidation;
    private ValidationPolicy policy;
    private SignatureImageParameters floorImage;

    /**
     * Runs, for each level and placement in turn, Acta then both floors back to back (each in its
     * own forked JVM), so that a change of load on a shared machine hits the three alike; then
     * prints Acta's time over each floor as a Markdown table.
     */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.runner.options.Options base = new org.openjdk.jmh.runner.options.OptionsBuilder()
                .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx1g").build();
        java.util.Collection<org.openjdk.jmh.results.RunResult> results = new java.util.ArrayList<>();
        for (String l : new String[] {"B", "T", "LT"}) {
            for (String pl : new String[] {"invisible", "area", "tag"}) {
                results.addAll(new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                        .parent(base).include(SignatureBench.class.getName() + "\\.(acta|floorSign|floorSignAndCheck)$")
                        .param("level", l).param("placement", pl).build()).run());
            }
        }
        results.addAll(new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                .parent(base).include(SignatureBench.class.getName() + "\\.openPkcs12$")
                .param("level", "B").param("placement", "invisible").build()).run());
        java.util.Map<String, Double> ms = new java.util.TreeMap<>();
        java.util.Map<String, Double> error = new java.util.TreeMap<>();
        for (org.openjdk.jmh.results.RunResult r : results) {
            String method = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            String key = r.getParams().getParam("level") + "/" + r.getParams().getParam("placement") + "/" + method;
            ms.put(key, r.getPrimaryResult().getScore());
            error.put(key, r.getPrimaryResult().getScoreError());
        }
        System.out.println("\n| level | placement | Acta ms | DSS sign ms | DSS sign + check ms | Acta / (sign + check) | Acta / sign |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String l : new String[] {"B", "T", "LT"}) {
            for (String pl : new String[] {"invisible", "area", "tag"}) {
                String k = l + "/" + pl + "/";
                double acta = ms.getOrDefault(k + "acta", Double.NaN);
                double sign = ms.getOrDefault(k + "floorSign", Double.NaN);
                double check = ms.getOrDefault(k + "floorSignAndCheck", Double.NaN);
                System.out.printf(java.util.Locale.ROOT, "| %s | %s | %.1f ± %.1f | %.1f ± %.1f | %.1f ± %.1f | %.2f | %.2f |%n",
                        l, pl, acta, error.getOrDefault(k + "acta", 0.0), sign, error.getOrDefault(k + "floorSign", 0.0),
                        check, error.getOrDefault(k + "floorSignAndCheck", 0.0), acta / check, acta / sign);
            }
        }
        ms.forEach((k, v) -> {
            if (k.endsWith("openPkcs12")) {
                System.out.printf(java.util.Locale.ROOT, "openPkcs12: %.2f ± %.2f ms%n", v, error.get(k));
            }
        });
    }

    @Setup
    public void setUp() throws Exception {
        kit = new SignatureTestKit(Files.createTempDirectory("acta-bench"));
        pdf = SignatureTestKit.deliberationWithTag();
        IssuedKey key = kit.pki.issueSigningCertificate("Jean Dupont", "Commune de Valmont-sur-Saône", "Maire");
        pkcs12 = key.pkcs12();
        password = key.password();
        chain = key.chain();
        floorService = new PAdESService(verifier());
        floorService.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        floorService.setTspSource(kit.tsp.create());
        floorValidation = verifier();
        try (InputStream in = ValidationPolicyFacade.class.getResourceAsStream("/policy/constraint.xml")) {
            policy = ValidationPolicyFacade.newFacade().getValidationPolicy(in);
        }
        floorImage = placement.equals("invisible") ? null : image();
        for (int i = 0; i < 3; i++) {
            acta();
            floorSignAndCheck();
        }
    }

    @Benchmark
    public byte[] acta() {
        Placement where = switch (placement) {
            case "area" -> Placement.at(1, AREA[0], AREA[1], AREA[2], AREA[3]);
            case "tag" -> Placement.tag("#signature#");
            default -> Placement.invisible();
        };
        SignatureRequest request = new SignatureRequest(SignatureLevel.valueOf(level), "Jean Dupont", "Maire",
                "Approbation", "Valmont-sur-Saône", null, null, where);
        return kit.signer.sign(pdf, SigningCredentials.fromPkcs12(pkcs12.clone(), password.clone()), request).pdf();
    }

    @Benchmark
    public DSSDocument floorSign() {
        return dssSign();
    }

    @Benchmark
    public Reports floorSignAndCheck() {
        DSSDocument signed = dssSign();
        PDFDocumentValidator validator = new PDFDocumentValidator(signed);
        validator.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        validator.setCertificateVerifier(floorValidation);
        validator.setEnableEtsiValidationReport(false);
        Reports reports = validator.validateDocument(policy);
        if (reports.getSimpleReport().getIndication(reports.getSimpleReport().getFirstSignatureId()) != Indication.TOTAL_PASSED) {
            throw new IllegalStateException("floor signature does not pass");
        }
        return reports;
    }

    /** Opening the PKCS#12 alone (included in every figure above). */
    @Benchmark
    public DSSPrivateKeyEntry openPkcs12() {
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(pkcs12, new KeyStore.PasswordProtection(password.clone()))) {
            return token.getKeys().get(0);
        }
    }

    private DSSDocument dssSign() {
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel.valueOf("PAdES_BASELINE_" + level));
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(chain.get(0)));
        p.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        p.bLevel().setSigningDate(Date.from(now));
        p.bLevel().setTrustAnchorBPPolicy(false);
        p.bLevel().setClaimedSignerRoles(List.of("Maire"));
        p.setSignerName("Jean Dupont");
        p.setReason("Approbation");
        p.setLocation("Valmont-sur-Saône");
        p.setAppName("Acta");
        p.setSigningTimeZone(TimeZone.getTimeZone("Europe/Paris"));
        if (floorImage != null) {
            floorImage.getTextParameters().setText("Jean Dupont\nMaire\nle 28/11/2026 à 14:05");
            p.setImageParameters(floorImage);
        }
        DSSDocument document = new InMemoryDocument(pdf);
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(pkcs12, new KeyStore.PasswordProtection(password.clone()))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            ToBeSigned data = floorService.getDataToSign(document, p);
            SignatureValue value = token.sign(data, DigestAlgorithm.SHA256, key);
            return floorService.signDocument(document, p, value);
        }
    }

    private CommonCertificateVerifier verifier() throws Exception {
        CommonCertificateVerifier v = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(kit.pki.rootCertificate()));
        v.setTrustedCertSources(trusted);
        CommonCertificateSource adjunct = new CommonCertificateSource();
        adjunct.addCertificate(new CertificateToken(kit.pki.issuingCertificate()));
        adjunct.addCertificate(new CertificateToken(kit.pki.tsaCertificate()));
        v.setAdjunctCertSources(adjunct);
        List<X509CRL> crls = kit.pki.currentCrls();
        InMemoryDocument[] docs = new InMemoryDocument[crls.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new InMemoryDocument(crls.get(i).getEncoded());
        }
        v.setCrlSource(new ExternalResourcesCRLSource(docs));
        v.setOcspSource(null);
        v.setAIASource(null);
        return v;
    }

    private SignatureImageParameters image() throws Exception {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(1);
        field.setOriginX(AREA[0]);
        field.setOriginY(AREA[1]);
        field.setWidth(AREA[2]);
        field.setHeight(AREA[3]);
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        try (InputStream font = SignatureBench.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            DSSFileFont f = new DSSFileFont(new InMemoryDocument(font.readAllBytes(), "DejaVuSans.ttf"));
            f.setEmbedFontSubset(true);
            text.setFont(f);
        }
        text.setTextWrapping(TextWrapping.FILL_BOX);
        text.setPadding(4);
        text.setTextColor(Color.BLACK);
        text.setBackgroundColor(Color.WHITE);
        text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
        text.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.MIDDLE);
        SignatureImageParameters image = new SignatureImageParameters();
        image.setFieldParameters(field);
        image.setTextParameters(text);
        image.setBackgroundColor(Color.WHITE);
        return image;
    }
}
