package fr.acta.sae;

import fr.acta.tenant.TenantRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One fixity audit of a collectivité's archive: every object's copy in every location is hashed
 * again (one thread per location, as the locations are independent disks) and compared with its
 * address; a missing or damaged copy is replaced from a healthy one, which the log records
 * ({@code OBJECT_REPAIRED}); an object with no healthy copy left is reported lost
 * ({@code OBJECT_LOST}). Then the event log's chain and seals are verified.
 */
@Component
class FixityAudit {

    private static final Logger log = LoggerFactory.getLogger(FixityAudit.class);
    private static final int MAX_OBJECT_REPORTS = 10_000;

    private record Row(String sha256, long size, List<String> archives) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectStores stores;
    private final EventLog events;
    private final LogVerifier verifier;
    private final TransactionTemplate tx;

    FixityAudit(JdbcTemplate jdbc, ObjectStores stores, EventLog events, LogVerifier verifier, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.events = events;
        this.verifier = verifier;
        this.tx = tx;
    }

    AuditReport run(TenantRef tenant, String trigger) {
        Instant started = Instant.now();
        UUID id = UUID.randomUUID();
        List<Row> rows = jdbc.query("""
                select o.sha256, max(o.size) as size, string_agg(distinct a.identifier, ',' order by a.identifier) as archives
                  from sae_object o join sae_archive a on a.id = o.archive_id
                 where o.tenant_id = ? and (a.eliminated_at is null or o.kind = 'MANIFEST')
                 group by o.sha256 order by o.sha256""",
                (rs, i) -> new Row(rs.getString("sha256"), rs.getLong("size"),
                        List.of(rs.getString("archives").split(","))), tenant.id());
        List<ObjectStores.Location> locations = stores.locations();
        AtomicLong bytes = new AtomicLong();
        long t0 = System.nanoTime();
        List<String[]> states = hashAll(tenant.code(), rows, locations, bytes);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int intact = 0;
        int repaired = 0;
        int lost = 0;
        List<AuditReport.ObjectReport> reports = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Map<String, String> copies = new LinkedHashMap<>();
            ObjectStores.Location healthy = null;
            for (int l = 0; l < locations.size(); l++) {
                copies.put(locations.get(l).name(), states.get(l)[i]);
                if (healthy == null && AuditReport.OK.equals(states.get(l)[i])) {
                    healthy = locations.get(l);
                }
            }
            String detail = null;
            if (!copies.values().stream().allMatch(AuditReport.OK::equals)) {
                detail = describe(copies);
                if (healthy == null) {
                    lost++;
                    copies.replaceAll((k, v) -> AuditReport.LOST);
                    record(tenant, "OBJECT_LOST", Map.of("sha256", row.sha256(), "archives", row.archives(),
                            "detail", detail));
                } else {
                    repaired++;
                    detail += repair(tenant, row, healthy, copies);
                }
            } else {
                intact++;
            }
            if (reports.size() < MAX_OBJECT_REPORTS) {
                reports.add(new AuditReport.ObjectReport(row.sha256(), row.size(), row.archives(), copies, detail));
            }
        }
        LogVerifier.Result chain = verifier.verify(tenant.id());
        boolean failed = lost > 0 || !chain.intact() || !chain.invalidSeals().isEmpty();
        String status = failed ? "FAILED" : repaired > 0 ? "REPAIRED" : "OK";
        AuditReport.Objects objects = new AuditReport.Objects(rows.size(), rows.size() * locations.size(), intact,
                repaired, lost, bytes.get(), Math.round(seconds * 1000) / 1000.0,
                seconds > 0 ? Math.round(bytes.get() / 1e6 / seconds * 10) / 10.0 : 0);
        return new AuditReport(id, tenant.code(), trigger, started, Instant.now(), status,
                summary(objects, chain), locations.stream().map(ObjectStores.Location::name).toList(), objects,
                reports, rows.size() > MAX_OBJECT_REPORTS, chain);
    }

    /** Hashes every copy: one list of states per location, in the order of {@code rows}. */
    private List<String[]> hashAll(String tenant, List<Row> rows, List<ObjectStores.Location> locations,
                                   AtomicLong bytes) {
        ExecutorService pool = Executors.newFixedThreadPool(locations.size(), r -> {
            Thread t = new Thread(r, "sae-fixity");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<String[]>> futures = new ArrayList<>();
            for (ObjectStores.Location location : locations) {
                futures.add(pool.submit(() -> {
                    String[] states = new String[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        states[i] = check(location, tenant, rows.get(i), bytes);
                    }
                    return states;
                }));
            }
            List<String[]> result = new ArrayList<>();
            for (Future<String[]> f : futures) {
                result.add(f.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Fixity audit interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Fixity audit failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private String check(ObjectStores.Location location, String tenant, Row row, AtomicLong bytes) {
        Path file = stores.path(location, tenant, row.sha256());
        try {
            if (!Files.exists(file)) {
                return AuditReport.MISSING;
            }
            if (Files.size(file) != row.size()) {
                return AuditReport.CORRUPTED;
            }
            String hash = Fixity.sha256(file);
            bytes.addAndGet(row.size());
            return hash.equals(row.sha256()) ? AuditReport.OK : AuditReport.CORRUPTED;
        } catch (IOException e) {
            log.warn("Copy {} in {} unreadable: {}", row.sha256(), location.name(), e.toString());
            return AuditReport.CORRUPTED;
        }
    }

    private String repair(TenantRef tenant, Row row, ObjectStores.Location healthy, Map<String, String> copies) {
        StringBuilder s = new StringBuilder();
        for (ObjectStores.Location to : stores.locations()) {
            String state = copies.get(to.name());
            if (AuditReport.OK.equals(state)) {
                continue;
            }
            try {
                stores.repair(tenant.code(), row.sha256(), healthy, to);
                copies.put(to.name(), AuditReport.REPAIRED);
                record(tenant, "OBJECT_REPAIRED", Map.of("sha256", row.sha256(), "archives", row.archives(),
                        "location", to.name(), "from", healthy.name(), "found", state));
                s.append(" Copie de ").append(to.name()).append(" remplacée depuis ").append(healthy.name()).append('.');
            } catch (IOException | RuntimeException e) {
                log.error("Copy {} in {} could not be repaired", row.sha256(), to.name(), e);
                s.append(" Réparation de la copie de ").append(to.name()).append(" impossible : ").append(e.getMessage())
                        .append('.');
            }
        }
        return s.toString();
    }

    private void record(TenantRef tenant, String type, Map<String, ?> detail) {
        tx.executeWithoutResult(status -> events.append(tenant.id(), type, detail));
    }

    private static String describe(Map<String, String> copies) {
        List<String> parts = new ArrayList<>();
        copies.forEach((location, state) -> {
            if (AuditReport.MISSING.equals(state)) {
                parts.add("copie absente de " + location);
            } else if (AuditReport.CORRUPTED.equals(state)) {
                parts.add("copie altérée dans " + location);
            }
        });
        String text = String.join(", ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String summary(AuditReport.Objects o, LogVerifier.Result chain) {
        String objects = o.checked() + " objet(s) contrôlé(s) : " + o.intact() + " intact(s), " + o.repaired()
                + " réparé(s), " + o.lost() + " perdu(s).";
        String log = chain.intact() ? " Journal intègre (" + chain.entries() + " entrées"
                : " Journal rompu à la position " + chain.breaks().get(0).position() + " (" + chain.breaks().get(0).reason();
        log += ", " + chain.validSeals() + "/" + chain.seals() + " scellement(s) valide(s)).";
        return objects + log;
    }
}
