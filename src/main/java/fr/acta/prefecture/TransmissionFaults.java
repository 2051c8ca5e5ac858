package fr.acta.prefecture;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for crash tests, off unless {@code acta.faults.halt-after-s2low-post=true}: the JVM
 * then stops dead ({@code Runtime.halt(137)}, as a {@code kill -9} would) right after S²LOW has
 * accepted an act and before its transaction id is recorded, the worst moment for exactly-once.
 * Never set it on a real installation.
 */
@Component
class TransmissionFaults {

    private static final Logger log = LoggerFactory.getLogger(TransmissionFaults.class);
    static final int HALT_STATUS = 137;

    private final boolean haltAfterS2lowPost;

    TransmissionFaults(@Value("${acta.faults.halt-after-s2low-post:false}") boolean haltAfterS2lowPost) {
        this.haltAfterS2lowPost = haltAfterS2lowPost;
        if (haltAfterS2lowPost) {
            log.warn("FAULT INJECTION ON: acta.faults.halt-after-s2low-post=true halts this JVM after the next act "
                    + "posted to S²LOW. For crash tests only.");
        }
    }

    /** Called once S²LOW answered the post, before anything is recorded. */
    void afterS2lowPost(UUID actId, long transactionId) {
        if (haltAfterS2lowPost) {
            log.error("FAULT INJECTION: halting after S²LOW accepted act {} as transaction {}, before recording it",
                    actId, transactionId);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
