package fr.acta.workflow;

import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk signing: an elected official picks N tasks and signs them in one request. The password is
 * checked once, when the job is created; the job then runs item by item ({@link BulkSignatureWorker}),
 * survives a restart, and reports a result per act.
 */
@Service
public class BulkSignatureService {

    static final int MAX_ITEMS = 500;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    BulkSignatureService(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** A job's progress and its result per task. */
    public record JobView(UUID id, String requestedBy, Instant createdAt, Instant finishedAt, int total, int done,
                          int signed, int refused, List<Item> items) {
        public record Item(String taskId, UUID actId, String status, String message) {
        }
    }

    @Transactional
    public UUID start(TenantRef tenant, List<String> taskIds, String password) {
        ActaPrincipal me = TenantAccess.currentUser();
        List<FieldViolation> errors = new ArrayList<>();
        List<String> ids = taskIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(taskIds));
        if (ids.isEmpty() || ids.size() > MAX_ITEMS) {
            errors.add(new FieldViolation("taskIds", "Choisissez de 1 à " + MAX_ITEMS + " tâches à signer."));
        }
        if (password == null || !passwords.matches(password, me.getPassword())) {
            errors.add(new FieldViolation("password", "Confirmez la signature avec votre mot de passe."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("La signature par lot n'a pas été lancée.", errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into signature_job (id, tenant_id, requested_by, created_at) values (?, ?, ?, ?)",
                id, tenant.id(), me.getUsername(), Timestamp.from(Instant.now()));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {id, i, ids.get(i), "PENDING"});
        }
        jdbc.batchUpdate("insert into signature_job_item (job_id, position, task_id, status) values (?, ?, ?, ?)", rows);
        return id;
    }

    @Transactional(readOnly = true)
    public JobView get(TenantRef tenant, UUID jobId) {
        ActaPrincipal me = TenantAccess.currentUser();
        List<Map<String, Object>> job = jdbc.queryForList(
                "select requested_by, created_at, finished_at from signature_job where id = ? and tenant_id = ?",
                jobId, tenant.id());
        if (job.isEmpty() || !(me.isOperator() || me.getUsername().equals(job.get(0).get("requested_by")))) {
            throw new NotFoundException("Traitement introuvable.");
        }
        List<JobView.Item> items = jdbc.query(
                "select task_id, act_id, status, message from signature_job_item where job_id = ? order by position",
                (rs, n) -> new JobView.Item(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4)), jobId);
        int signed = (int) items.stream().filter(i -> i.status().equals("SIGNED")).count();
        int refused = (int) items.stream().filter(i -> i.status().equals("REFUSED")).count();
        Timestamp finished = (Timestamp) job.get(0).get("finished_at");
        return new JobView(jobId, (String) job.get(0).get("requested_by"),
                ((Timestamp) job.get(0).get("created_at")).toInstant(), finished == null ? null : finished.toInstant(),
                items.size(), signed + refused, signed, refused, items);
    }
}
