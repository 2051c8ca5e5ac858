package fr.acta.archiving;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for crash tests, off unless {@code acta.faults.halt-after-archive-send=true}: the
 * JVM stops dead ({@code Runtime.halt(137)}, as a {@code kill -9} would) right after the archive
 * received a transfer and before Acta records it, the worst moment for exactly-once. Never set it
 * on a real installation.
 */
@Component
class ArchivingFaults {

    private static final Logger log = LoggerFactory.getLogger(ArchivingFaults.class);

    private final boolean haltAfterSend;

    ArchivingFaults(@Value("${acta.faults.halt-after-archive-send:false}") boolean haltAfterSend) {
        this.haltAfterSend = haltAfterSend;
        if (haltAfterSend) {
            log.warn("FAULT INJECTION ON: acta.faults.halt-after-archive-send=true halts this JVM after the next "
                    + "transfer sent to an archive. For crash tests only.");
        }
    }

    void afterSend(UUID actId, String messageIdentifier) {
        if (haltAfterSend) {
            log.error("FAULT INJECTION: halting after the archive received {} of act {}, before recording it",
                    messageIdentifier, actId);
            Runtime.getRuntime().halt(137);
        }
    }
}
