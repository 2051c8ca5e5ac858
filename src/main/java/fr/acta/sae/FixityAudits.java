package fr.acta.sae;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the fixity audits: on a schedule ({@code acta.sae.audit-cron}) for every collectivité whose
 * archive holds anything, or on request. One audit of a collectivité at a time across all nodes:
 * each run holds a PostgreSQL advisory lock (session-level, on a connection of its own, released
 * if the node dies); a node whose schedule fires while another runs, or shortly after another
 * ran ({@code acta.sae.audit-min-gap}), skips it. The report is kept with an
 * {@code AUDIT_COMPLETED} entry of the log, in one transaction.
 */
@Service
class FixityAudits {

    private static final Logger log = LoggerFactory.getLogger(FixityAudits.class);
    private static final int LOCK_CLASS = 0x5AE1A;

    private final FixityAudit audit;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventLog events;
    private final TenantAccess tenants;
    private final ObjectMapper json;
    private final Duration minGap;

    FixityAudits(FixityAudit audit, DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx, EventLog events,
                 TenantAccess tenants, ObjectMapper json, @Value("${acta.sae.audit-min-gap:PT1H}") Duration minGap) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.tenants = tenants;
        this.json = json;
        this.minGap = minGap;
    }

    @Scheduled(cron = "${acta.sae.audit-cron:0 30 2 * * *}", zone = "Europe/Paris")
    void scheduled() {
        for (UUID tenantId : jdbc.queryForList("select distinct tenant_id from sae_event", UUID.class)) {
            Optional<TenantRef> tenant = tenants.findById(tenantId);
            Instant last = jdbc.query("select max(started_at) from sae_audit where tenant_id = ?",
                    rs -> rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null, tenantId);
            if (tenant.isEmpty() || (last != null && last.isAfter(Instant.now().minus(minGap)))) {
                continue;
            }
            try {
                if (run(tenant.get(), "SCHEDULED").isEmpty()) {
                    log.info("Fixity audit of {} skipped: another node is running it", tenant.get().code());
                }
            } catch (RuntimeException e) {
                log.error("Fixity audit of {} failed", tenant.get().code(), e);
            }
        }
    }

    /** Audits the collectivité now; empty when an audit of it is already running (here or on another node). */
    Optional<AuditReport> run(TenantRef tenant, String trigger) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?, ?)", tenant.id())) {
                return Optional.empty();
            }
            try {
                AuditReport report = audit.run(tenant, trigger);
                save(tenant, report);
                log.info("Fixity audit of {}: {}", tenant.code(), report.summary());
                return Optional.of(report);
            } finally {
                advisory(lock, "select pg_advisory_unlock(?, ?)", tenant.id());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit lock could not be taken", e);
        }
    }

    /** The collectivité's latest audit report, if any. */
    Optional<String> latest(UUID tenantId) {
        return jdbc.query("select report from sae_audit where tenant_id = ? order by started_at desc limit 1",
                (rs, i) -> rs.getString(1), tenantId).stream().findFirst();
    }

    private void save(TenantRef tenant, AuditReport report) {
        String text;
        try {
            text = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("audit", report.id().toString());
        detail.put("status", report.status());
        detail.put("objects", report.objects().checked());
        detail.put("repaired", report.objects().repaired());
        detail.put("lost", report.objects().lost());
        detail.put("logIntact", report.log().intact());
        detail.put("validSeals", report.log().validSeals() + "/" + report.log().seals());
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into sae_audit (id, tenant_id, trigger, started_at, finished_at, status, report) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", report.id(), tenant.id(), report.trigger(),
                    Timestamp.from(report.startedAt()), Timestamp.from(report.finishedAt()), report.status(), text);
            events.append(tenant.id(), "AUDIT_COMPLETED", detail);
        });
    }

    private static boolean advisory(Connection c, String sql, UUID tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, tenantId.hashCode());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
