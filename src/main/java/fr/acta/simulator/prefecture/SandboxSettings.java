package fr.acta.simulator.prefecture;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The administrator's overrides ({@code sandbox_prefecture_settings}, one row), over the configured
 * defaults: shared by every node, kept across restarts.
 */
@Component
@SandboxEnabled
class SandboxSettings {

    static final String DEFAULT_ANOMALY_NATURE = "002";
    static final String DEFAULT_ANOMALY_DETAIL =
            "ODT-VERIF-01 : Votre acte a été transmis avec une date de classification qui n'est pas à jour";

    /** The settings in force. */
    record Effective(Duration postedToWaiting, Duration waitingToSent, Duration sentToAnswer, boolean nextAnomaly,
                     String nextAnomalyNature, String nextAnomalyDetail, LocalDate announcedClassification) {
    }

    /** An anomaly to answer with. */
    record Anomaly(String nature, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final SandboxProperties properties;

    SandboxSettings(JdbcTemplate jdbc, SandboxProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    Effective effective() {
        Map<String, Object> row = jdbc.queryForMap("select * from sandbox_prefecture_settings where id = 1");
        return new Effective(
                delay(row.get("posted_to_waiting_ms"), properties.postedToWaiting()),
                delay(row.get("waiting_to_sent_ms"), properties.waitingToSent()),
                delay(row.get("sent_to_answer_ms"), properties.sentToAnswer()),
                Boolean.TRUE.equals(row.get("next_anomaly")),
                (String) row.get("next_anomaly_nature"), (String) row.get("next_anomaly_detail"),
                row.get("announced_classification") == null ? null
                        : ((java.sql.Date) row.get("announced_classification")).toLocalDate());
    }

    void setDelays(Duration postedToWaiting, Duration waitingToSent, Duration sentToAnswer) {
        jdbc.update("update sandbox_prefecture_settings set posted_to_waiting_ms = coalesce(?, posted_to_waiting_ms), "
                        + "waiting_to_sent_ms = coalesce(?, waiting_to_sent_ms), "
                        + "sent_to_answer_ms = coalesce(?, sent_to_answer_ms) where id = 1",
                millis(postedToWaiting), millis(waitingToSent), millis(sentToAnswer));
    }

    void setAnnouncedClassification(LocalDate date) {
        jdbc.update("update sandbox_prefecture_settings set announced_classification = ? where id = 1", date);
    }

    void setNextAnomaly(boolean on, String nature, String detail) {
        jdbc.update("update sandbox_prefecture_settings set next_anomaly = ?, next_anomaly_nature = ?, "
                + "next_anomaly_detail = ? where id = 1", on, on ? nature : null, on ? detail : null);
    }

    /** Every override back to the configured defaults. */
    void reset() {
        jdbc.update("update sandbox_prefecture_settings set posted_to_waiting_ms = null, waiting_to_sent_ms = null, "
                + "sent_to_answer_ms = null, next_anomaly = false, next_anomaly_nature = null, "
                + "next_anomaly_detail = null, announced_classification = null where id = 1");
    }

    /** Takes the "next answer is an anomaly" order, once, atomically across nodes. */
    Optional<Anomaly> takeNextAnomaly() {
        List<Anomaly> taken = jdbc.query("update sandbox_prefecture_settings s set next_anomaly = false, "
                        + "next_anomaly_nature = null, next_anomaly_detail = null from (select next_anomaly_nature, "
                        + "next_anomaly_detail from sandbox_prefecture_settings where id = 1 and next_anomaly for update) "
                        + "old where s.id = 1 returning old.next_anomaly_nature, old.next_anomaly_detail",
                (rs, n) -> new Anomaly(rs.getString(1), rs.getString(2)));
        return taken.stream().findFirst().map(a -> new Anomaly(
                a.nature() == null ? DEFAULT_ANOMALY_NATURE : a.nature(),
                a.detail() == null ? DEFAULT_ANOMALY_DETAIL : a.detail()));
    }

    private static Duration delay(Object millis, Duration fallback) {
        return millis == null ? fallback : Duration.ofMillis(((Number) millis).longValue());
    }

    private static Long millis(Duration d) {
        return d == null ? null : Math.max(0, d.toMillis());
    }
}
