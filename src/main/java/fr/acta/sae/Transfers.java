package fr.acta.sae;

import fr.acta.seda.SedaVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code sae_transfer} rows: each received transfer, its state and its two replies. */
@Component
class Transfers {

    enum Status { RECEIVED, ACCEPTED, REJECTED }

    record Transfer(UUID id, UUID tenantId, SedaVersion version, String messageIdentifier, String transferringAgency,
                    String archivalAgency, String originatingAgency, Status status, Instant receivedAt,
                    String receivedBy, int attempts, String acknowledgement, String replyCode, String replyComment,
                    String reply, UUID archiveId) {

        SedaReplies.Request request(String archivalAgreement) {
            return new SedaReplies.Request(version, messageIdentifier, transferringAgency, archivalAgency,
                    archivalAgreement);
        }
    }

    private final JdbcTemplate jdbc;

    Transfers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a received transfer; false when the same agency already sent that message identifier. */
    boolean insert(UUID id, UUID tenantId, ManifestHeader h, String archivalAgency, String receivedBy,
                   Instant receivedAt, long messageSize, long attachmentsSize, String acknowledgement) {
        return jdbc.update("""
                insert into sae_transfer (id, tenant_id, seda_version, message_identifier, transferring_agency,
                    archival_agency, originating_agency, status, received_at, received_by, message_size,
                    attachments_size, attempts, next_attempt_at, acknowledgement_xml)
                values (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, 0, ?, ?)
                on conflict (tenant_id, transferring_agency, message_identifier) do nothing""",
                id, tenantId, h.version().label(), h.messageIdentifier(), h.transferringAgency(), archivalAgency,
                h.originatingAgency(), Timestamp.from(receivedAt), receivedBy, messageSize, attachmentsSize,
                Timestamp.from(receivedAt), acknowledgement) == 1;
    }

    Optional<Transfer> find(UUID id) {
        return jdbc.query("select * from sae_transfer where id = ?", Transfers::row, id).stream().findFirst();
    }

    Optional<Transfer> find(UUID tenantId, String transferringAgency, String messageIdentifier) {
        return jdbc.query("select * from sae_transfer where tenant_id = ? and transferring_agency = ? "
                + "and message_identifier = ?", Transfers::row, tenantId, transferringAgency, messageIdentifier)
                .stream().findFirst();
    }

    /**
     * The transfer As@lae's follow-up paths name: its message identifier, and the organisation as
     * the transferring agency (Pastell) or, failing that, the originating agency.
     */
    Optional<Transfer> findForReply(UUID tenantId, String organisation, String messageIdentifier) {
        List<Transfer> found = jdbc.query("""
                select * from sae_transfer where tenant_id = ? and message_identifier = ?
                   and (transferring_agency = ? or originating_agency = ?)
                 order by (transferring_agency = ?) desc, received_at limit 1""", Transfers::row,
                tenantId, messageIdentifier, organisation, organisation, organisation);
        return found.stream().findFirst();
    }

    /** Locks the next transfer waiting for processing (none locked by another worker), in the caller's transaction. */
    Optional<Transfer> claimNext() {
        return jdbc.query("""
                select * from sae_transfer where status = 'RECEIVED' and next_attempt_at <= now()
                 order by received_at limit 1 for update skip locked""", Transfers::row).stream().findFirst();
    }

    void processed(UUID id, Status status, ReplyCode code, String comment, String reply, UUID archiveId) {
        jdbc.update("""
                update sae_transfer set status = ?, reply_code = ?, reply_comment = ?, reply_xml = ?, archive_id = ?,
                       processed_at = now(), attempts = attempts + 1 where id = ? and status = 'RECEIVED'""",
                status.name(), code.code(), comment, reply, archiveId, id);
    }

    /** Records a failed attempt; the next one waits {@code delayMillis}. */
    void failedAttempt(UUID id, String error, long delayMillis) {
        jdbc.update("""
                update sae_transfer set attempts = attempts + 1, last_error = ?,
                       next_attempt_at = now() + make_interval(secs => ?) where id = ? and status = 'RECEIVED'""",
                error.length() > 2000 ? error.substring(0, 2000) : error, delayMillis / 1000.0, id);
    }

    /** Locks a transfer still waiting, unless another worker holds it, in the caller's transaction. */
    Optional<Transfer> lockWaiting(UUID id) {
        return jdbc.query("select * from sae_transfer where id = ? and status = 'RECEIVED' for update skip locked",
                Transfers::row, id).stream().findFirst();
    }

    private static Transfer row(ResultSet rs, int i) throws SQLException {
        return new Transfer(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                SedaVersion.parse(rs.getString("seda_version")).orElseThrow(), rs.getString("message_identifier"),
                rs.getString("transferring_agency"), rs.getString("archival_agency"),
                rs.getString("originating_agency"), Status.valueOf(rs.getString("status")),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("received_by"),
                rs.getInt("attempts"), rs.getString("acknowledgement_xml"), rs.getString("reply_code"),
                rs.getString("reply_comment"), rs.getString("reply_xml"), rs.getObject("archive_id", UUID.class));
    }
}
