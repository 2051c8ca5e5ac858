package fr.acta.prefecture;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The cancellation of an acknowledged act, on its latest transmission's row, in the caller's transaction. */
@Repository
class CancellationStore {

    /** The cancellation's part of an {@code act_transmission} row. */
    record Cancellation(UUID transmissionId, UUID actId, UUID tenantId, Transmission.State state, String transactionId,
                        String idActe, String requestedBy, Instant requestedAt, Instant postingAt,
                        String cancellationTransactionId, int polls, Instant cancelledAt, LocalDate receivedAt,
                        String error) {

        long actTransaction() {
            return Long.parseLong(transactionId);
        }
    }

    private final JdbcTemplate jdbc;

    CancellationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Cancellation> latest(UUID actId) {
        return jdbc.query("select * from act_transmission where act_id = ? order by attempt desc limit 1",
                CancellationStore::map, actId).stream().findFirst();
    }

    Optional<Cancellation> latestForUpdate(UUID actId) {
        return jdbc.query("select * from act_transmission where act_id = ? order by attempt desc limit 1 for update",
                CancellationStore::map, actId).stream().findFirst();
    }

    void requested(UUID id, String by) {
        jdbc.update("""
                update act_transmission set state = 'CANCELLATION_REQUESTED', cancellation_requested_by = ?,
                       cancellation_requested_at = ?, cancellation_posting_at = null, cancellation_transaction_id = null,
                       cancellation_polls = 0, cancellation_error = null, updated_at = ? where id = ?""",
                by, now(), now(), id);
    }

    void posting(UUID id) {
        jdbc.update("update act_transmission set cancellation_posting_at = ?, updated_at = ? where id = ?", now(), now(), id);
    }

    void posted(UUID id, Long transactionId) {
        jdbc.update("update act_transmission set cancellation_transaction_id = ?, updated_at = ? where id = ?",
                transactionId == null ? null : transactionId.toString(), now(), id);
    }

    void polled(UUID id) {
        jdbc.update("update act_transmission set cancellation_polls = cancellation_polls + 1 where id = ?", id);
    }

    void cancelled(UUID id, String arXml, LocalDate receivedAt) {
        jdbc.update("""
                update act_transmission set state = 'CANCELLED', cancelled_at = ?, cancellation_ar_xml = ?,
                       cancellation_received_at = ?, updated_at = ? where id = ?""", now(), arXml,
                receivedAt == null ? null : Date.valueOf(receivedAt), now(), id);
    }

    /** The cancellation did not go through: the act stays acknowledged (exécutoire). */
    void failed(UUID id, String error) {
        jdbc.update("update act_transmission set state = 'ACKNOWLEDGED', cancellation_error = ?, updated_at = ? "
                + "where id = ?", LetterStore.cut(error), now(), id);
    }

    Optional<String> arXml(UUID actId) {
        return jdbc.query("select cancellation_ar_xml from act_transmission where act_id = ? and cancellation_ar_xml "
                + "is not null order by attempt desc limit 1", (rs, i) -> rs.getString(1), actId).stream().findFirst();
    }

    private static Cancellation map(ResultSet rs, int row) throws SQLException {
        Timestamp requested = rs.getTimestamp("cancellation_requested_at");
        Timestamp posting = rs.getTimestamp("cancellation_posting_at");
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        Date received = rs.getDate("cancellation_received_at");
        return new Cancellation(rs.getObject("id", UUID.class), rs.getObject("act_id", UUID.class),
                rs.getObject("tenant_id", UUID.class), Transmission.State.valueOf(rs.getString("state")),
                rs.getString("transaction_id"), rs.getString("id_acte"), rs.getString("cancellation_requested_by"),
                requested == null ? null : requested.toInstant(), posting == null ? null : posting.toInstant(),
                rs.getString("cancellation_transaction_id"), rs.getInt("cancellation_polls"),
                cancelled == null ? null : cancelled.toInstant(), received == null ? null : received.toLocalDate(),
                rs.getString("cancellation_error"));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
