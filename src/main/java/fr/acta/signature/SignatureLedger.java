package fr.acta.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The signatures of each act, with the ETSI validation report kept for each. */
@Service
public class SignatureLedger {

    private static final String COLUMNS = "id, signer, signer_name, desk, absent_desk, kind, level, signed_at, "
            + "certificate_subject, certificate_issuer, certificate_serial, indication, sub_indication, document_id";

    private final JdbcTemplate jdbc;

    SignatureLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(UUID actId, UUID tenantId, SignatureView s, String etsiReport) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into act_signature (id, act_id, tenant_id, document_id, signer, signer_name, desk, absent_desk, "
                        + "kind, level, signed_at, certificate_subject, certificate_issuer, certificate_serial, indication, "
                        + "sub_indication, validation_report) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, actId, tenantId, s.documentId(), s.signer(), s.signerName(), s.desk(), s.absentDesk(), s.kind(),
                s.level(), Timestamp.from(s.signedAt()), s.certificateSubject(), s.certificateIssuer(),
                s.certificateSerial(), s.indication(), s.subIndication(), etsiReport);
        return id;
    }

    /** The act's signatures in force, oldest first. */
    @Transactional(readOnly = true)
    public List<SignatureView> active(UUID actId) {
        return jdbc.query("select " + COLUMNS + " from act_signature where act_id = ? and withdrawn_at is null "
                + "order by signed_at", SignatureLedger::view, actId);
    }

    /** The ETSI validation report of the act's newest signature in force. */
    @Transactional(readOnly = true)
    public Optional<String> latestReport(UUID actId) {
        return jdbc.queryForList("select validation_report from act_signature where act_id = ? and withdrawn_at is null "
                + "order by signed_at desc limit 1", String.class, actId).stream().findFirst();
    }

    /** Withdraws the newest signature (droit de remords); returns it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<SignatureView> withdrawLatest(UUID actId) {
        List<SignatureView> latest = jdbc.query("select " + COLUMNS + " from act_signature where act_id = ? "
                + "and withdrawn_at is null order by signed_at desc limit 1 for update", SignatureLedger::view, actId);
        latest.forEach(s -> jdbc.update("update act_signature set withdrawn_at = ? where id = ?",
                Timestamp.from(Instant.now()), s.id()));
        return latest.stream().findFirst();
    }

    private static SignatureView view(ResultSet rs, int n) throws SQLException {
        return new SignatureView(rs.getObject("id", UUID.class), rs.getString("signer"), rs.getString("signer_name"),
                rs.getString("desk"), rs.getString("absent_desk"), rs.getString("kind"), rs.getString("level"),
                rs.getTimestamp("signed_at").toInstant(), rs.getString("certificate_subject"),
                rs.getString("certificate_issuer"), rs.getString("certificate_serial"), rs.getString("indication"),
                rs.getString("sub_indication"), rs.getObject("document_id", UUID.class));
    }
}
