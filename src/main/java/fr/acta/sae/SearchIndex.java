package fr.acta.sae;

import fr.acta.seda.SedaVersion;
import fr.acta.tenant.TenantAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The search index ({@code sae_search}): one row per archive, written in the transaction that
 * records the archive, with the metadata its manifest gives and a French {@code tsvector}
 * ({@code acta_fr}: unaccent then the French stemmer) over the title (weight A), the other
 * metadata (B) and the text of its objects (C). Archives recorded before the index existed are
 * indexed once the application is ready.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final JdbcTemplate jdbc;
    private final ObjectStores stores;
    private final ArchiveText text;
    private final RuleDurations rules;
    private final TenantAccess tenants;

    SearchIndex(JdbcTemplate jdbc, ObjectStores stores, ArchiveText text, RuleDurations rules, TenantAccess tenants) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.text = text;
        this.rules = rules;
        this.tenants = tenants;
    }

    /** Indexes a newly recorded archive, in the caller's transaction (its objects already stored). */
    void index(ArchiveRecords.Archive archive, UUID tenantId, String tenantCode, Manifest m, String originatingAgency,
               List<ArchiveRecords.StoredObject> stored) {
        ArchiveDescription d = ArchiveDescription.of(m, archive.title(), originatingAgency, rules);
        List<ArchiveText.Source> sources = new ArrayList<>();
        for (ArchiveRecords.StoredObject s : stored) {
            if (s.object() != null) {
                Path copy = copy(tenantCode, s.sha256());
                if (copy != null) {
                    sources.add(new ArchiveText.Source(copy, s.object().mimeType()));
                }
            }
        }
        insert(archive.id(), tenantId, archive.identifier(), d, text.extract(sources));
    }

    void insert(UUID archiveId, UUID tenantId, String identifier, ArchiveDescription d, String body) {
        jdbc.update("""
                insert into sae_search (archive_id, tenant_id, identifier, title, nature, matiere, matiere_label, numero,
                    id_acte, act_date, originating_agency, originating_name, appraisal_rule, dua_start, dua_end,
                    final_action, hold, hold_end, access_rule, access_end, body, document)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    setweight(to_tsvector('acta_fr', ?), 'A') || setweight(to_tsvector('acta_fr', ?), 'B')
                    || setweight(to_tsvector('acta_fr', ?), 'C'))
                on conflict (archive_id) do nothing""",
                archiveId, tenantId, identifier, cut(d.title(), 2000), cut(d.nature(), 8), cut(d.matiere(), 32),
                cut(d.matiereLabel(), 500), cut(d.numero(), 255), cut(d.idActe(), 255), sql(d.date()),
                cut(d.agency(), 255), cut(d.agencyName(), 500), cut(d.appraisalRule(), 255), sql(d.duaStart()),
                sql(d.duaEnd()), cut(d.finalAction(), 16), d.hold(), sql(d.holdEnd()), cut(d.accessRule(), 255),
                sql(d.accessEnd()), clean(body), d.title(), d.metadataText(), clean(body));
    }

    /** Indexes the archives recorded before the index existed (idempotent; several nodes may run it). */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        List<Map<String, Object>> missing = jdbc.queryForList("""
                select a.id, a.tenant_id, a.identifier, a.title, a.seda_version, a.originating_agency, a.manifest_sha256
                  from sae_archive a where not exists (select 1 from sae_search s where s.archive_id = a.id)""");
        for (Map<String, Object> a : missing) {
            try {
                backfill(a);
            } catch (IOException | RuntimeException e) {
                log.error("Archive {} could not be indexed: {}", a.get("identifier"), e.toString());
            }
        }
        if (!missing.isEmpty()) {
            log.info("Search index: {} archive(s) indexed after the fact", missing.size());
        }
    }

    private void backfill(Map<String, Object> a) throws IOException {
        UUID tenantId = (UUID) a.get("tenant_id");
        String tenantCode = tenants.findById(tenantId).orElseThrow().code();
        Path manifestCopy = copy(tenantCode, (String) a.get("manifest_sha256"));
        if (manifestCopy == null) {
            throw new IOException("no copy of the manifest");
        }
        SedaVersion version = SedaVersion.parse((String) a.get("seda_version")).orElseThrow();
        Manifest m = ManifestReader.read(version, Files.readAllBytes(manifestCopy));
        ArchiveDescription d = ArchiveDescription.of(m, (String) a.get("title"), (String) a.get("originating_agency"),
                rules);
        List<ArchiveText.Source> sources = jdbc.query("""
                select sha256, mime_type from sae_object where archive_id = ? and kind = 'OBJECT' order by manifest_id""",
                (rs, i) -> {
                    Path copy = copy(tenantCode, rs.getString(1));
                    return copy == null ? null : new ArchiveText.Source(copy, rs.getString(2));
                }, a.get("id")).stream().filter(s -> s != null).toList();
        insert((UUID) a.get("id"), tenantId, (String) a.get("identifier"), d, text.extract(sources));
    }

    /** A copy of the content in one of the locations, or null when none holds it. */
    private Path copy(String tenantCode, String sha256) {
        for (ObjectStores.Location l : stores.locations()) {
            Path p = stores.path(l, tenantCode, sha256);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Control characters become spaces (the excerpts use two of them as marks). */
    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " ");
    }

    private static Date sql(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
