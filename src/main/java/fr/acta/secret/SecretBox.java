package fr.acta.secret;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Named secrets of a collectivité (a connector's settings with its password, an API key…), stored in
 * table {@code tenant_secret} encrypted with AES-256-GCM under a key derived from the master key:
 * fresh IV per write, the collectivité and the name as associated data, so a blob copied onto
 * another row does not open. Callers run inside their own transaction or none; this class never
 * logs a secret and nothing here returns one to an HTTP client.
 */
@Service
public class SecretBox {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,99}");

    private final JdbcClient jdbc;
    private final KeyCipher cipher;
    private final Clock clock;

    @Autowired
    SecretBox(DataSource dataSource, MasterKey masterKey) {
        this(dataSource, masterKey, Clock.systemUTC());
    }

    SecretBox(DataSource dataSource, MasterKey masterKey, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.cipher = new KeyCipher(masterKey.derive("secretbox/aes-256-gcm", 32));
        this.clock = clock;
    }

    /** Stores (or replaces) the secret {@code name} of a collectivité. */
    public void put(UUID tenantId, String name, byte[] secret) {
        check(tenantId, name);
        KeyCipher.Sealed sealed = cipher.encrypt(secret, associatedData(tenantId, name));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        jdbc.sql("insert into tenant_secret (tenant_id, name, ciphertext, iv, updated_at) "
                        + "values (:tenant, :name, :blob, :iv, :at) on conflict (tenant_id, name) do update "
                        + "set ciphertext = excluded.ciphertext, iv = excluded.iv, updated_at = excluded.updated_at")
                .param("tenant", tenantId).param("name", name).param("blob", sealed.ciphertext())
                .param("iv", sealed.iv()).param("at", now).update();
    }

    /** The secret in clear, for the caller's own use only; empty when none is stored. */
    public Optional<byte[]> get(UUID tenantId, String name) {
        check(tenantId, name);
        return jdbc.sql("select ciphertext, iv from tenant_secret where tenant_id = :tenant and name = :name")
                .param("tenant", tenantId).param("name", name)
                .query((rs, n) -> new KeyCipher.Sealed(rs.getBytes("iv"), rs.getBytes("ciphertext"))).optional()
                .map(sealed -> cipher.decrypt(sealed, associatedData(tenantId, name)));
    }

    /** When the secret was last written, without opening it; empty when none is stored. */
    public Optional<Instant> updatedAt(UUID tenantId, String name) {
        check(tenantId, name);
        return jdbc.sql("select updated_at from tenant_secret where tenant_id = :tenant and name = :name")
                .param("tenant", tenantId).param("name", name)
                .query((rs, n) -> rs.getObject("updated_at", OffsetDateTime.class).toInstant()).optional();
    }

    /** Forgets the secret; true if there was one. */
    public boolean delete(UUID tenantId, String name) {
        check(tenantId, name);
        return jdbc.sql("delete from tenant_secret where tenant_id = :tenant and name = :name")
                .param("tenant", tenantId).param("name", name).update() > 0;
    }

    private static void check(UUID tenantId, String name) {
        if (tenantId == null || name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A secret needs a collectivité and a name of [a-z0-9._/-] (100 at most)");
        }
    }

    private static byte[] associatedData(UUID tenantId, String name) {
        return String.join("|", "acta-secret-v1", tenantId.toString(), name).getBytes(StandardCharsets.UTF_8);
    }
}
