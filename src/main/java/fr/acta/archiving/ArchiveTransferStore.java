package fr.acta.archiving;

import fr.acta.seda.SedaVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code archive_transfer} rows: each attempt to transfer an act to its archive. */
@Component
class ArchiveTransferStore {

    enum State {
        /** The package is built and kept; nothing has left yet. */
        PREPARED,
        /** The request may have left: ask the archive before any new one. */
        SENDING,
        /** The archive has the transfer; its reply is awaited. */
        SENT,
        ACCEPTED,
        REJECTED
    }

    record ArchiveTransfer(UUID id, UUID actId, UUID tenantId, int attempt, State state, ArchiveKind kind,
                           SedaVersion version, String messageIdentifier, String transferringAgency,
                           UUID packageDocumentId, String packageSha256, String remoteReference, Instant sentAt,
                           int polls, Instant acknowledgedAt, String replyCode, String replyComment,
                           String archiveIdentifier, Instant archivedAt) {
    }

    private final JdbcTemplate jdbc;

    ArchiveTransferStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ArchiveTransfer insert(UUID actId, UUID tenantId, int attempt, ArchiveKind kind, SedaVersion version,
                           String messageIdentifier, String transferringAgency, UUID packageDocumentId,
                           String packageSha256) {
        UUID id = UUID.randomUUID();
        Timestamp now = now();
        jdbc.update("""
                insert into archive_transfer (id, act_id, tenant_id, attempt, state, archive_kind, seda_version,
                    message_identifier, transferring_agency, package_document_id, package_sha256, created_at, updated_at)
                values (?, ?, ?, ?, 'PREPARED', ?, ?, ?, ?, ?, ?, ?, ?)""", id, actId, tenantId, attempt, kind.name(),
                version.label(), messageIdentifier, transferringAgency, packageDocumentId, packageSha256, now, now);
        return find(id).orElseThrow();
    }

    Optional<ArchiveTransfer> find(UUID id) {
        return jdbc.query("select * from archive_transfer where id = ?", this::map, id).stream().findFirst();
    }

    Optional<ArchiveTransfer> latest(UUID actId) {
        return jdbc.query("select * from archive_transfer where act_id = ? order by attempt desc limit 1", this::map,
                actId).stream().findFirst();
    }

    /** As {@link #latest}, the row locked until the end of the caller's transaction. */
    Optional<ArchiveTransfer> latestForUpdate(UUID actId) {
        return jdbc.query("select * from archive_transfer where act_id = ? order by attempt desc limit 1 for update",
                this::map, actId).stream().findFirst();
    }

    void sendingStarted(UUID id) {
        jdbc.update("update archive_transfer set state = 'SENDING', sending_started_at = ?, updated_at = ? "
                + "where id = ? and state = 'PREPARED'", now(), now(), id);
    }

    void sent(UUID id, String reference) {
        jdbc.update("update archive_transfer set state = 'SENT', remote_reference = ?, sent_at = ?, updated_at = ? "
                + "where id = ? and state in ('PREPARED', 'SENDING')", reference, now(), now(), id);
    }

    void polled(UUID id, boolean acknowledged) {
        jdbc.update("update archive_transfer set polls = polls + 1, acknowledged_at = case when ? and acknowledged_at "
                + "is null then ? else acknowledged_at end, updated_at = ? where id = ?", acknowledged, now(), now(), id);
    }

    void accepted(UUID id, String code, String archiveIdentifier) {
        jdbc.update("update archive_transfer set state = 'ACCEPTED', reply_code = ?, archive_identifier = ?, "
                + "archived_at = ?, acknowledged_at = coalesce(acknowledged_at, ?), updated_at = ? where id = ?",
                code, archiveIdentifier, now(), now(), now(), id);
    }

    void rejected(UUID id, String code, String comment) {
        jdbc.update("update archive_transfer set state = 'REJECTED', reply_code = ?, reply_comment = ?, updated_at = ? "
                + "where id = ?", code, comment, now(), id);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private ArchiveTransfer map(ResultSet rs, int row) throws SQLException {
        return new ArchiveTransfer(rs.getObject("id", UUID.class), rs.getObject("act_id", UUID.class),
                rs.getObject("tenant_id", UUID.class), rs.getInt("attempt"), State.valueOf(rs.getString("state")),
                ArchiveKind.valueOf(rs.getString("archive_kind")), SedaVersion.parse(rs.getString("seda_version"))
                .orElseThrow(), rs.getString("message_identifier"), rs.getString("transferring_agency"),
                rs.getObject("package_document_id", UUID.class), rs.getString("package_sha256"),
                rs.getString("remote_reference"), instant(rs, "sent_at"), rs.getInt("polls"),
                instant(rs, "acknowledged_at"), rs.getString("reply_code"), rs.getString("reply_comment"),
                rs.getString("archive_identifier"), instant(rs, "archived_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
