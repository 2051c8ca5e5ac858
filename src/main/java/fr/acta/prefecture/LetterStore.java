package fr.acta.prefecture;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The préfecture's letters, their documents and their replies, in the caller's transaction. */
@Repository
class LetterStore {

    /** A document of a letter ({@code IN}) or of its reply ({@code OUT}). */
    record Attached(UUID documentId, String direction, int position, String typeCode) {
    }

    static final String IN = "IN";
    static final String OUT = "OUT";

    private final JdbcTemplate jdbc;

    LetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a letter unless the collectivité already has it; the new id, or empty when it was there. */
    Optional<UUID> insert(UUID actId, UUID tenantId, long remoteId, int typeCode, LocalDate letterDate, String detail,
                          String rawXml, Letter.State state) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into prefecture_message (id, act_id, tenant_id, remote_id, type_code, received_at, letter_date,
                                                detail, raw_xml, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, remote_id) do nothing""",
                id, actId, tenantId, Long.toString(remoteId), typeCode, now(), letterDate == null ? null
                        : Date.valueOf(letterDate), cut(detail), rawXml, state.name());
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    boolean exists(UUID tenantId, long remoteId) {
        return !jdbc.queryForList("select 1 from prefecture_message where tenant_id = ? and remote_id = ?",
                tenantId, Long.toString(remoteId)).isEmpty();
    }

    Optional<Letter> get(UUID id) {
        return jdbc.query("select * from prefecture_message where id = ?", LetterStore::map, id).stream().findFirst();
    }

    Optional<Letter> getForUpdate(UUID id) {
        return jdbc.query("select * from prefecture_message where id = ? for update", LetterStore::map, id).stream()
                .findFirst();
    }

    List<Letter> ofAct(UUID tenantId, UUID actId) {
        return jdbc.query("select * from prefecture_message where tenant_id = ? and act_id = ? "
                + "order by received_at, remote_id", LetterStore::map, tenantId, actId);
    }

    Optional<Letter> byReplyTransaction(UUID tenantId, long transactionId) {
        return jdbc.query("select * from prefecture_message where tenant_id = ? and reply_transaction_id = ?",
                LetterStore::map, tenantId, Long.toString(transactionId)).stream().findFirst();
    }

    /** The S²LOW transactions Acta already knows around an act: its letters and their replies. */
    Set<Long> knownTransactions(UUID actId) {
        List<String> ids = jdbc.queryForList("""
                select remote_id from prefecture_message where act_id = ?
                union select reply_transaction_id from prefecture_message where act_id = ? and reply_transaction_id is not null
                """, String.class, actId, actId);
        return ids.stream().map(Long::parseLong).collect(java.util.stream.Collectors.toSet());
    }

    /** The act whose transmission is that S²LOW transaction, in that collectivité. */
    Optional<UUID> actOfTransaction(UUID tenantId, long transactionId) {
        return jdbc.query("select act_id from act_transmission where tenant_id = ? and transaction_id = ? limit 1",
                (rs, i) -> rs.getObject(1, UUID.class), tenantId, Long.toString(transactionId)).stream().findFirst();
    }

    void replyRequested(UUID id, String kind, String by) {
        jdbc.update("update prefecture_message set state = 'REPLY_REQUESTED', reply_kind = ?, replied_by = ?, "
                + "reply_error = null where id = ?", kind, by, id);
    }

    void replySending(UUID id) {
        jdbc.update("update prefecture_message set state = 'REPLY_SENDING', reply_started_at = ? where id = ?",
                now(), id);
    }

    void replied(UUID id, long transactionId) {
        jdbc.update("update prefecture_message set state = 'REPLIED', reply_transaction_id = ?, replied_at = ? "
                + "where id = ?", Long.toString(transactionId), now(), id);
    }

    /** S²LOW refused the reply: the letter waits for another one. */
    void replyRefused(UUID id, String error) {
        jdbc.update("""
                update prefecture_message set state = 'AWAITING_REPLY', reply_error = ?, reply_kind = null,
                       reply_started_at = null, replied_by = null where id = ?""", cut(error), id);
    }

    void replyPolled(UUID id) {
        jdbc.update("update prefecture_message set reply_polls = reply_polls + 1 where id = ?", id);
    }

    void replyAcknowledged(UUID id, String arXml, LocalDate date) {
        jdbc.update("""
                update prefecture_message set state = 'REPLY_ACKNOWLEDGED', reply_ar_xml = ?, reply_ar_date = ?,
                       reply_acknowledged_at = ? where id = ?""", arXml, date == null ? null : Date.valueOf(date),
                now(), id);
    }

    void replyFailed(UUID id, String error) {
        jdbc.update("update prefecture_message set state = 'REPLY_ERROR', reply_error = ? where id = ?", cut(error), id);
    }

    void notified(UUID id) {
        jdbc.update("update prefecture_message set notified_at = ? where id = ?", now(), id);
    }

    void attach(UUID messageId, UUID documentId, String direction, int position, String typeCode) {
        jdbc.update("insert into prefecture_message_document (message_id, document_id, direction, position, type_code) "
                + "values (?, ?, ?, ?, ?)", messageId, documentId, direction, position, typeCode);
    }

    List<Attached> attached(UUID messageId) {
        return jdbc.query("select * from prefecture_message_document where message_id = ? order by direction, position",
                (rs, i) -> new Attached(rs.getObject("document_id", UUID.class), rs.getString("direction"),
                        rs.getInt("position"), rs.getString("type_code")), messageId);
    }

    void detachReply(UUID messageId) {
        jdbc.update("delete from prefecture_message_document where message_id = ? and direction = 'OUT'", messageId);
    }

    private static Letter map(ResultSet rs, int row) throws SQLException {
        return new Letter(rs.getObject("id", UUID.class), rs.getObject("act_id", UUID.class),
                rs.getObject("tenant_id", UUID.class), rs.getString("remote_id"), rs.getInt("type_code"),
                instant(rs, "received_at"), date(rs, "letter_date"), rs.getString("detail"),
                Letter.State.valueOf(rs.getString("state")), rs.getString("reply_kind"),
                rs.getString("reply_transaction_id"), instant(rs, "reply_started_at"), instant(rs, "replied_at"),
                rs.getString("replied_by"), rs.getString("reply_error"), rs.getInt("reply_polls"),
                rs.getString("reply_ar_xml"), date(rs, "reply_ar_date"), instant(rs, "reply_acknowledged_at"),
                instant(rs, "notified_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    static String cut(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
