package fr.acta.sae;

import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes an eliminated archive's content from every storage location. Content is shared between
 * archives, so only the objects no other archive of the collectivité still needs are deleted (the
 * others are kept, and said so). It runs under the collectivité's content lock (no ingest can
 * count on a copy while it deletes it) and never during a fixity audit (which would take a
 * deleted copy for a lost one): when an audit runs, the purge is left to the next pass of
 * {@link #pending()}. The manifest, the archive's metadata, is never deleted.
 */
@Component
class ContentPurge {

    private static final Logger log = LoggerFactory.getLogger(ContentPurge.class);
    /** The fixity audit's lock ({@link FixityAudits}). */
    private static final int AUDIT_LOCK_CLASS = 0x5AE1A;

    /** What the purge did: whether it ran, the contents deleted, the contents kept for other archives. */
    record Outcome(boolean done, int deleted, int kept) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectStores stores;
    private final ContentLocks locks;
    private final EventLog events;
    private final TenantAccess tenants;

    ContentPurge(JdbcTemplate jdbc, TransactionTemplate tx, ObjectStores stores, ContentLocks locks, EventLog events,
                 TenantAccess tenants) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.stores = stores;
        this.locks = locks;
        this.events = events;
        this.tenants = tenants;
    }

    Outcome purge(TenantRef tenant, UUID archiveId, String identifier) {
        Outcome outcome = tx.execute(status -> {
            Boolean free = jdbc.queryForObject("select pg_try_advisory_xact_lock(?, ?)", Boolean.class,
                    AUDIT_LOCK_CLASS, tenant.id().hashCode());
            if (!Boolean.TRUE.equals(free)) {
                return new Outcome(false, 0, 0);
            }
            locks.exclusive(tenant.id());
            if (jdbc.queryForList("select 1 from sae_archive where id = ? and content_deleted_at is null for update",
                    archiveId).isEmpty()) {
                return new Outcome(true, 0, 0);
            }
            List<Map<String, Object>> contents = jdbc.queryForList("""
                    select distinct o.sha256, exists (select 1 from sae_object p join sae_archive b on b.id = p.archive_id
                            where p.tenant_id = o.tenant_id and p.sha256 = o.sha256 and p.archive_id <> o.archive_id
                              and (b.eliminated_at is null or p.kind = 'MANIFEST')) as shared
                      from sae_object o where o.archive_id = ? and o.kind = 'OBJECT'""", archiveId);
            List<String> deleted = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (Map<String, Object> c : contents) {
                String sha256 = (String) c.get("sha256");
                if (Boolean.TRUE.equals(c.get("shared"))) {
                    kept.add(sha256);
                    continue;
                }
                for (ObjectStores.Location l : stores.locations()) {
                    delete(stores.path(l, tenant.code(), sha256));
                }
                deleted.add(sha256);
            }
            jdbc.update("update sae_archive set content_deleted_at = now() where id = ?", archiveId);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("archive", identifier);
            detail.put("deleted", deleted);
            detail.put("keptForOtherArchives", kept);
            detail.put("locations", stores.locations().stream().map(ObjectStores.Location::name).toList());
            events.append(tenant.id(), "ELIMINATION_CONTENT_DELETED", detail);
            return new Outcome(true, deleted.size(), kept.size());
        });
        if (!outcome.done()) {
            log.info("Content of eliminated archive {} left for later: a fixity audit is running", identifier);
        }
        return outcome;
    }

    /** Eliminated archives whose content is still there (an audit was running, or the node stopped). */
    @Scheduled(fixedDelayString = "${acta.sae.purge-interval:PT10M}", initialDelayString = "PT1M")
    void pending() {
        for (Map<String, Object> a : jdbc.queryForList("select id, tenant_id, identifier from sae_archive "
                + "where eliminated_at is not null and content_deleted_at is null")) {
            try {
                TenantRef t = tenants.findById((UUID) a.get("tenant_id")).orElseThrow();
                purge(t, (UUID) a.get("id"), (String) a.get("identifier"));
            } catch (RuntimeException e) {
                log.error("Content of eliminated archive {} not deleted", a.get("identifier"), e);
            }
        }
    }

    private static void delete(Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                ObjectStores.fsyncDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not delete " + file, e);
        }
    }
}
