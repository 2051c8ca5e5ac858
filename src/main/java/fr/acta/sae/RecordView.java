package fr.acta.sae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record view of one archive: what {@link ArchiveRecords#find} shows (units, metadata, rules,
 * objects), the act's description as indexed, its rules with their computed ends (DUA, access,
 * hold), whether it was eliminated, and its proofs: the {@code Acknowledgement} and
 * {@code ArchiveTransferReply} of its transfer, the event log entries that name it, and the state
 * of its objects in the latest fixity audit.
 */
@Component
class RecordView {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int MAX_EVENTS = 500;

    private final JdbcTemplate jdbc;
    private final ArchiveRecords records;
    private final ObjectMapper json = new ObjectMapper();

    RecordView(JdbcTemplate jdbc, ArchiveRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /** The archive's index row and state, if the collectivité has it. */
    Optional<Map<String, Object>> row(UUID tenantId, String identifier) {
        return jdbc.queryForList("""
                select a.id, a.identifier, a.seda_version, a.manifest_sha256, a.eliminated_at, a.eliminated_by,
                       a.elimination_reason, a.content_deleted_at, a.transfer_id, s.title, s.nature, s.matiere,
                       s.matiere_label, s.numero, s.id_acte, s.act_date, s.originating_agency, s.originating_name,
                       s.appraisal_rule, s.dua_start, s.dua_end, s.final_action, s.hold, s.hold_end, s.access_rule,
                       s.access_end
                  from sae_archive a left join sae_search s on s.archive_id = a.id
                 where a.tenant_id = ? and a.identifier = ?""", tenantId, identifier).stream().findFirst();
    }

    Map<String, Object> view(UUID tenantId, Map<String, Object> row) {
        String identifier = (String) row.get("identifier");
        Map<String, Object> view = new LinkedHashMap<>(records.find(tenantId, identifier).orElseThrow());
        boolean eliminated = row.get("eliminated_at") != null;
        view.put("status", eliminated ? "ELIMINATED" : "KEPT");
        if (eliminated) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", row.get("eliminated_at"));
            e.put("by", row.get("eliminated_by"));
            e.put("reason", row.get("elimination_reason"));
            e.put("contentDeleted", row.get("content_deleted_at") != null);
            e.put("notice", "Archive éliminée : ses objets ont été détruits, ses métadonnées et la trace de "
                    + "l'élimination sont conservées.");
            view.put("elimination", e);
        }
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("title", row.get("title"));
        act.put("nature", row.get("nature"));
        act.put("matiere", row.get("matiere"));
        act.put("matiereLabel", row.get("matiere_label"));
        act.put("actNumber", row.get("numero"));
        act.put("idActe", row.get("id_acte"));
        act.put("date", iso(row.get("act_date")));
        act.put("collectivite", row.get("originating_name"));
        act.put("collectiviteId", row.get("originating_agency"));
        view.put("act", act);
        view.put("retention", retention(row));
        view.put("proofs", proofs(tenantId, row));
        return view;
    }

    static Map<String, Object> retention(Map<String, Object> row) {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate duaEnd = date(row.get("dua_end"));
        LocalDate holdEnd = date(row.get("hold_end"));
        LocalDate accessEnd = date(row.get("access_end"));
        boolean held = Boolean.TRUE.equals(row.get("hold")) && (holdEnd == null || holdEnd.isAfter(today));
        Map<String, Object> appraisal = new LinkedHashMap<>();
        appraisal.put("rule", row.get("appraisal_rule"));
        appraisal.put("startDate", iso(row.get("dua_start")));
        appraisal.put("duaEnd", duaEnd == null ? null : duaEnd.toString());
        appraisal.put("expired", duaEnd != null && !duaEnd.isAfter(today));
        appraisal.put("finalAction", row.get("final_action"));
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("rule", row.get("access_rule"));
        access.put("communicableFrom", accessEnd == null ? null : accessEnd.toString());
        access.put("communicable", accessEnd != null && !accessEnd.isAfter(today));
        Map<String, Object> hold = new LinkedHashMap<>();
        hold.put("inForce", held);
        hold.put("until", Boolean.TRUE.equals(row.get("hold")) && holdEnd != null ? holdEnd.toString() : null);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("appraisal", appraisal);
        r.put("access", access);
        r.put("hold", hold);
        return r;
    }

    private Map<String, Object> proofs(UUID tenantId, Map<String, Object> row) {
        String identifier = (String) row.get("identifier");
        Map<String, Object> proofs = new LinkedHashMap<>();
        jdbc.queryForList("select acknowledgement_xml, reply_xml from sae_transfer where id = ?", row.get("transfer_id"))
                .stream().findFirst().ifPresent(t -> {
                    proofs.put("acknowledgement", t.get("acknowledgement_xml"));
                    proofs.put("transferReply", t.get("reply_xml"));
                });
        proofs.put("events", jdbc.query("""
                select position, at, type, detail, hash from sae_event where tenant_id = ?
                   and ((detail::jsonb) ->> 'archive' = ? or (detail::jsonb) -> 'archives' ?? ?)
                 order by position limit ?""", (rs, i) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("position", rs.getLong("position"));
                    e.put("at", rs.getObject("at", java.time.OffsetDateTime.class));
                    e.put("type", rs.getString("type"));
                    e.put("detail", read(rs.getString("detail")));
                    e.put("hash", rs.getString("hash"));
                    return e;
                }, tenantId, identifier, identifier, MAX_EVENTS));
        proofs.put("fixity", fixity(tenantId, identifier));
        return proofs;
    }

    /** The archive's objects in the latest audit report, or null when none was run. */
    private Map<String, Object> fixity(UUID tenantId, String identifier) {
        List<Map<String, Object>> audits = jdbc.queryForList("""
                select id, finished_at, status, report from sae_audit where tenant_id = ?
                 order by started_at desc limit 1""", tenantId);
        if (audits.isEmpty()) {
            return null;
        }
        Map<String, Object> a = audits.get(0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("audit", a.get("id"));
        f.put("at", a.get("finished_at"));
        f.put("auditStatus", a.get("status"));
        List<Object> objects = new ArrayList<>();
        JsonNode report = read((String) a.get("report"));
        boolean all = true;
        boolean found = false;
        for (JsonNode o : report.path("objectReports")) {
            boolean mine = false;
            for (JsonNode archive : o.path("archives")) {
                mine |= identifier.equals(archive.asText());
            }
            if (mine) {
                found = true;
                objects.add(o);
                for (JsonNode state : o.path("copies")) {
                    all &= state.asText().equals(AuditReport.OK) || state.asText().equals(AuditReport.REPAIRED);
                }
            }
        }
        f.put("status", !found ? "NOT_AUDITED" : all ? "OK" : "DAMAGED");
        f.put("objects", objects);
        return f;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : null;
    }

    private static String iso(Object value) {
        LocalDate d = date(value);
        return d == null ? null : d.toString();
    }
}
