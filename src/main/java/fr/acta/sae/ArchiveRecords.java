package fr.acta.sae;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records of an accepted transfer: the archive ({@code sae_archive}), its units with their
 * identifiers, metadata and rules as JSON ({@code sae_archive_unit}), and its objects with their
 * declared and computed digests ({@code sae_object}), the manifest being one of them.
 */
@Component
class ArchiveRecords {

    /** An archive as recorded. */
    record Archive(UUID id, String identifier, String title) {
    }

    /** A stored object of an archive. */
    record StoredObject(String kind, Manifest.DataObject object, String sha256, long size) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ArchiveRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the archive, its units and its objects, in the caller's transaction. */
    Archive insert(Transfers.Transfer t, String tenantCode, Manifest m, String title, String manifestSha256,
                   List<StoredObject> objects, Instant at) {
        UUID id = UUID.randomUUID();
        long seq = jdbc.queryForObject("select nextval('sae_archive_seq')", Long.class);
        String identifier = "SAE-" + tenantCode.toUpperCase(Locale.ROOT) + "-" + Year.now(ZoneId.of("Europe/Paris"))
                + "-" + String.format("%06d", seq);
        jdbc.update("""
                insert into sae_archive (id, tenant_id, identifier, transfer_id, title, seda_version,
                    transferring_agency, originating_agency, archival_agreement, manifest_sha256, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, t.tenantId(), identifier, t.id(), cut(title, 2000),
                t.version().label(), t.transferringAgency(), t.originatingAgency(), m.archivalAgreement(),
                manifestSha256, Timestamp.from(at));
        Map<String, UUID> unitIds = new HashMap<>();
        int position = 0;
        for (Manifest.Unit u : m.units()) {
            UUID unitId = UUID.randomUUID();
            unitIds.put(u.key(), unitId);
            jdbc.update("""
                    insert into sae_archive_unit (id, archive_id, tenant_id, parent_id, position, manifest_id, level,
                        title, identifiers, metadata, rules, object_references)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", unitId, id, t.tenantId(),
                    u.parentKey() == null ? null : unitIds.get(u.parentKey()), ++position, cut(u.key(), 255),
                    cut(u.level(), 32), cut(u.title(), 2000), u.identifiers().toString(), u.metadata().toString(),
                    u.rules().toString(), write(u.references()));
        }
        for (StoredObject s : objects) {
            Manifest.DataObject o = s.object();
            jdbc.update("""
                    insert into sae_object (id, archive_id, tenant_id, kind, manifest_id, group_id, uri, file_name,
                        mime_type, format_id, size, digest_algorithm, digest, sha256)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), id, t.tenantId(),
                    s.kind(), o == null ? null : cut(o.id(), 255), o == null ? null : cut(o.groupId(), 255),
                    o == null ? IncomingFiles.MESSAGE : cut(o.uri(), 1000), o == null ? null : cut(o.fileName(), 1000),
                    o == null ? "application/xml" : cut(o.mimeType(), 255), o == null ? null : cut(o.formatId(), 64),
                    s.size(), o == null ? "SHA-256" : o.algorithm(), o == null ? s.sha256() : o.digest(), s.sha256());
        }
        return new Archive(id, identifier, title);
    }

    /** An archive with its units and objects, as the API shows it; empty if the collectivité has none of that identifier. */
    java.util.Optional<Map<String, Object>> find(UUID tenantId, String identifier) {
        List<Map<String, Object>> archives = jdbc.queryForList("""
                select a.id, a.identifier, a.title, a.seda_version, a.transferring_agency, a.originating_agency,
                       a.archival_agreement, a.manifest_sha256, a.created_at, t.message_identifier
                  from sae_archive a join sae_transfer t on t.id = a.transfer_id
                 where a.tenant_id = ? and a.identifier = ?""", tenantId, identifier);
        if (archives.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> archive = new java.util.LinkedHashMap<>(archives.get(0));
        UUID id = (UUID) archive.remove("id");
        archive.put("units", jdbc.query("""
                select u.manifest_id, p.manifest_id as parent, u.level, u.title, u.identifiers, u.metadata, u.rules,
                       u.object_references from sae_archive_unit u left join sae_archive_unit p on p.id = u.parent_id
                 where u.archive_id = ? order by u.position""", (rs, i) -> {
                    Map<String, Object> unit = new java.util.LinkedHashMap<>();
                    unit.put("id", rs.getString("manifest_id"));
                    unit.put("parent", rs.getString("parent"));
                    unit.put("level", rs.getString("level"));
                    unit.put("title", rs.getString("title"));
                    unit.put("identifiers", read(rs.getString("identifiers")));
                    unit.put("metadata", read(rs.getString("metadata")));
                    unit.put("rules", read(rs.getString("rules")));
                    unit.put("objectReferences", read(rs.getString("object_references")));
                    return unit;
                }, id));
        archive.put("objects", jdbc.queryForList("""
                select kind, manifest_id as id, group_id, uri, file_name, mime_type, format_id, size, digest_algorithm,
                       digest, sha256 from sae_object where archive_id = ? order by kind, manifest_id""", id));
        return java.util.Optional.of(archive);
    }

    private Object read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return text;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
