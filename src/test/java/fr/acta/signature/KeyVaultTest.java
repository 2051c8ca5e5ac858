package fr.acta.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.common.NotFoundException;
import fr.acta.secret.MasterKey;
import fr.acta.testdata.SamplePdfs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key vault on a real PostgreSQL migrated by Flyway (V1 and V2): keys are encrypted at rest
 * (nothing of the PKCS#12 in clear in the row), unlock for one signature only when the caller's
 * check agrees, and only within their collectivité and with the right master key.
 */
class KeyVaultTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        for (UUID id : new UUID[] {TENANT, OTHER_TENANT}) {
            JdbcClient.create(dataSource).sql("insert into tenant (id, code, name, siren, departement, arrondissement, "
                            + "nature_code, created_at) values (?, ?, 'Commune de test', '210100012', '01', '1', '32', now())")
                    .params(id, "t" + id.toString().substring(0, 8)).update();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void stores_encrypted_and_unlocks_for_one_signature() {
        KeyVault vault = new KeyVault(dataSource, SigningFixture.MASTER_KEY);
        IssuedKey issued = SigningFixture.PKI.issueSigningCertificate("Jean Dupont", "Commune de Valmont-sur-Saône", "Maire");
        byte[] clearPkcs12 = issued.pkcs12().clone();
        byte[] certificateDer = encoded(issued);

        StoredKey stored = vault.store(TENANT, OwnerKind.DESK, "maire", issued);
        issued.destroy();

        byte[] blob = JdbcClient.create(dataSource).sql("select encrypted_blob from signature_key where id = ?")
                .param(stored.id()).query(byte[].class).single();
        assertThat(contains(blob, clearPkcs12)).as("the PKCS#12 as issued").isFalse();
        assertThat(contains(blob, Arrays.copyOf(clearPkcs12, 32))).as("even its first 32 bytes").isFalse();
        assertThat(contains(blob, certificateDer)).as("the certificate").isFalse();
        assertThat(blob.length).isGreaterThan(clearPkcs12.length / 2);

        assertThat(vault.list(TENANT, OwnerKind.DESK, "maire")).extracting(StoredKey::id).containsExactly(stored.id());
        assertThat(vault.find(OTHER_TENANT, stored.id())).as("invisible from another collectivité").isEmpty();

        SigningCredentials credentials = vault.unlock(TENANT, stored.id(), key -> key.ownerCode().equals("maire"));
        assertThat(credentials.certificate()).isEqualTo(stored.certificate());
        SignedPdf signed = SigningFixture.SIGNER.sign(SamplePdfs.arrete("Valmont-sur-Saône", "2026_ARR_019", "Marché"),
                credentials, SignatureRequest.of(SignatureLevel.LT, "Jean Dupont"));
        assertThat(signed.check().passed()).isTrue();
        assertThatThrownBy(() -> SigningFixture.SIGNER.sign(signed.pdf(), credentials,
                SignatureRequest.of(SignatureLevel.B, "Jean Dupont")))
                .as("one unlock, one signature").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_callers_check_gates_unlocking() {
        KeyVault vault = new KeyVault(dataSource, SigningFixture.MASTER_KEY);
        StoredKey seal = vault.store(TENANT, OwnerKind.SEAL, "cachet",
                SigningFixture.PKI.issueSigningCertificate("Commune de Valmont-sur-Saône", null, null));

        assertThatThrownBy(() -> vault.unlock(TENANT, seal.id(), key -> false))
                .isInstanceOf(KeyUnlockRefusedException.class)
                .hasMessage("Déverrouillage de la clé de signature refusé.");
        assertThatThrownBy(() -> vault.unlock(OTHER_TENANT, seal.id(), key -> true))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void another_master_key_or_a_moved_row_does_not_open() {
        KeyVault vault = new KeyVault(dataSource, SigningFixture.MASTER_KEY);
        StoredKey key = vault.store(TENANT, OwnerKind.DESK, "dgs",
                SigningFixture.PKI.issueSigningCertificate("Paul Durand", null, "DGS"));
        byte[] otherMaster = new byte[32];
        new SecureRandom().nextBytes(otherMaster);

        assertThatThrownBy(() -> new KeyVault(dataSource, MasterKey.of(otherMaster)).unlock(TENANT, key.id(), k -> true))
                .hasMessageContaining("wrong master key");

        JdbcClient.create(dataSource).sql("update signature_key set owner_code = 'maire' where id = ?").param(key.id()).update();
        assertThatThrownBy(() -> vault.unlock(TENANT, key.id(), k -> true)).hasMessageContaining("altered or moved");
    }

    private static byte[] encoded(IssuedKey key) {
        try {
            return key.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
