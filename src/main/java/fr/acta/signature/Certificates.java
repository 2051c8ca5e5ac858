package fr.acta.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** BouncyCastle and JCA plumbing of the local PKI: keys, certificates, CRLs, PKCS#12, PEM. */
final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a certificate is for; decides its extensions. */
    enum Profile { ROOT_CA, ISSUING_CA, TSA, SIGNER }

    private Certificates() {
    }

    static KeyPair keyPair(String algorithm) {
        try {
            return switch (algorithm) {
                case "EC_P256" -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    yield g.generateKeyPair();
                }
                case "RSA_3072" -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(3072, RANDOM);
                    yield g.generateKeyPair();
                }
                default -> throw new IllegalArgumentException(
                        "acta.signature.key-algorithm must be EC_P256 or RSA_3072, not " + algorithm);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key pair", e);
        }
    }

    /**
     * A certificate for {@code subject}'s key, signed by {@code issuerKey}; {@code issuer} is null for a
     * self-signed root. {@code crlUrl} (nullable) is the issuer's CRL distribution point.
     */
    static X509Certificate issue(Profile profile, X500Name subject, PublicKey subjectKey, X509Certificate issuer,
                                 PrivateKey issuerKey, Instant notBefore, Instant notAfter, String crlUrl) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial(), Date.from(notBefore),
                    Date.from(notAfter), subject, subjectKey);
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? ext.createAuthorityKeyIdentifier(subjectKey) : ext.createAuthorityKeyIdentifier(issuer));
            switch (profile) {
                case ROOT_CA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case ISSUING_CA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case TSA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                case SIGNER -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                }
            }
            if (crlUrl != null) {
                GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(where), null, null)}));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(issuerKey)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a " + profile + " certificate for " + subject, e);
        }
    }

    /** A revoked certificate as a CRL lists it; {@code reason} null for none given (RFC 5280: no reasonCode). */
    record Revoked(BigInteger serial, Instant revokedAt, java.security.cert.CRLReason reason) {
    }

    /** A CRL with no certificate revoked, with its number and the CA's key identifier. */
    static X509CRL crl(X509Certificate ca, PrivateKey caKey, Instant thisUpdate, Instant nextUpdate, BigInteger number) {
        return crl(ca, caKey, thisUpdate, nextUpdate, number, List.of());
    }

    /** A CRL listing {@code revoked}, with its number and the CA's key identifier. */
    static X509CRL crl(X509Certificate ca, PrivateKey caKey, Instant thisUpdate, Instant nextUpdate, BigInteger number,
                       List<Revoked> revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (Revoked r : revoked) {
                // reason 0 (unspecified) leaves the reasonCode extension out, as RFC 5280 recommends
                b.addCRLEntry(r.serial(), Date.from(r.revokedAt()), r.reason() == null ? 0 : r.reason().ordinal());
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            b.addExtension(Extension.cRLNumber, false, new ASN1Integer(number));
            return new JcaX509CRLConverter().getCRL(b.build(signer(caKey)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue the CRL of " + ca.getSubjectX500Principal(), e);
        }
    }

    /** The entries of a CRL, to carry them over into the next one. */
    static List<Revoked> revoked(X509CRL crl) {
        if (crl.getRevokedCertificates() == null) {
            return List.of();
        }
        return crl.getRevokedCertificates().stream().map(e -> new Revoked(e.getSerialNumber(),
                e.getRevocationDate().toInstant(), e.getRevocationReason())).toList();
    }

    static BigInteger crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return BigInteger.ONE;
        }
        try {
            return ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets())
                    .getValue();
        } catch (IllegalArgumentException e) {
            return BigInteger.ONE;
        }
    }

    static byte[] pkcs12(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, key, password, chain.toArray(X509Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot write a PKCS#12 key store", e);
        }
    }

    /** The only private-key entry of a PKCS#12 key store. */
    static KeyStore.PrivateKeyEntry readPkcs12(byte[] p12, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(p12), password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return (KeyStore.PrivateKeyEntry) ks.getEntry(alias, new KeyStore.PasswordProtection(password));
                }
            }
            throw new IllegalStateException("The PKCS#12 key store holds no private key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open a PKCS#12 key store (wrong master key?)", e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a PKCS#12 key store (wrong master key or damaged file?)", e);
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an X.509 certificate", e);
        }
    }

    /** Every certificate of a PEM (or DER) file. */
    static List<X509Certificate> readCertificates(java.nio.file.Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificates of " + file, e);
        }
    }

    static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an X.509 CRL", e);
        }
    }

    static String pem(Object certificateOrCrl) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            w.writeObject(certificateOrCrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static org.bouncycastle.operator.ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        String algorithm = key instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).build(key);
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
