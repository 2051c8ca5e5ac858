package fr.acta.signature;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.Pfx;

/**
 * Checks a collectivité's own certificate, uploaded as PKCS#12, before it is stored: it opens with
 * its password, holds exactly one private key matching the certificate, with the chain up to an
 * authority Acta trusts; the certificate is in force, not revoked, and fit for signing. Each
 * refusal is a French {@link ValidationException} naming the field at fault ({@code file} or
 * {@code password}).
 */
final class Pkcs12Check {

    static final int MAX_SIZE = 256 * 1024;

    /** Extended key usages that fit document signing (when the certificate restricts its usage). */
    private static final Set<String> SIGNING_EKUS = Set.of(
            "2.5.29.37.0",                // anyExtendedKeyUsage
            "1.3.6.1.5.5.7.3.2",          // clientAuth (RGS certificates often carry it with emailProtection)
            "1.3.6.1.5.5.7.3.4",          // emailProtection
            "1.3.6.1.5.5.7.3.36",         // documentSigning (RFC 9336)
            "1.3.6.1.4.1.311.10.3.12",    // Microsoft document signing
            "1.2.840.113583.1.1.5");      // Adobe Authentic Documents Trust

    private final LocalPki pki;
    private final java.util.function.Supplier<List<X509Certificate>> trustAnchors;
    private final Clock clock;

    /** {@code trustAnchors} is asked at each check: the local PKI is created on first use, not at start-up. */
    Pkcs12Check(LocalPki pki, java.util.function.Supplier<List<X509Certificate>> trustAnchors, Clock clock) {
        this.pki = pki;
        this.trustAnchors = trustAnchors;
        this.clock = clock;
    }

    /** The checked key, as an {@link IssuedKey} over the caller's bytes and password (to destroy after storing). */
    IssuedKey check(byte[] p12, char[] password) {
        if (p12 == null || p12.length == 0) {
            throw refused("file", "Le fichier PKCS#12 est vide.");
        }
        if (p12.length > MAX_SIZE) {
            throw refused("file", "Le fichier PKCS#12 dépasse " + MAX_SIZE / 1024 + " Ko.");
        }
        if (password == null || password.length == 0) {
            throw refused("password", "Le mot de passe du fichier PKCS#12 est obligatoire.");
        }
        if (!isPfx(p12)) {
            throw refused("file", "Le fichier n'est pas un PKCS#12 (.p12 ou .pfx) lisible.");
        }
        KeyStore.PrivateKeyEntry entry = open(p12, password);
        List<X509Certificate> chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast).toList();
        X509Certificate certificate = chain.get(0);
        checkChain(chain);
        checkValidity(certificate);
        checkUsage(certificate);
        checkKeyMatches(entry.getPrivateKey(), certificate);
        checkTrusted(chain);
        pki.revocationOf(certificate).ifPresent(e -> {
            throw refused("file", "Ce certificat " + SignerCertificates.revokedText(e) + ".");
        });
        return new IssuedKey(p12, password, certificate, chain);
    }

    private static boolean isPfx(byte[] p12) {
        try {
            Pfx.getInstance(ASN1Primitive.fromByteArray(p12));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static KeyStore.PrivateKeyEntry open(byte[] p12, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(p12), password);
        } catch (IOException | GeneralSecurityException e) {
            throw refused("password", "Le mot de passe ne permet pas d'ouvrir le fichier PKCS#12.");
        }
        List<String> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
        } catch (GeneralSecurityException e) {
            throw refused("file", "Le fichier PKCS#12 est illisible.");
        }
        if (keys.isEmpty()) {
            throw refused("file", "Le fichier ne contient aucune clé privée.");
        }
        if (keys.size() > 1) {
            throw refused("file", "Le fichier contient " + keys.size() + " clés privées : déposez-en une seule par fichier.");
        }
        try {
            if (store.getEntry(keys.get(0), new KeyStore.PasswordProtection(password)) instanceof KeyStore.PrivateKeyEntry e) {
                return e;
            }
        } catch (GeneralSecurityException e) {
            throw refused("password", "La clé privée ne s'ouvre pas avec ce mot de passe.");
        }
        throw refused("file", "Le fichier ne contient aucune clé privée.");
    }

    private static void checkChain(List<X509Certificate> chain) {
        if (chain.size() < 2) {
            throw refused("file", "Le fichier ne contient pas la chaîne de certification : ajoutez-y les certificats "
                    + "de l'autorité émettrice.");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!LocalCrls.issuedBy(chain.get(i), chain.get(i + 1))) {
                throw refused("file", "La chaîne de certification du fichier est incohérente.");
            }
        }
    }

    private void checkValidity(X509Certificate certificate) {
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw refused("file", "Le certificat a expiré le " + FrenchDates.of(certificate.getNotAfter()) + ".");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw refused("file", "Le certificat n'est valable qu'à partir du " + FrenchDates.of(certificate.getNotBefore()) + ".");
        }
    }

    private static void checkUsage(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            throw refused("file", "Ce certificat est celui d'une autorité de certification, pas d'un signataire.");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || usage[1])) {
            throw refused("file", "L'usage de la clé du certificat ne permet pas de signer "
                    + "(signature numérique ou non-répudiation requise).");
        }
        List<String> extended;
        try {
            extended = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw refused("file", "L'usage étendu du certificat est illisible.");
        }
        if (extended != null && extended.stream().noneMatch(SIGNING_EKUS::contains)) {
            throw refused("file", "L'usage étendu du certificat (" + String.join(", ", extended)
                    + ") ne convient pas à la signature de documents.");
        }
    }

    private static void checkKeyMatches(PrivateKey key, X509Certificate certificate) {
        String algorithm = key instanceof ECKey ? "SHA256withECDSA" : key instanceof RSAKey ? "SHA256withRSA" : null;
        if (algorithm == null) {
            throw refused("file", "Type de clé non pris en charge (" + key.getAlgorithm() + ") : RSA ou ECDSA attendu.");
        }
        byte[] probe = "acta-pkcs12-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] value = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(value)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // falls through to the refusal
        }
        throw refused("file", "La clé privée du fichier ne correspond pas au certificat.");
    }

    private void checkTrusted(List<X509Certificate> chain) {
        X509Certificate top = chain.get(chain.size() - 1);
        for (X509Certificate anchor : trustAnchors.get()) {
            if (chain.contains(anchor) || LocalCrls.issuedBy(top, anchor)) {
                return;
            }
        }
        throw refused("file", "Le certificat n'est pas émis par une autorité reconnue par Acta "
                + "(autorités de confiance configurées par acta.signature.trust-anchors).");
    }

    private static ValidationException refused(String field, String message) {
        return new ValidationException(message, List.of(new FieldViolation(field, message)));
    }
}
