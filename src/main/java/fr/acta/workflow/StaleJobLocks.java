package fr.acta.workflow;

import fr.acta.platform.EmbeddedDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After a {@code kill -9}, the jobs the dead process had acquired stay locked until their lock
 * expires. On the embedded default the database belongs to this single process, so every lock held
 * by another owner is a dead one: it is released at start-up and the work goes on at once. With an
 * external database (possibly a cluster), locks simply expire ({@code camunda.bpm.job-execution.lock-time-in-millis}).
 */
@Component
class StaleJobLocks {

    private static final Logger log = LoggerFactory.getLogger(StaleJobLocks.class);

    private final EmbeddedDatabase embedded;
    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;

    StaleJobLocks(EmbeddedDatabase embedded, ProcessEngine engine, JdbcTemplate jdbc) {
        this.embedded = embedded;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void releaseDeadLocks() {
        if (!embedded.isActive()) {
            return;
        }
        String me = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
                .getLockOwner();
        int released = jdbc.update("update act_ru_job set lock_owner_ = null, lock_exp_time_ = null "
                + "where lock_owner_ is not null and lock_owner_ <> ?", me);
        if (released > 0) {
            log.warn("Released {} job lock(s) left by a previous run that stopped abruptly", released);
        }
    }
}
