package fr.acta.workflow;

import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.ActaUserDetailsService;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through bulk signing jobs, one item per transaction. An item is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several nodes share the work without doing an item twice; the
 * signature, the task completion and the item's status commit together, and a crash leaves the item
 * pending for the next run. A refused item (bad document, task gone…) is recorded with its reason
 * and never blocks the others.
 */
@Component
class BulkSignatureWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkSignatureWorker.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TaskWorkService work;
    private final TenantAccess tenants;
    private final ActaUserDetailsService users;
    private final int threads;
    private final java.util.concurrent.ExecutorService pool;

    BulkSignatureWorker(JdbcTemplate jdbc, TransactionTemplate tx, TaskWorkService work, TenantAccess tenants,
                        ActaUserDetailsService users,
                        @org.springframework.beans.factory.annotation.Value("${acta.signature.bulk-threads:0}") int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.pool = java.util.concurrent.Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "bulk-signature-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.jdbc = jdbc;
        this.tx = tx;
        this.work = work;
        this.tenants = tenants;
        this.users = users;
    }

    /** Items are independent and claimed with SKIP LOCKED: one worker per core signs them side by side. */
    @Scheduled(fixedDelayString = "${acta.signature.bulk-poll:PT0.3S}")
    void drain() throws InterruptedException {
        List<java.util.concurrent.Callable<Void>> workers = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(() -> {
                while (processOne()) {
                    // next item
                }
                return null;
            });
        }
        pool.invokeAll(workers);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Signs the next pending item, if any; returns whether there was one. */
    boolean processOne() {
        Object[] claimed = new Object[3];
        try {
            Boolean found = tx.execute(status -> {
                List<Map<String, Object>> rows = jdbc.queryForList("""
                        select i.job_id, i.position, i.task_id, j.tenant_id, j.requested_by
                          from signature_job_item i join signature_job j on j.id = i.job_id
                         where i.status = 'PENDING' order by j.created_at, i.position
                         limit 1 for update of i skip locked""");
                if (rows.isEmpty()) {
                    return false;
                }
                Map<String, Object> row = rows.get(0);
                claimed[0] = row.get("job_id");
                claimed[1] = row.get("position");
                claimed[2] = row.get("task_id");
                TenantRef tenant = tenants.findById((UUID) row.get("tenant_id")).orElseThrow();
                UUID actId = as((String) row.get("requested_by"),
                        () -> work.signConfirmed(tenant, (String) row.get("task_id")));
                jdbc.update("update signature_job_item set status = 'SIGNED', act_id = ?, done_at = ? "
                        + "where job_id = ? and position = ?", actId, now(), claimed[0], claimed[1]);
                finishIfDone((UUID) claimed[0]);
                return true;
            });
            return Boolean.TRUE.equals(found);
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                log.warn("Bulk signing could not claim an item: {}", e.toString());
                return false;
            }
            refuse((UUID) claimed[0], (Integer) claimed[1], message(e));
            return true;
        }
    }

    private void refuse(UUID jobId, int position, String message) {
        tx.executeWithoutResult(status -> {
            jdbc.update("update signature_job_item set status = 'REFUSED', message = ?, done_at = ? "
                    + "where job_id = ? and position = ? and status = 'PENDING'", message, now(), jobId, position);
            finishIfDone(jobId);
        });
    }

    private void finishIfDone(UUID jobId) {
        jdbc.update("""
                update signature_job set finished_at = ? where id = ? and finished_at is null
                   and not exists (select 1 from signature_job_item where job_id = ? and status = 'PENDING')""",
                now(), jobId, jobId);
    }

    private <T> T as(String username, java.util.function.Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static String message(RuntimeException e) {
        if (e instanceof ValidationException || e instanceof NotFoundException
                || e instanceof fr.acta.common.ConflictException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return "Signature impossible : " + (text.length() > 500 ? text.substring(0, 500) : text);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
