package fr.acta.sae;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fixity audit of a collectivité's archive, as kept and served by
 * {@code GET …/archives/audits/latest}.
 *
 * @param status  {@code OK}; {@code REPAIRED} (damaged copies were replaced from a healthy one);
 *                {@code FAILED} (an object has no healthy copy left, the log's chain is broken, or a seal is invalid)
 * @param summary the outcome in one French sentence
 */
record AuditReport(UUID id, String tenant, String trigger, Instant startedAt, Instant finishedAt, String status,
                   String summary, List<String> locations, Objects objects, List<ObjectReport> objectReports,
                   boolean objectReportsTruncated, LogVerifier.Result log) {

    /** Copy states. */
    static final String OK = "OK";
    static final String MISSING = "MISSING";
    static final String CORRUPTED = "CORRUPTED";
    static final String REPAIRED = "REPAIRED";
    static final String LOST = "LOST";

    /**
     * @param checked          distinct objects (content-addressed: one per content)
     * @param copiesChecked    copies hashed, in every location
     * @param intact           objects whose every copy was intact
     * @param repaired         objects with a copy replaced
     * @param lost             objects with no intact copy
     * @param bytesHashed      bytes read and hashed
     * @param hashingSeconds   wall time of the hashing
     * @param megabytesPerSecond bytes hashed per second (10^6), all locations together
     */
    record Objects(int checked, int copiesChecked, int intact, int repaired, int lost, long bytesHashed,
                   double hashingSeconds, double megabytesPerSecond) {
    }

    /**
     * @param sha256   the content's SHA-256 (its address)
     * @param size     its size in bytes
     * @param archives the archives holding it
     * @param copies   per location: {@code OK}, {@code REPAIRED}, {@code LOST}, or {@code MISSING}/{@code CORRUPTED}
     *                 when it could not be repaired
     * @param detail   what was found, in French, when not every copy was intact
     */
    record ObjectReport(String sha256, long size, List<String> archives, Map<String, String> copies, String detail) {
    }
}
