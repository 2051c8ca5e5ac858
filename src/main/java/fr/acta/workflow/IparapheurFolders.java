package fr.acta.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table {@code iparapheur_folder}: one folder per run of an external circuit. {@link #markPosting}
 * commits on its own before a creation request, so that a crash after the request leaves a trace;
 * every other write joins the caller's transaction (the job of the circuit's step).
 */
@Component
class IparapheurFolders {

    enum State { CREATING, PENDING, FINISHED, REJECTED, DELETED }

    record Folder(String runId, UUID tenantId, UUID actId, String name, String folderId, State state,
                  String zipSha256, Instant postStartedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    IparapheurFolders(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = JdbcClient.create(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<Folder> find(String runId) {
        return jdbc.sql("select * from iparapheur_folder where run_id = :run").param("run", runId)
                .query((rs, n) -> new Folder(rs.getString("run_id"), rs.getObject("tenant_id", UUID.class),
                        rs.getObject("act_id", UUID.class), rs.getString("name"), rs.getString("folder_id"),
                        State.valueOf(rs.getString("state")), rs.getString("zip_sha256"),
                        instant(rs.getObject("post_started_at", OffsetDateTime.class))))
                .optional();
    }

    /** Before a creation request, in a transaction of its own: this run may now have a folder named so. */
    void markPosting(String runId, UUID tenantId, UUID actId, String name) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into iparapheur_folder (run_id, tenant_id, "
                        + "act_id, name, state, post_started_at, created_at, updated_at) values (:run, :tenant, :act, "
                        + ":name, 'CREATING', now(), now(), now()) on conflict (run_id) do update "
                        + "set post_started_at = now(), updated_at = now()")
                .param("run", runId).param("tenant", tenantId).param("act", actId).param("name", name).update());
    }

    /** The folder's id, in the transaction of the step that created or found it. */
    void recordFolder(String runId, String folderId) {
        jdbc.sql("update iparapheur_folder set folder_id = :folder, state = 'PENDING', updated_at = now() "
                + "where run_id = :run and folder_id is null").param("folder", folderId).param("run", runId).update();
    }

    void moveTo(String runId, State state) {
        jdbc.sql("update iparapheur_folder set state = :state, updated_at = now() where run_id = :run")
                .param("state", state.name()).param("run", runId).update();
    }

    /** The SHA-256 of the ZIP as downloaded, before it is stored: the proof the deletion waits for. */
    void recordDownload(String runId, String zipSha256) {
        jdbc.sql("update iparapheur_folder set zip_sha256 = :sha, state = 'FINISHED', updated_at = now() "
                + "where run_id = :run").param("sha", zipSha256).param("run", runId).update();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
