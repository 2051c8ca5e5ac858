package fr.acta.signature;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.DSSUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Signs PDFs in PAdES baseline B, T, LT or LTA, in one step with an unlocked key or in two steps
 * with a key that never leaves its card ({@link #prepare}, then {@link #complete}). Every signature
 * is validated by DSS before it is returned: if the requested level is not reached, or the
 * signature does not pass, a {@link SignatureLevelNotReachedException} is thrown and nothing is
 * returned. A signer's certificate that is expired or revoked by the local PKI is refused before
 * anything is signed ({@link CertificateNotUsableException}).
 */
@Service
public class PadesSigner {

    private static final DigestAlgorithm DIGEST = DigestAlgorithm.SHA256;

    private final LocalPki pki;
    private final TspSourceFactory tsp;
    private final SignatureValidator validator;
    private final SignatureAppearance appearance;
    private final List<X509Certificate> extraTrustAnchors;
    private final boolean online;
    private final Clock clock;

    @Autowired
    PadesSigner(LocalPki pki, TspSourceFactory tsp, SignatureValidator validator, SignatureProperties properties) {
        this(pki, tsp, validator, properties, Clock.systemUTC());
    }

    PadesSigner(LocalPki pki, TspSourceFactory tsp, SignatureValidator validator, SignatureProperties properties,
                Clock clock) {
        this.pki = pki;
        this.tsp = tsp;
        this.validator = validator;
        this.appearance = new SignatureAppearance(properties.fallbackPlacement());
        this.online = properties.onlineRevocation();
        this.clock = clock;
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : properties.trustAnchors()) {
            anchors.addAll(Certificates.readCertificates(file));
        }
        this.extraTrustAnchors = List.copyOf(anchors);
    }

    /** The local root (the PKI is created on first use, not at start-up) and the configured roots. */
    List<X509Certificate> trustAnchors() {
        List<X509Certificate> anchors = new ArrayList<>(extraTrustAnchors.size() + 1);
        anchors.add(pki.rootCertificate());
        anchors.addAll(extraTrustAnchors);
        return anchors;
    }

    /** Signs with an unlocked key; the credentials are used once and closed whatever happens. */
    public SignedPdf sign(byte[] pdf, SigningCredentials credentials, SignatureRequest request) {
        try (credentials) {
            SignerCertificates.requireUsable(pki, credentials.certificate(), clock.instant());
            SignatureRequest fixed = request.withSigningTime(signingTime(request));
            PAdESSignatureParameters parameters = parameters(pdf, credentials.chain(), fixed);
            PAdESService service = service();
            DSSDocument document = new InMemoryDocument(pdf);
            ToBeSigned data = service.getDataToSign(document, parameters);
            SignatureValue value = credentials.signOnce(data, DIGEST);
            return finish(service, document, parameters, value, fixed, credentials.certificate());
        }
    }

    /**
     * First step of an external signature: what the card must sign. The signing time is fixed here
     * and returned in {@link DataToSign#request()}, to be passed back to {@link #complete}.
     */
    public DataToSign prepare(byte[] pdf, List<X509Certificate> chain, SignatureRequest request) {
        if (chain != null && !chain.isEmpty()) {
            SignerCertificates.requireUsable(pki, chain.get(0), clock.instant());
        }
        SignatureRequest fixed = request.withSigningTime(signingTime(request));
        ToBeSigned data = service().getDataToSign(new InMemoryDocument(pdf), parameters(pdf, chain, fixed));
        return new DataToSign(data.getBytes(), DSSUtils.digest(DIGEST, data.getBytes()), DIGEST.getName(),
                fixed.signingTime(), fixed);
    }

    /**
     * Second step: embeds the card's signature value (PKCS#1 v1.5 for RSA, DER or plain for ECDSA)
     * into the same PDF, with the same chain and the request returned by {@link #prepare}.
     */
    public SignedPdf complete(byte[] pdf, List<X509Certificate> chain, SignatureRequest request, byte[] signatureValue) {
        if (request.signingTime() == null) {
            throw new IllegalArgumentException("complete() needs the request returned by prepare(), with its signing time");
        }
        request = request.withSigningTime(request.signingTime().truncatedTo(ChronoUnit.SECONDS));
        if (chain != null && !chain.isEmpty()) {
            SignerCertificates.requireUsable(pki, chain.get(0), clock.instant());
        }
        PAdESSignatureParameters parameters = parameters(pdf, chain, request);
        PAdESService service = service();
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned data = service.getDataToSign(document, parameters);
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                EncryptionAlgorithm.forKey(chain.get(0).getPublicKey()), DIGEST);
        SignatureValue value = asDer(algorithm, signatureValue);
        verify(chain.get(0), algorithm, data, value);
        return finish(service, document, parameters, value, request, chain.get(0));
    }

    private SignedPdf finish(PAdESService service, DSSDocument document, PAdESSignatureParameters parameters,
                             SignatureValue value, SignatureRequest request, X509Certificate signer) {
        byte[] signed;
        try {
            signed = toBytes(service.signDocument(document, parameters, value));
        } catch (RuntimeException e) {
            throw SigningFailures.explain(request.level(), e, tsp.describe());
        }
        ValidationOutcome outcome = validator.validateOwnRevision(signed, trustAnchors());
        SignatureCheck check = checkNewSignature(outcome.signatures(), request, signer);
        return new SignedPdf(signed, request.level(), check, outcome.etsiReportXml());
    }

    /**
     * Finds the signature just made in DSS's validation of the document (kept with its ETSI report,
     * so the document is validated once): it must pass at the requested level.
     */
    private SignatureCheck checkNewSignature(List<SignatureCheck> checks, SignatureRequest request,
                                             X509Certificate signer) {
        String serial = signer.getSerialNumber().toString(16);
        SignatureCheck mine = null;
        for (SignatureCheck c : checks) {
            if (request.signingTime().equals(c.signingTime()) && serial.equalsIgnoreCase(c.signerSerial())) {
                mine = c;
            }
        }
        if (mine == null) {
            throw new SignatureLevelNotReachedException(request.level(), "la signature produite est introuvable", null);
        }
        if (mine.level() != request.level()) {
            throw new SignatureLevelNotReachedException(request.level(), "la signature produite est de niveau "
                    + mine.format() + SigningFailures.missingPart(request.level(), mine.level()), null);
        }
        if (!mine.passed()) {
            throw new SignatureLevelNotReachedException(request.level(), SigningFailures.notPassed(mine), null);
        }
        return mine;
    }

    private PAdESSignatureParameters parameters(byte[] pdf, List<X509Certificate> chain, SignatureRequest request) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("A signature needs the signing certificate and its chain");
        }
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(request.level().dss());
        p.setDigestAlgorithm(DIGEST);
        p.setSigningCertificate(new CertificateToken(chain.get(0)));
        p.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        p.bLevel().setSigningDate(Date.from(request.signingTime()));
        p.bLevel().setTrustAnchorBPPolicy(false);
        if (request.quality() != null && !request.quality().isBlank()) {
            p.bLevel().setClaimedSignerRoles(List.of(request.quality().strip()));
        }
        p.setSignerName(request.signerName().strip());
        p.setReason(request.reason());
        p.setLocation(request.location());
        p.setAppName("Acta");
        p.setSigningTimeZone(TimeZone.getTimeZone(SignatureAppearance.PARIS));
        p.setContentSize(contentSize(chain, request.level()));
        p.setImageParameters(appearance.imageParameters(pdf, request, request.signingTime()));
        return p;
    }

    /**
     * Room reserved for the CMS signature: the signer's chain, and from T on the timestamp token with
     * the TSA's chain (unknown for an external TSA: a generous allowance), plus the signed attributes.
     */
    private int contentSize(List<X509Certificate> chain, SignatureLevel level) {
        int size = 3_000 + encodedLength(chain);
        if (level != SignatureLevel.B) {
            size += 3_000 + (tsp.isLocal() ? encodedLength(pki.tsaChain()) : 12_000);
        }
        return size;
    }

    private static int encodedLength(List<X509Certificate> certificates) {
        int total = 0;
        for (X509Certificate c : certificates) {
            try {
                total += c.getEncoded().length;
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException("Unreadable certificate in the chain", e);
            }
        }
        return total;
    }

    private PAdESService service() {
        PAdESService service = new PAdESService(DssSupport.forSigning(pki, trustAnchors(), online));
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        service.setTspSource(tsp.create());
        return service;
    }

    private Instant signingTime(SignatureRequest request) {
        return request.signingTime() != null ? request.signingTime().truncatedTo(ChronoUnit.SECONDS)
                : clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** ECDSA values come from cards either DER-encoded or as plain r||s; DSS embeds the DER form. */
    private static SignatureValue asDer(SignatureAlgorithm algorithm, byte[] value) {
        if (algorithm.getEncryptionAlgorithm() != EncryptionAlgorithm.ECDSA || isDerSequence(value)) {
            return new SignatureValue(algorithm, value);
        }
        SignatureAlgorithm plain = SignatureAlgorithm.getAlgorithm(EncryptionAlgorithm.PLAIN_ECDSA, DIGEST);
        return DSSUtils.convertECSignatureValue(algorithm, new SignatureValue(plain, value));
    }

    private static boolean isDerSequence(byte[] value) {
        try {
            return org.bouncycastle.asn1.ASN1Sequence.getInstance(value).size() == 2;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Refuses a signature value that does not match the prepared data (wrong card, wrong document). */
    private static void verify(X509Certificate signer, SignatureAlgorithm algorithm, ToBeSigned data, SignatureValue value) {
        try {
            Signature s = Signature.getInstance(algorithm.getJCEId());
            s.initVerify(signer.getPublicKey());
            s.update(data.getBytes());
            if (!s.verify(value.getValue())) {
                throw new IllegalArgumentException("La valeur de signature ne correspond pas au document préparé "
                        + "ou au certificat du signataire.");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("La valeur de signature est illisible : " + e.getMessage(), e);
        }
    }

    private static byte[] toBytes(DSSDocument document) {
        try (var in = document.openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
