package fr.acta.prefecture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The transmissions and their events, in the caller's transaction. */
@Repository
class TransmissionStore {

    private final JdbcTemplate jdbc;

    TransmissionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Transmission> latest(UUID actId) {
        return jdbc.query("select * from act_transmission where act_id = ? order by attempt desc limit 1",
                TransmissionStore::map, actId).stream().findFirst();
    }

    Optional<Transmission> latestForUpdate(UUID actId) {
        return jdbc.query("select * from act_transmission where act_id = ? order by attempt desc limit 1 for update",
                TransmissionStore::map, actId).stream().findFirst();
    }

    /** The S²LOW transactions recorded by the sendings of an act. */
    List<String> transactionIds(UUID actId) {
        return jdbc.queryForList("select transaction_id from act_transmission where act_id = ? "
                + "and transaction_id is not null", String.class, actId);
    }

    List<Transmission> inState(Transmission.State state) {
        return jdbc.query("select * from act_transmission where state = ?", TransmissionStore::map, state.name());
    }

    Transmission insert(UUID actId, UUID tenantId, int attempt, UUID packageDocumentId, String packageName) {
        UUID id = UUID.randomUUID();
        Timestamp now = now();
        jdbc.update("""
                insert into act_transmission (id, act_id, tenant_id, attempt, state, package_document_id, package_name,
                                              created_at, updated_at)
                values (?, ?, ?, ?, 'PREPARED', ?, ?, ?, ?)""", id, actId, tenantId, attempt, packageDocumentId,
                packageName, now, now);
        return jdbc.queryForObject("select * from act_transmission where id = ?", TransmissionStore::map, id);
    }

    void postingStarted(UUID id) {
        jdbc.update("update act_transmission set state = 'POSTING', posting_started_at = ?, updated_at = ? where id = ?",
                now(), now(), id);
    }

    void posted(UUID id, long transactionId) {
        jdbc.update("update act_transmission set state = 'POSTED', transaction_id = ?, posted_at = ?, updated_at = ? "
                + "where id = ?", Long.toString(transactionId), now(), now(), id);
    }

    void status(UUID id, Transmission.State state, int code, String label) {
        jdbc.update("update act_transmission set state = ?, status_code = ?, status_label = ?, polls = polls + 1, "
                + "updated_at = ? where id = ?", state.name(), code, label, now(), id);
    }

    void failed(UUID id, String message) {
        jdbc.update("update act_transmission set state = 'ERROR', error_message = ?, updated_at = ? where id = ?",
                cut(message), now(), id);
    }

    void acknowledged(UUID id, String idActe, LocalDate receivedAt, String arXml) {
        jdbc.update("""
                update act_transmission set state = 'ACKNOWLEDGED', id_acte = ?, received_at = ?, ar_xml = ?,
                       acknowledged_at = ?, updated_at = ? where id = ?""", idActe, receivedAt, arXml, now(), now(), id);
    }

    void cancellationRequested(UUID id, String by) {
        jdbc.update("""
                update act_transmission set state = 'CANCELLATION_REQUESTED', cancellation_requested_by = ?,
                       cancellation_requested_at = ?, updated_at = ? where id = ?""", by, now(), now(), id);
    }

    void cancellationPosted(UUID id, long transactionId) {
        jdbc.update("update act_transmission set cancellation_transaction_id = ?, updated_at = ? where id = ?",
                Long.toString(transactionId), now(), id);
    }

    void cancelled(UUID id) {
        jdbc.update("update act_transmission set state = 'CANCELLED', cancelled_at = ?, updated_at = ? where id = ?",
                now(), now(), id);
    }

    void event(UUID transmissionId, Integer statusCode, String label, String detail) {
        jdbc.update("insert into transmission_event (transmission_id, at, status_code, label, detail) values (?,?,?,?,?)",
                transmissionId, now(), statusCode, label, cut(detail));
    }

    List<TransmissionView.Event> events(UUID actId) {
        return jdbc.query("""
                select e.at, e.status_code, e.label, e.detail, t.attempt from transmission_event e
                  join act_transmission t on t.id = e.transmission_id where t.act_id = ? order by e.id""",
                (rs, i) -> new TransmissionView.Event(rs.getTimestamp("at").toInstant(), rs.getInt("attempt"),
                        (Integer) rs.getObject("status_code"), rs.getString("label"), rs.getString("detail")), actId);
    }

    void stampedCopy(UUID original, UUID stamped, UUID transmissionId) {
        jdbc.update("insert into stamped_copy (original_document_id, stamped_document_id, transmission_id) "
                + "values (?, ?, ?) on conflict (original_document_id) do nothing", original, stamped, transmissionId);
    }

    Optional<UUID> stampedCopyOf(UUID original) {
        return jdbc.query("select stamped_document_id from stamped_copy where original_document_id = ?",
                (rs, i) -> rs.getObject(1, UUID.class), original).stream().findFirst();
    }

    private static Transmission map(ResultSet rs, int row) throws SQLException {
        return new Transmission(rs.getObject("id", UUID.class), rs.getObject("act_id", UUID.class),
                rs.getObject("tenant_id", UUID.class), rs.getInt("attempt"),
                Transmission.State.valueOf(rs.getString("state")), rs.getObject("package_document_id", UUID.class),
                rs.getString("package_name"), instant(rs, "posting_started_at"), rs.getString("transaction_id"),
                instant(rs, "posted_at"), (Integer) rs.getObject("status_code"), rs.getString("status_label"),
                rs.getInt("polls"), rs.getString("id_acte"),
                rs.getDate("received_at") == null ? null : rs.getDate("received_at").toLocalDate(),
                rs.getString("ar_xml"), rs.getString("error_message"), rs.getString("cancellation_transaction_id"),
                instant(rs, "cancelled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
