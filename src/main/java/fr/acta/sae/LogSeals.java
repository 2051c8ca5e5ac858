package fr.acta.sae;

import fr.acta.signature.Timestamps;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals each collectivité's event log at regular intervals: an RFC 3161 timestamp whose message
 * imprint is the hash of the last entry (itself a SHA-256 over everything before it), kept in
 * {@code sae_log_seal} with the position of the entry it covers. A log with no new entry since
 * its last seal is left as it is. Sealing twice the same entry (two nodes at once) keeps one seal.
 */
@Component
class LogSeals {

    private static final Logger log = LoggerFactory.getLogger(LogSeals.class);

    /** One seal as stored. */
    record Seal(UUID tenantId, long position, String entryHash, byte[] token, java.time.Instant time) {
    }

    private final JdbcTemplate jdbc;
    private final EventLog events;
    private final Timestamps timestamps;

    LogSeals(JdbcTemplate jdbc, EventLog events, Timestamps timestamps) {
        this.jdbc = jdbc;
        this.events = events;
        this.timestamps = timestamps;
    }

    @Scheduled(fixedDelayString = "${acta.sae.seal-interval:PT1H}", initialDelayString = "${acta.sae.seal-interval:PT1H}")
    void sealAll() {
        for (UUID tenant : jdbc.queryForList("select distinct tenant_id from sae_event", UUID.class)) {
            try {
                seal(tenant);
            } catch (RuntimeException e) {
                log.warn("The archive's event log of {} could not be sealed: {}", tenant, e.getMessage());
            }
        }
    }

    /** Seals the collectivité's last entry unless it is sealed already; returns the new seal. */
    Optional<Seal> seal(UUID tenantId) {
        Optional<EventLog.Entry> last = events.last(tenantId);
        if (last.isEmpty() || latest(tenantId).filter(s -> s.position() == last.get().position()).isPresent()) {
            return Optional.empty();
        }
        EventLog.Entry entry = last.get();
        Timestamps.Token token = timestamps.stamp(HexFormat.of().parseHex(entry.hash()));
        int inserted = jdbc.update("""
                insert into sae_log_seal (tenant_id, position, entry_hash, token, stamped_at) values (?, ?, ?, ?, ?)
                on conflict (tenant_id, position) do nothing""", tenantId, entry.position(), entry.hash(), token.der(),
                Timestamp.from(token.time()));
        return inserted == 1 ? Optional.of(new Seal(tenantId, entry.position(), entry.hash(), token.der(), token.time()))
                : Optional.empty();
    }

    Optional<Seal> latest(UUID tenantId) {
        return jdbc.query("select * from sae_log_seal where tenant_id = ? order by position desc limit 1",
                (rs, i) -> seal(rs), tenantId).stream().findFirst();
    }

    List<Seal> all(UUID tenantId) {
        return jdbc.query("select * from sae_log_seal where tenant_id = ? order by position", (rs, i) -> seal(rs),
                tenantId);
    }

    private static Seal seal(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Seal(rs.getObject("tenant_id", UUID.class), rs.getLong("position"), rs.getString("entry_hash"),
                rs.getBytes("token"), rs.getObject("stamped_at", OffsetDateTime.class).toInstant());
    }
}
