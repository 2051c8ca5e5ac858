package fr.acta.signature;

import static fr.acta.signature.SigningFixture.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.testdata.SamplePdfs;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Acta never returns a signature below the requested level: an unreachable time-stamping authority
 * or a signer without revocation data ends in a French error and no document.
 */
class NoSilentDowngradeTest {

    private static final byte[] PDF = SamplePdfs.arrete("Valmont-sur-Saône", "2026_ARR_018", "Stationnement");

    @ParameterizedTest
    @EnumSource(value = SignatureLevel.class, names = {"T", "LT", "LTA"})
    void tsa_down_means_no_signature(SignatureLevel level) throws IOException {
        String url = "http://127.0.0.1:" + closedPort() + "/tsa";
        PadesSigner signer = SigningFixture.signer(new TspSourceFactory(PKI, url, 2_000));
        SigningCredentials credentials = SigningFixture.mayor();

        assertThatThrownBy(() -> signer.sign(PDF, credentials, SignatureRequest.of(level, "Jean Dupont")))
                .isInstanceOf(SignatureLevelNotReachedException.class)
                .hasMessage("Niveau de signature " + level.label() + " non atteint : horodatage indisponible (" + url + ")");
        assertThatThrownBy(() -> signer.sign(PDF, credentials, SignatureRequest.of(SignatureLevel.B, "Jean Dupont")))
                .as("the key was unlocked for that one attempt only")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void level_b_needs_no_tsa() throws IOException {
        PadesSigner signer = SigningFixture.signer(new TspSourceFactory(PKI, "http://127.0.0.1:" + closedPort(), 2_000));

        SignedPdf signed = signer.sign(PDF, SigningFixture.mayor(), SignatureRequest.of(SignatureLevel.B, "Jean Dupont"));

        assertThat(signed.check().passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureLevel.class, names = {"B", "T", "LT", "LTA"})
    void a_self_signed_signer_is_refused_and_never_downgraded(SignatureLevel level) {
        KeyPair pair = Certificates.keyPair("EC_P256");
        Instant now = Instant.now();
        X509Certificate selfSigned = Certificates.issue(Certificates.Profile.SIGNER, new X500Name("CN=Jean Dupont,C=FR"),
                pair.getPublic(), null, pair.getPrivate(), now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS), null);
        char[] password = "changeit".toCharArray();
        SigningCredentials credentials = SigningCredentials.fromPkcs12(
                Certificates.pkcs12("self", pair.getPrivate(), List.of(selfSigned), password), password);

        assertThatThrownBy(() -> SigningFixture.SIGNER.sign(PDF, credentials, SignatureRequest.of(level, "Jean Dupont")))
                .isInstanceOf(SignatureLevelNotReachedException.class)
                .hasMessageStartingWith("Niveau de signature " + level.label() + " non atteint : "
                        + "certificat du signataire émis par une autorité non reconnue")
                .satisfies(e -> System.out.println("self-signed at " + level + ": " + e.getMessage()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
