package fr.acta.sae;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content is shared between archives (content-addressed), so an ingest that finds a copy already
 * in place must not see it deleted by an elimination before its own records commit. An ingest
 * holds the collectivité's content lock shared from before it places its objects until its
 * transaction ends; the purge of an eliminated archive holds it exclusively while it looks for
 * other references and deletes (transaction-scoped PostgreSQL advisory locks, so across nodes).
 */
@Component
class ContentLocks {

    private static final int LOCK_CLASS = 0x5AEC0;

    private final JdbcTemplate jdbc;

    ContentLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void shared(UUID tenantId) {
        jdbc.queryForList("select pg_advisory_xact_lock_shared(?, ?)", LOCK_CLASS, tenantId.hashCode());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void exclusive(UUID tenantId) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", LOCK_CLASS, tenantId.hashCode());
    }
}
