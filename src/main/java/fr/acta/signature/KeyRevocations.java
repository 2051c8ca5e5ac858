package fr.acta.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code signature_key_revocation}: the stored keys withdrawn from use, and why. */
@Repository
class KeyRevocations {

    private static final String COLUMNS = "key_id, reason, revoked_at, revoked_by, in_local_crl";

    private final JdbcClient jdbc;

    KeyRevocations(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void record(UUID tenantId, KeyRevocation r) {
        jdbc.sql("insert into signature_key_revocation (key_id, tenant_id, reason, revoked_at, revoked_by, in_local_crl) "
                        + "values (:key, :tenant, :reason, :at, :by, :crl)")
                .param("key", r.keyId()).param("tenant", tenantId).param("reason", r.reason().name())
                .param("at", OffsetDateTime.ofInstant(r.revokedAt(), ZoneOffset.UTC)).param("by", r.revokedBy())
                .param("crl", r.inLocalCrl()).update();
    }

    Optional<KeyRevocation> find(UUID tenantId, UUID keyId) {
        return jdbc.sql("select " + COLUMNS + " from signature_key_revocation where tenant_id = :tenant and key_id = :key")
                .param("tenant", tenantId).param("key", keyId).query(KeyRevocations::row).optional();
    }

    /** The revocations of one desk's or seal's keys. */
    List<KeyRevocation> forOwner(UUID tenantId, OwnerKind kind, String ownerCode) {
        return jdbc.sql("select r.key_id, r.reason, r.revoked_at, r.revoked_by, r.in_local_crl "
                        + "from signature_key_revocation r join signature_key k on k.id = r.key_id "
                        + "where r.tenant_id = :tenant and k.owner_kind = :kind and k.owner_code = :code")
                .param("tenant", tenantId).param("kind", kind.name()).param("code", ownerCode)
                .query(KeyRevocations::row).list();
    }

    private static KeyRevocation row(ResultSet rs, int n) throws SQLException {
        Instant at = rs.getObject("revoked_at", OffsetDateTime.class).toInstant();
        return new KeyRevocation(rs.getObject("key_id", UUID.class), RevocationReason.valueOf(rs.getString("reason")),
                at, rs.getString("revoked_by"), rs.getBoolean("in_local_crl"));
    }
}
