package fr.acta.sae;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tidies the chunked deposits: a session still open {@code acta.sae.chunk-session-ttl} after it
 * was opened is dropped with its chunks (the client has to start again), and the chunk folders of
 * finished or unknown sessions are removed (at start-up: the process stopped between the commit
 * and the removal). Any node may run it: deleting a session waits for a chunk being recorded.
 */
@Component
class ChunkSweeper {

    private static final Logger log = LoggerFactory.getLogger(ChunkSweeper.class);

    private final JdbcTemplate jdbc;
    private final ChunkFiles files;
    private final Duration ttl;

    ChunkSweeper(JdbcTemplate jdbc, ChunkFiles files, @Value("${acta.sae.chunk-session-ttl:P7D}") Duration ttl) {
        this.jdbc = jdbc;
        this.files = files;
        this.ttl = ttl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        expire();
        try {
            for (UUID id : files.present()) {
                Integer open = jdbc.queryForObject("select count(*) from sae_chunk_session where id = ? "
                        + "and completed_at is null", Integer.class, id);
                if (open == null || open == 0) {
                    files.delete(id);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The archive's chunk folder could not be swept: {}", e.toString());
        }
    }

    /** Drops the sessions left open too long; returns how many. */
    @Scheduled(cron = "${acta.sae.chunk-sweep-cron:0 15 3 * * *}")
    int expire() {
        try {
            List<UUID> gone = jdbc.queryForList("delete from sae_chunk_session where completed_at is null "
                    + "and opened_at < ? returning id", UUID.class, Timestamp.from(Instant.now().minus(ttl)));
            gone.forEach(files::delete);
            if (!gone.isEmpty()) {
                log.info("Dropped {} chunked deposit(s) left unfinished for more than {}", gone.size(), ttl);
            }
            return gone.size();
        } catch (RuntimeException e) {
            log.warn("Unfinished chunked deposits could not be dropped: {}", e.toString());
            return 0;
        }
    }
}
