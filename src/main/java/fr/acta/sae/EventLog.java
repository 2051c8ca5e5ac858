package fr.acta.sae;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's event log, one chain per collectivité, append-only (the code never updates or
 * deletes an entry, and a trigger refuses it). Each entry's hash is
 * {@code SHA-256(previous hash + "\n" + canonical content)}, the canonical content being its
 * position, time (UTC, to the microsecond), type and detail (JSON with sorted keys, kept as
 * written), one per line; the first entry's previous hash is 64 zeros. Appending takes a
 * transaction-scoped advisory lock on the collectivité's chain, so concurrent appends queue up.
 */
@Component
class EventLog {

    static final String GENESIS = "0".repeat(64);
    /** First key of the advisory locks of the archive's event log. */
    private static final int LOCK_CLASS = 0x5AE10;

    /** One entry as stored. */
    record Entry(UUID tenantId, long position, Instant at, String type, String detail, String previousHash,
                 String hash) {

        /** The hash this entry should carry, from its content and the previous hash it records. */
        String expectedHash() {
            return EventLog.hash(previousHash, position, at, type, detail);
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper canonical;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .findAndRegisterModules();
    }

    /** Appends an entry to the collectivité's chain, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Entry append(UUID tenantId, String type, Map<String, ?> detail) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", LOCK_CLASS, tenantId.hashCode());
        List<Map<String, Object>> last = jdbc.queryForList(
                "select position, hash from sae_event where tenant_id = ? order by position desc limit 1", tenantId);
        long position = last.isEmpty() ? 1 : ((Number) last.get(0).get("position")).longValue() + 1;
        String previous = last.isEmpty() ? GENESIS : (String) last.get(0).get("hash");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String json = json(detail);
        String hash = hash(previous, position, at, type, json);
        jdbc.update("insert into sae_event (tenant_id, position, at, type, detail, previous_hash, hash) "
                + "values (?, ?, ?, ?, ?, ?, ?)", tenantId, position, Timestamp.from(at), type, json, previous, hash);
        return new Entry(tenantId, position, at, type, json, previous, hash);
    }

    /** The collectivité's last entry, if any. */
    java.util.Optional<Entry> last(UUID tenantId) {
        return jdbc.query("select * from sae_event where tenant_id = ? order by position desc limit 1",
                (rs, i) -> entry(rs), tenantId).stream().findFirst();
    }

    /** Every entry of the collectivité's chain, in order, one at a time. */
    void forEach(UUID tenantId, java.util.function.Consumer<Entry> consumer) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from sae_event where tenant_id = ? order by position");
            ps.setObject(1, tenantId);
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            consumer.accept(entry(rs));
        });
    }

    static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getObject("tenant_id", UUID.class), rs.getLong("position"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("type"), rs.getString("detail"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    static String hash(String previous, long position, Instant at, String type, String detail) {
        String content = previous + "\n" + position + "\n" + at + "\n" + type + "\n" + detail;
        return Fixity.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
    }

    private String json(Map<String, ?> detail) {
        try {
            return canonical.writeValueAsString(new java.util.TreeMap<>(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event detail not serialisable", e);
        }
    }
}
