package fr.acta.signature;

import fr.acta.common.NotFoundException;
import fr.acta.secret.KeyCipher;
import fr.acta.secret.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signing keys at rest, in table {@code signature_key}: each PKCS#12 key store is re-protected
 * under a password derived from the master key and the key's id, then encrypted with AES-256-GCM
 * under a key derived from the master key (fresh IV per blob, the row's identity as associated
 * data). The master key is never in the database. A key is unlocked for one signature only, and
 * only when the caller's {@link UnlockCheck} agrees (decision 0006).
 */
@Service
public class KeyVault {

    private static final String COLUMNS = "id, tenant_id, owner_kind, owner_code, certificate_pem, created_at";

    private final JdbcClient jdbc;
    private final MasterKey masterKey;
    private final KeyCipher cipher;
    private final Clock clock;

    @Autowired
    KeyVault(DataSource dataSource, MasterKey masterKey) {
        this(dataSource, masterKey, Clock.systemUTC());
    }

    KeyVault(DataSource dataSource, MasterKey masterKey, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.masterKey = masterKey;
        this.cipher = new KeyCipher(masterKey.derive("keyvault/aes-256-gcm", 32));
        this.clock = clock;
    }

    /** Stores a key; the caller should {@link IssuedKey#destroy()} its copy afterwards. */
    public StoredKey store(UUID tenantId, OwnerKind kind, String ownerCode, IssuedKey key) {
        UUID id = UUID.randomUUID();
        StoredKey stored = new StoredKey(id, tenantId, kind, ownerCode, key.certificate(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        KeyStore.PrivateKeyEntry entry = Certificates.readPkcs12(key.pkcs12(), key.password());
        List<X509Certificate> chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast).toList();
        char[] password = masterKey.password("keyvault/p12/" + id);
        byte[] p12 = Certificates.pkcs12("signer", entry.getPrivateKey(), chain, password);
        Arrays.fill(password, '\0');
        KeyCipher.Sealed sealed = cipher.encrypt(p12, associatedData(stored));
        Arrays.fill(p12, (byte) 0);
        jdbc.sql("insert into signature_key (id, tenant_id, owner_kind, owner_code, certificate_pem, encrypted_blob, "
                        + "iv, created_at) values (:id, :tenant, :kind, :code, :pem, :blob, :iv, :created)")
                .param("id", id).param("tenant", tenantId).param("kind", kind.name()).param("code", ownerCode)
                .param("pem", Certificates.pem(key.certificate())).param("blob", sealed.ciphertext())
                .param("iv", sealed.iv()).param("created", OffsetDateTime.ofInstant(stored.createdAt(), ZoneOffset.UTC))
                .update();
        return stored;
    }

    public Optional<StoredKey> find(UUID tenantId, UUID keyId) {
        return jdbc.sql("select " + COLUMNS + " from signature_key where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", keyId).query(KeyVault::row).optional();
    }

    /** The keys of one desk or seal, newest first. */
    public List<StoredKey> list(UUID tenantId, OwnerKind kind, String ownerCode) {
        return jdbc.sql("select " + COLUMNS + " from signature_key where tenant_id = :tenant and owner_kind = :kind "
                        + "and owner_code = :code order by created_at desc")
                .param("tenant", tenantId).param("kind", kind.name()).param("code", ownerCode)
                .query(KeyVault::row).list();
    }

    /**
     * Decrypts a key for exactly one signature, if {@code check} permits; the returned credentials
     * are closed by {@link PadesSigner#sign} (or by the caller, with try-with-resources).
     */
    public SigningCredentials unlock(UUID tenantId, UUID keyId, UnlockCheck check) {
        StoredKey key = find(tenantId, keyId).orElseThrow(() -> new NotFoundException("Clé de signature inconnue."));
        if (!check.permits(key)) {
            throw new KeyUnlockRefusedException("Déverrouillage de la clé de signature refusé.");
        }
        KeyCipher.Sealed sealed = jdbc.sql("select encrypted_blob, iv from signature_key where tenant_id = :tenant "
                        + "and id = :id").param("tenant", tenantId).param("id", keyId)
                .query((rs, n) -> new KeyCipher.Sealed(rs.getBytes("iv"), rs.getBytes("encrypted_blob"))).single();
        byte[] p12 = cipher.decrypt(sealed, associatedData(key));
        return SigningCredentials.fromPkcs12(p12, masterKey.password("keyvault/p12/" + keyId));
    }

    private static byte[] associatedData(StoredKey key) {
        return String.join("|", "acta-signature-key-v1", key.id().toString(), key.tenantId().toString(),
                key.ownerKind().name(), key.ownerCode()).getBytes(StandardCharsets.UTF_8);
    }

    private static StoredKey row(ResultSet rs, int n) throws SQLException {
        String pem = rs.getString("certificate_pem");
        return new StoredKey(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                OwnerKind.valueOf(rs.getString("owner_kind")), rs.getString("owner_code"), fromPem(pem),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static X509Certificate fromPem(String pem) {
        return Certificates.certificate(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
