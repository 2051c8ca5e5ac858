package fr.acta.signature;

import static fr.acta.signature.SigningFixture.PKI;
import static fr.acta.signature.SigningFixture.SIGNER;
import static fr.acta.signature.SigningFixture.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two-step signing with a key that never leaves its card: Acta prepares the digest, the card
 * (here, a key held only by the test) signs it, Acta embeds the value and checks the level.
 */
class ExternalSigningTest {

    private static final byte[] PDF = SigningFixture.pdfWithLines(
            new String[] {"Délibération n° 2026_DEL_043", "Le Maire,", ">#signature#"});

    @ParameterizedTest
    @ValueSource(strings = {"EC_P256", "EC_P256_PLAIN", "RSA_3072"})
    void a_card_signs_the_digest_and_the_pdf_validates(String algorithm) throws Exception {
        Card card = new Card(Certificates.keyPair(algorithm.replace("_PLAIN", "")), algorithm.endsWith("_PLAIN"));
        X509Certificate certificate = PKI.certify(card.publicKey(), "Jean Dupont", "Commune de Valmont-sur-Saône", "Maire");
        List<X509Certificate> chain = List.of(certificate, PKI.issuingCertificate(), PKI.rootCertificate());
        SignatureRequest request = new SignatureRequest(SignatureLevel.LTA, "Jean Dupont", "Maire", "Approbation", null,
                null, null, Placement.tag("#signature#"));

        DataToSign toSign = SIGNER.prepare(PDF, chain, request);
        assertThat(toSign.digestAlgorithm()).isEqualTo("SHA256");
        assertThat(toSign.digest()).hasSize(32);
        assertThat(toSign.request().signingTime()).isEqualTo(toSign.signingTime()).isNotNull();

        byte[] value = card.signDigest(toSign.digest());
        SignedPdf signed = SIGNER.complete(PDF, chain, toSign.request(), value);

        assertThat(signed.check().passed()).isTrue();
        assertThat(signed.check().signingTime()).isEqualTo(toSign.signingTime());
        assertThat(VALIDATOR.validate(signed.pdf()).signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo("TOTAL_PASSED");
            assertThat(s.level()).isEqualTo(SignatureLevel.LTA);
        });
        String pdfsig = Pdfsig.run(signed.pdf());
        System.out.println("pdfsig, external " + algorithm + ":\n" + pdfsig);
        assertThat(Pdfsig.validCount(pdfsig)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC_P256"})
    void a_value_from_another_key_is_refused(String algorithm) throws Exception {
        Card card = new Card(Certificates.keyPair(algorithm), false);
        Card other = new Card(Certificates.keyPair(algorithm), false);
        X509Certificate certificate = PKI.certify(card.publicKey(), "Jean Dupont", null, null);
        List<X509Certificate> chain = List.of(certificate, PKI.issuingCertificate(), PKI.rootCertificate());
        DataToSign toSign = SIGNER.prepare(PDF, chain, SignatureRequest.of(SignatureLevel.B, "Jean Dupont"));

        byte[] wrong = other.signDigest(toSign.digest());

        assertThatThrownBy(() -> SIGNER.complete(PDF, chain, toSign.request(), wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("La valeur de signature ne correspond pas au document préparé ou au certificat du signataire.");
    }

    /**
     * What a smart card does: raw signature of a digest (PKCS#1 v1.5 DigestInfo for RSA; ECDSA for EC,
     * DER-encoded or, as many cards return it, plain r||s).
     */
    private record Card(KeyPair keys, boolean plainEcdsa) {
        java.security.PublicKey publicKey() {
            return keys.getPublic();
        }

        byte[] signDigest(byte[] sha256) throws GeneralSecurityException, java.io.IOException {
            PrivateKey key = keys.getPrivate();
            if (key.getAlgorithm().equals("RSA")) {
                Signature rsa = Signature.getInstance("NONEwithRSA");
                rsa.initSign(key);
                rsa.update(new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                        sha256).getEncoded());
                return rsa.sign();
            }
            Signature ecdsa = Signature.getInstance("NONEwithECDSA");
            ecdsa.initSign(key);
            ecdsa.update(sha256);
            byte[] der = ecdsa.sign();
            if (!plainEcdsa) {
                return der;
            }
            org.bouncycastle.asn1.ASN1Sequence rs = org.bouncycastle.asn1.ASN1Sequence.getInstance(der);
            byte[] plain = new byte[64];
            for (int i = 0; i < 2; i++) {
                byte[] n = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32,
                        org.bouncycastle.asn1.ASN1Integer.getInstance(rs.getObjectAt(i)).getValue());
                System.arraycopy(n, 0, plain, 32 * i, 32);
            }
            return plain;
        }
    }
}
