package fr.acta.sae;

import fr.acta.common.ConflictException;
import fr.acta.common.NotFoundException;
import fr.acta.tenant.TenantRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: the archives whose DUA has run out, and their elimination on an archivist's approval.
 * An elimination is refused while the final action is {@code Keep}, while a {@code HoldRule} is in
 * force, before the DUA's end (or when the referential does not tell it), and a second time. The
 * approval commits first (archive marked eliminated, {@code ELIMINATION} in the log, metadata
 * kept); then {@link ContentPurge} deletes the content from every location.
 */
@Service
class Eliminations {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventLog events;
    private final ContentPurge purge;

    Eliminations(JdbcTemplate jdbc, TransactionTemplate tx, EventLog events, ContentPurge purge) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.purge = purge;
    }

    /** Archives whose DUA end is today or past, not eliminated, the oldest first, with whether each may go. */
    Map<String, Object> expired(UUID tenantId, int page, int size) {
        Long total = jdbc.queryForObject("select count(*) from sae_search where tenant_id = ? and not eliminated "
                + "and dua_end <= current_date", Long.class, tenantId);
        List<Map<String, Object>> rows = jdbc.query("""
                select identifier, title, numero, id_acte, nature, matiere, act_date, appraisal_rule, dua_start, dua_end,
                       final_action, hold, hold_end, access_rule, access_end from sae_search
                 where tenant_id = ? and not eliminated and dua_end <= current_date
                 order by dua_end, identifier limit ? offset ?""", (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String c : List.of("identifier", "appraisal_rule", "dua_start", "dua_end", "final_action",
                            "hold", "hold_end", "access_rule", "access_end")) {
                        row.put(c, rs.getObject(c));
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", rs.getString("identifier"));
                    r.put("title", rs.getString("title"));
                    r.put("actNumber", rs.getString("numero"));
                    r.put("idActe", rs.getString("id_acte"));
                    r.put("nature", rs.getString("nature"));
                    r.put("matiere", rs.getString("matiere"));
                    r.put("date", rs.getDate("act_date") == null ? null : rs.getDate("act_date").toLocalDate().toString());
                    Map<String, Object> retention = RecordView.retention(row);
                    r.putAll(retention);
                    r.put("eliminable", refusal(row) == null);
                    r.put("refusal", refusal(row));
                    return r;
                }, tenantId, size, (long) page * size);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total", total);
        result.put("page", page);
        result.put("size", size);
        result.put("results", rows);
        return result;
    }

    /** Eliminates the archive: 404 if unknown, 409 if a rule forbids it or it already was. */
    Map<String, Object> eliminate(TenantRef tenant, String identifier, String user, String reason) {
        Instant now = Instant.now();
        Map<String, Object> decided = tx.execute(status -> {
            List<Map<String, Object>> found = jdbc.queryForList("""
                    select a.id, a.eliminated_at, s.appraisal_rule, s.dua_end, s.final_action, s.hold, s.hold_end
                      from sae_archive a left join sae_search s on s.archive_id = a.id
                     where a.tenant_id = ? and a.identifier = ? for update of a""", tenant.id(), identifier);
            if (found.isEmpty()) {
                throw new NotFoundException("Aucune archive « " + identifier + " » dans ce service d'archives.");
            }
            Map<String, Object> row = found.get(0);
            if (row.get("eliminated_at") != null) {
                throw new ConflictException("L'archive « " + identifier + " » est déjà éliminée (le "
                        + row.get("eliminated_at") + ").");
            }
            String refusal = refusal(row);
            if (refusal != null) {
                throw new ConflictException("Élimination de l'archive « " + identifier + " » refusée : " + refusal);
            }
            UUID id = (UUID) row.get("id");
            jdbc.update("update sae_archive set eliminated_at = ?, eliminated_by = ?, elimination_reason = ? "
                    + "where id = ?", Timestamp.from(now), user, reason, id);
            jdbc.update("update sae_search set eliminated = true where archive_id = ?", id);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("archive", identifier);
            detail.put("user", user);
            detail.put("reason", reason);
            detail.put("appraisalRule", row.get("appraisal_rule"));
            detail.put("duaEnd", String.valueOf(row.get("dua_end")));
            detail.put("finalAction", row.get("final_action"));
            detail.put("objects", jdbc.queryForList("select distinct sha256 from sae_object where archive_id = ? "
                    + "and kind = 'OBJECT' order by sha256", String.class, id));
            events.append(tenant.id(), "ELIMINATION", detail);
            row.put("id", id);
            return row;
        });
        ContentPurge.Outcome outcome = purge.purge(tenant, (UUID) decided.get("id"), identifier);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", identifier);
        result.put("status", "ELIMINATED");
        result.put("eliminatedAt", now);
        result.put("eliminatedBy", user);
        result.put("reason", reason);
        result.put("contentDeleted", outcome.done());
        result.put("deletedObjects", outcome.deleted());
        result.put("sharedObjectsKept", outcome.kept());
        return result;
    }

    /** Why the rules forbid eliminating this archive today (in French), or null when they allow it. */
    static String refusal(Map<String, Object> row) {
        LocalDate today = LocalDate.now(RecordView.PARIS);
        String action = (String) row.get("final_action");
        if (action == null) {
            return "sa règle de durée d'utilité administrative (AppraisalRule) est inconnue.";
        }
        if (!"Destroy".equals(action)) {
            return "son sort final est la conservation définitive (Keep).";
        }
        LocalDate holdEnd = RecordView.date(row.get("hold_end"));
        if (Boolean.TRUE.equals(row.get("hold")) && (holdEnd == null || holdEnd.isAfter(today))) {
            return "elle est gelée par une règle de gel (HoldRule)"
                    + (holdEnd == null ? " sans date de fin." : " jusqu'au " + holdEnd + ".");
        }
        LocalDate duaEnd = RecordView.date(row.get("dua_end"));
        if (duaEnd == null) {
            return "la fin de sa durée d'utilité administrative ne peut être calculée (règle « "
                    + row.get("appraisal_rule") + " » inconnue du référentiel).";
        }
        if (duaEnd.isAfter(today)) {
            return "sa durée d'utilité administrative court jusqu'au " + duaEnd + ".";
        }
        return null;
    }
}
