package fr.acta.simulator.prefecture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The sandbox's tables, in plain SQL. Callers hold the database transaction. */
@Component
@SandboxEnabled
class SandboxStore {

    /** A row of a transaction's workflow. */
    record StatusRow(long id, int status, Instant at, String message, byte[] fluxRetour) {
    }

    /** A file of a transaction, without its content. */
    record FileRow(long id, long transactionId, String name, String postedFilename, String mimetype, long size,
                   String codePj) {
    }

    /** A file to store. */
    record NewFile(String name, String postedFilename, String mimetype, byte[] content, String codePj) {
    }

    private static final String COLUMNS = "id, siren, department, login, type, related_id, from_prefecture, "
            + "nature_code, number, subject, decision_date, classification, classification_date, document_papier, "
            + "unique_id, type_reponse, read, outcome, anomaly_nature, anomaly_detail, message_date, submitted_at, "
            + "planned_waiting_at, planned_sent_at, planned_answer_at, last_status";

    private final JdbcTemplate jdbc;

    SandboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Tx t) {
        Long id = jdbc.queryForObject("insert into sandbox_prefecture_transaction (siren, department, login, type, "
                        + "related_id, from_prefecture, nature_code, number, subject, decision_date, classification, "
                        + "classification_date, document_papier, unique_id, type_reponse, read, outcome, anomaly_nature, "
                        + "anomaly_detail, message_date, submitted_at, planned_waiting_at, planned_sent_at, "
                        + "planned_answer_at, last_status) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "returning id", Long.class,
                t.siren(), t.department(), t.login(), t.type(), t.relatedId(), t.fromPrefecture(), t.natureCode(),
                t.number(), t.subject(), t.decisionDate(), t.classification(), t.classificationDate(),
                t.documentPapier(), t.uniqueId(), t.typeReponse(), t.read(), t.outcome(), t.anomalyNature(),
                t.anomalyDetail(), t.messageDate(), ts(t.submittedAt()), ts(t.plannedWaitingAt()),
                ts(t.plannedSentAt()), ts(t.plannedAnswerAt()), t.lastStatus());
        return id;
    }

    void addStatus(long transactionId, int status, Instant at, String message, byte[] fluxRetour) {
        jdbc.update("insert into sandbox_prefecture_status (transaction_id, status, at, message, flux_retour) "
                + "values (?,?,?,?,?)", transactionId, status, ts(at), clip(message, 1000), fluxRetour);
        jdbc.update("update sandbox_prefecture_transaction set last_status = ? where id = ?", status, transactionId);
    }

    void addFiles(long transactionId, List<NewFile> files) {
        for (NewFile f : files) {
            jdbc.update("insert into sandbox_prefecture_file (transaction_id, name, posted_filename, mimetype, size, "
                            + "code_pj, content) values (?,?,?,?,?,?,?)", transactionId, f.name(), clip(f.postedFilename(), 255),
                    f.mimetype(), f.content().length, f.codePj(), f.content());
        }
    }

    Optional<Tx> find(long id) {
        return jdbc.query("select " + COLUMNS + " from sandbox_prefecture_transaction where id = ?", TX, id)
                .stream().findFirst();
    }

    /** The transaction, locked until the end of the database transaction. */
    Optional<Tx> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from sandbox_prefecture_transaction where id = ? for update", TX, id)
                .stream().findFirst();
    }

    /** S²LOW's getTransactionFromUniqueId: by IDActe of an act, else by the name of its XML message. */
    Optional<Long> findByUniqueId(String uniqueId) {
        List<Long> ids = jdbc.queryForList("select id from sandbox_prefecture_transaction where unique_id = ? "
                + "and type = 1", Long.class, uniqueId);
        if (ids.size() == 1) {
            return Optional.of(ids.get(0));
        }
        List<Long> byFile = jdbc.queryForList("select transaction_id from sandbox_prefecture_file where name = ?",
                Long.class, uniqueId + "_0.xml");
        return byFile.size() == 1 ? Optional.of(byFile.get(0)) : Optional.empty();
    }

    boolean numberExists(String siren, String number) {
        Integer n = jdbc.queryForObject("select count(*) from sandbox_prefecture_transaction where siren = ? "
                + "and number = ? and type = 1", Integer.class, siren, number);
        return n != null && n > 0;
    }

    void setUniqueId(long id, String uniqueId) {
        jdbc.update("update sandbox_prefecture_transaction set unique_id = ? where id = ?", uniqueId, id);
    }

    void setOutcome(long id, String outcome, String nature, String detail) {
        jdbc.update("update sandbox_prefecture_transaction set outcome = ?, anomaly_nature = ?, anomaly_detail = ? "
                + "where id = ?", outcome, nature, clip(detail, 1000), id);
    }

    void replan(long id, Instant waitingAt, Instant sentAt, Instant answerAt) {
        jdbc.update("update sandbox_prefecture_transaction set planned_waiting_at = ?, planned_sent_at = ?, "
                + "planned_answer_at = ? where id = ?", ts(waitingAt), ts(sentAt), ts(answerAt), id);
    }

    List<StatusRow> statuses(long transactionId) {
        return jdbc.query("select id, status, at, message, flux_retour from sandbox_prefecture_status "
                + "where transaction_id = ? order by id", STATUS, transactionId);
    }

    Optional<StatusRow> lastWithStatus(long transactionId, int status) {
        return jdbc.query("select id, status, at, message, flux_retour from sandbox_prefecture_status "
                        + "where transaction_id = ? and status = ? order by id desc limit 1", STATUS, transactionId, status)
                .stream().findFirst();
    }

    List<FileRow> files(long transactionId) {
        return jdbc.query("select id, transaction_id, name, posted_filename, mimetype, size, code_pj "
                + "from sandbox_prefecture_file where transaction_id = ? order by id", FILE, transactionId);
    }

    Optional<FileRow> file(long fileId) {
        return jdbc.query("select id, transaction_id, name, posted_filename, mimetype, size, code_pj "
                + "from sandbox_prefecture_file where id = ?", FILE, fileId).stream().findFirst();
    }

    byte[] content(long fileId) {
        return jdbc.queryForObject("select content from sandbox_prefecture_file where id = ?", byte[].class, fileId);
    }

    List<Tx> related(long transactionId) {
        return jdbc.query("select " + COLUMNS + " from sandbox_prefecture_transaction where related_id = ? "
                + "order by id", TX, transactionId);
    }

    /** Transactions of a collectivité still moving (posted, waiting or sent) whose next step may be due. */
    List<Long> moving(String siren, Instant now) {
        return jdbc.queryForList("select id from sandbox_prefecture_transaction where siren = ? and last_status in "
                + "(1, 2, 3) and least(planned_waiting_at, planned_sent_at, planned_answer_at) <= ? order by id",
                Long.class, siren, ts(now));
    }

    List<Tx> byStatus(String siren, int status, int offset, int limit) {
        return jdbc.query("select " + COLUMNS + " from sandbox_prefecture_transaction where siren = ? "
                + "and last_status = ? order by id desc offset ? limit ?", TX, siren, status, offset, limit);
    }

    List<Tx> unreadPrefectureDocuments(String siren) {
        return jdbc.query("select " + COLUMNS + " from sandbox_prefecture_transaction where siren = ? "
                + "and from_prefecture and not read order by id", TX, siren);
    }

    void markRead(String siren, long id) {
        jdbc.update("update sandbox_prefecture_transaction set read = true where id = ? and siren = ?", id, siren);
    }

    /** For the administrator: the newest first, optionally filtered. */
    List<Tx> search(String siren, String number, Integer type, int limit) {
        return jdbc.query("select " + COLUMNS + " from sandbox_prefecture_transaction where (?::varchar is null or "
                        + "siren = ?) and (?::varchar is null or number = ?) and (?::smallint is null or type = ?) "
                        + "order by id desc limit ?", TX, siren, siren, number, number, type, type, limit);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static final RowMapper<Tx> TX = (rs, n) -> {
        long related = rs.getLong("related_id");
        Long relatedId = rs.wasNull() ? null : related;
        return new Tx(rs.getLong("id"), rs.getString("siren"), rs.getString("department"), rs.getString("login"),
                rs.getInt("type"), relatedId, rs.getBoolean("from_prefecture"), rs.getString("nature_code"),
                rs.getString("number"), rs.getString("subject"), date(rs, "decision_date"),
                rs.getString("classification"), date(rs, "classification_date"), rs.getBoolean("document_papier"),
                rs.getString("unique_id"), integer(rs, "type_reponse"), rs.getBoolean("read"), rs.getString("outcome"),
                rs.getString("anomaly_nature"), rs.getString("anomaly_detail"), date(rs, "message_date"),
                instant(rs, "submitted_at"), instant(rs, "planned_waiting_at"), instant(rs, "planned_sent_at"),
                instant(rs, "planned_answer_at"), rs.getInt("last_status"));
    };

    private static final RowMapper<StatusRow> STATUS = (rs, n) -> new StatusRow(rs.getLong("id"), rs.getInt("status"),
            instant(rs, "at"), rs.getString("message"), rs.getBytes("flux_retour"));

    private static final RowMapper<FileRow> FILE = (rs, n) -> new FileRow(rs.getLong("id"), rs.getLong("transaction_id"),
            rs.getString("name"), rs.getString("posted_filename"), rs.getString("mimetype"), rs.getLong("size"),
            rs.getString("code_pj"));
}
