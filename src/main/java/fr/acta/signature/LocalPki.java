package fr.acta.signature;

import fr.acta.common.ActaProperties;
import fr.acta.secret.MasterKey;
import fr.acta.common.PublicUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The installation's own PKI, created on first use under {@code ${acta.home}/pki} and reloaded
 * afterwards: a root CA (20 years), an issuing CA, a time-stamping authority (EKU timeStamping,
 * critical) and one CRL per CA, regenerated once half of its validity has passed. Key stores are
 * PKCS#12 files whose passwords derive from the master key. It issues the desks' and seals' signing
 * certificates, revokes them ({@link LocalCrls}), and gives DSS its trust anchor, intermediate
 * certificates, CRLs and local TSA, so that every PAdES level works offline. The certificates it
 * issues point at its CRLs as served by {@code PkiController} under {@code ${acta.public-url}/pki/crl}.
 */
@Component
public class LocalPki {

    static final String ROOT = "root-ca";
    static final String ISSUING = "issuing-ca";
    static final String TSA = "tsa";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Path folder;
    private final MasterKey masterKey;
    private final SignatureProperties properties;
    private final Clock clock;
    private final Supplier<String> crlBase;
    private final LocalCrls crls;
    private Authorities authorities;

    @Autowired
    LocalPki(ActaProperties acta, MasterKey masterKey, SignatureProperties properties, Environment environment) {
        this(acta.home().resolve("pki"), masterKey, properties, Clock.systemUTC(),
                () -> PublicUrl.of(environment) + "/pki/crl");
    }

    LocalPki(Path folder, MasterKey masterKey, SignatureProperties properties, Clock clock) {
        this(folder, masterKey, properties, clock, () -> "http://localhost:8080/pki/crl");
    }

    /** {@code crlBase}: where the CRLs are served, unless {@code acta.signature.pki-base-url} says otherwise. */
    LocalPki(Path folder, MasterKey masterKey, SignatureProperties properties, Clock clock, Supplier<String> crlBase) {
        this.folder = folder;
        this.masterKey = masterKey;
        this.properties = properties;
        this.clock = clock;
        this.crlBase = properties.pkiBaseUrl() != null ? properties::pkiBaseUrl : crlBase;
        this.crls = new LocalCrls(folder, properties.crlValidity(), clock);
    }

    /** The key entries of the three authorities. */
    record Authorities(KeyStore.PrivateKeyEntry root, KeyStore.PrivateKeyEntry issuing, KeyStore.PrivateKeyEntry tsa) {
    }

    public X509Certificate rootCertificate() {
        return (X509Certificate) authorities().root().getCertificate();
    }

    public X509Certificate issuingCertificate() {
        return (X509Certificate) authorities().issuing().getCertificate();
    }

    public X509Certificate tsaCertificate() {
        return (X509Certificate) authorities().tsa().getCertificate();
    }

    /**
     * A new key pair and its signing certificate (keyUsage nonRepudiation and digitalSignature,
     * 3 years), as a PKCS#12 key store under a fresh random password.
     */
    public IssuedKey issueSigningCertificate(String commonName, String organization, String title) {
        KeyPair pair = Certificates.keyPair(properties.keyAlgorithm());
        X509Certificate certificate = certify(pair.getPublic(), commonName, organization, title);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
        List<X509Certificate> chain = List.of(certificate, issuingCertificate(), rootCertificate());
        return new IssuedKey(Certificates.pkcs12("signer", pair.getPrivate(), chain, password), password,
                certificate, chain);
    }

    /** A signing certificate for a key generated elsewhere (a smart card's), as for a certificate request. */
    public X509Certificate certify(PublicKey publicKey, String commonName, String organization, String title) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, required(commonName));
        if (title != null && !title.isBlank()) {
            name.addRDN(BCStyle.T, title.strip());
        }
        if (organization != null && !organization.isBlank()) {
            name.addRDN(BCStyle.O, organization.strip());
        }
        name.addRDN(BCStyle.C, "FR");
        KeyStore.PrivateKeyEntry issuing = authorities().issuing();
        Instant now = clock.instant();
        X509Certificate certificate = Certificates.issue(Certificates.Profile.SIGNER, name.build(), publicKey,
                (X509Certificate) issuing.getCertificate(), issuing.getPrivateKey(), now.minus(CLOCK_SKEW),
                now.plus(3 * 365, ChronoUnit.DAYS), crlUrl(ISSUING));
        crls.issuedSince(certificate.getNotBefore().toInstant());
        return certificate;
    }

    /**
     * Revokes a certificate of the issuing CA now: a new CRL listing it is signed and written at
     * once. Returns false when it was already revoked.
     *
     * @throws IllegalArgumentException for a certificate the local PKI did not issue
     */
    public boolean revoke(X509Certificate certificate, RevocationReason reason) {
        return crls.revoke(authorities(), certificate, reason.crlReason());
    }

    /** Whether the local issuing CA issued this certificate (a desk's key issued here, or a card's certified here). */
    public boolean issued(X509Certificate certificate) {
        return LocalCrls.issuedBy(certificate, issuingCertificate());
    }

    /** The CRL entry of a certificate the local PKI issued and revoked; empty otherwise. */
    Optional<X509CRLEntry> revocationOf(X509Certificate certificate) {
        return crls.revocationOf(authorities(), certificate);
    }

    /** Whether the PKI exists yet (it is created on first use). */
    public boolean exists() {
        return authorities != null || Files.exists(folder.resolve(ROOT + ".p12"));
    }

    /** The chain of the local TSA, from its certificate up to the root. */
    List<X509Certificate> tsaChain() {
        return List.of(tsaCertificate(), issuingCertificate(), rootCertificate());
    }

    PrivateKey tsaKey() {
        return authorities().tsa().getPrivateKey();
    }

    /** The current CRLs of the root and issuing CAs (regenerated when half their validity has passed). */
    public List<X509CRL> currentCrls() {
        return crls.current(authorities());
    }

    /** A CRL in DER, by file name ({@code root-ca.crl} or {@code issuing-ca.crl}), for serving over HTTP. */
    public byte[] crlFile(String name) {
        List<X509CRL> current = currentCrls();
        try {
            return switch (name) {
                case ROOT + ".crl" -> current.get(0).getEncoded();
                case ISSUING + ".crl" -> current.get(1).getEncoded();
                default -> throw new IllegalArgumentException("No CRL named " + name);
            };
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA's or the TSA's certificate in DER, by file name ({@code root-ca.crt}, {@code issuing-ca.crt}, {@code tsa.crt}). */
    public byte[] certificateFile(String name) {
        X509Certificate certificate = switch (name) {
            case ROOT + ".crt" -> rootCertificate();
            case ISSUING + ".crt" -> issuingCertificate();
            case TSA + ".crt" -> tsaCertificate();
            default -> throw new IllegalArgumentException("No certificate named " + name);
        };
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized Authorities authorities() {
        if (authorities == null) {
            try {
                Files.createDirectories(folder);
                authorities = loadOrCreate();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create or read the local PKI under " + folder, e);
            }
        }
        return authorities;
    }

    private Authorities loadOrCreate() throws IOException {
        Instant now = clock.instant();
        String installation = installationId();
        KeyStore.PrivateKeyEntry root = load(ROOT);
        if (root == null) {
            KeyPair pair = Certificates.keyPair(properties.keyAlgorithm());
            X509Certificate cert = Certificates.issue(Certificates.Profile.ROOT_CA,
                    caName("Acta AC racine locale " + installation), pair.getPublic(), null, pair.getPrivate(),
                    now.minus(CLOCK_SKEW), now.plus(20 * 365 + 5, ChronoUnit.DAYS), null);
            root = save(ROOT, pair.getPrivate(), List.of(cert));
        }
        KeyStore.PrivateKeyEntry issuing = load(ISSUING);
        if (issuing == null) {
            issuing = issue(Certificates.Profile.ISSUING_CA, ISSUING, caName("Acta AC de signature " + installation),
                    root, List.of((X509Certificate) root.getCertificate()), 19, crlUrl(ROOT));
        }
        KeyStore.PrivateKeyEntry tsa = load(TSA);
        if (tsa == null) {
            tsa = issue(Certificates.Profile.TSA, TSA, caName("Acta horodatage local " + installation), issuing,
                    List.of((X509Certificate) issuing.getCertificate(), (X509Certificate) root.getCertificate()), 10,
                    crlUrl(ISSUING));
        }
        return new Authorities(root, issuing, tsa);
    }

    private KeyStore.PrivateKeyEntry issue(Certificates.Profile profile, String file, X500Name subject,
                                           KeyStore.PrivateKeyEntry by, List<X509Certificate> upperChain, int years,
                                           String crlUrl) throws IOException {
        Instant now = clock.instant();
        KeyPair pair = Certificates.keyPair(properties.keyAlgorithm());
        X509Certificate cert = Certificates.issue(profile, subject, pair.getPublic(),
                (X509Certificate) by.getCertificate(), by.getPrivateKey(), now.minus(CLOCK_SKEW),
                now.plus(years * 365L, ChronoUnit.DAYS), crlUrl);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(upperChain);
        return save(file, pair.getPrivate(), chain);
    }

    private KeyStore.PrivateKeyEntry load(String name) throws IOException {
        Path file = folder.resolve(name + ".p12");
        if (!Files.exists(file)) {
            return null;
        }
        return Certificates.readPkcs12(Files.readAllBytes(file), masterKey.password("pki/" + name));
    }

    private KeyStore.PrivateKeyEntry save(String name, PrivateKey key, List<X509Certificate> chain) throws IOException {
        char[] password = masterKey.password("pki/" + name);
        byte[] p12 = Certificates.pkcs12(name, key, chain, password);
        write(folder.resolve(name + ".pem"), Certificates.pem(chain.get(0)).getBytes(), false);
        write(folder.resolve(name + ".p12"), p12, true);
        return Certificates.readPkcs12(p12, password);
    }

    private void write(Path file, byte[] content, boolean secret) throws IOException {
        write(folder, file, content, secret);
    }

    /** Writes through a temporary file and an atomic rename; secrets are readable by the owner only. */
    static void write(Path folder, Path file, byte[] content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(folder, file.getFileName().toString(), ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private String crlUrl(String ca) {
        return crlBase.get() + "/" + ca + ".crl";
    }

    private static String installationId() {
        byte[] id = new byte[4];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static X500Name caName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, "Acta")
                .addRDN(BCStyle.C, "FR").build();
    }

    private static String required(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("A signing certificate needs a common name");
        }
        return commonName.strip();
    }
}
