package fr.acta.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.secret.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local PKI: created once, reloaded as it was after a restart, with the extensions DSS expects. */
class LocalPkiTest {

    @TempDir
    Path home;

    @Test
    void a_restart_reloads_the_same_authorities() throws Exception {
        MasterKey master = new MasterKey(null, home, true);
        LocalPki first = new LocalPki(home.resolve("pki"), master, SignatureProperties.defaults(), Clock.systemUTC());
        X509Certificate root = first.rootCertificate();
        X509Certificate tsa = first.tsaCertificate();

        MasterKey reread = new MasterKey(null, home, true);
        LocalPki restarted = new LocalPki(home.resolve("pki"), reread, SignatureProperties.defaults(), Clock.systemUTC());

        assertThat(restarted.rootCertificate()).isEqualTo(root);
        assertThat(restarted.issuingCertificate()).isEqualTo(first.issuingCertificate());
        assertThat(restarted.tsaCertificate()).isEqualTo(tsa);
        assertThat(Files.getPosixFilePermissions(home.resolve("master.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home.resolve("pki/root-ca.p12")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void the_pki_does_not_open_with_another_master_key() {
        LocalPki pki = new LocalPki(home.resolve("pki"), MasterKey.of(new byte[32]), SignatureProperties.defaults(),
                Clock.systemUTC());
        pki.rootCertificate();
        byte[] other = new byte[32];
        other[0] = 1;

        assertThatThrownBy(() -> new LocalPki(home.resolve("pki"), MasterKey.of(other), SignatureProperties.defaults(),
                Clock.systemUTC()).rootCertificate()).hasMessageContaining("wrong master key");
    }

    @Test
    void certificates_carry_the_expected_extensions() throws Exception {
        LocalPki pki = SigningFixture.PKI;
        X509Certificate root = pki.rootCertificate();
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).toDays())
                .isGreaterThanOrEqualTo(20 * 365);

        X509Certificate tsa = pki.tsaCertificate();
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());

        X509Certificate signer = pki.issueSigningCertificate("Jean Dupont", "Commune de Valmont-sur-Saône", "Maire")
                .certificate();
        boolean[] usage = signer.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(signer.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNotNull();
        signer.verify(pki.issuingCertificate().getPublicKey());
        assertThat(signer.getSubjectX500Principal().getName()).contains("CN=Jean Dupont");
    }

    @Test
    void crls_are_valid_for_seven_days_and_renewed_when_half_gone() {
        MasterKey master = MasterKey.of(new byte[32]);
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        LocalPki pki = new LocalPki(home.resolve("pki"), master, SignatureProperties.defaults(),
                Clock.fixed(start, ZoneOffset.UTC));
        List<X509CRL> crls = pki.currentCrls();
        assertThat(crls).hasSize(2).allSatisfy(crl -> assertThat(
                Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant())).isEqualTo(Duration.ofDays(7)));
        assertThat(crls.get(0).getIssuerX500Principal()).isEqualTo(pki.rootCertificate().getSubjectX500Principal());

        LocalPki fourDaysLater = new LocalPki(home.resolve("pki"), master, SignatureProperties.defaults(),
                Clock.fixed(start.plus(Duration.ofDays(4)), ZoneOffset.UTC));
        assertThat(fourDaysLater.currentCrls()).allSatisfy(crl -> {
            assertThat(crl.getThisUpdate().toInstant()).isEqualTo(start.plus(Duration.ofDays(4)));
            assertThat(Certificates.crlNumber(crl)).isEqualTo(java.math.BigInteger.TWO);
        });
        assertThat(pki.crlFile("root-ca.crl")).isNotEmpty();
    }
}
