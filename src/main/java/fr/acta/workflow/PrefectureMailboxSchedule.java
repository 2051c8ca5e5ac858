package fr.acta.workflow;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cycle of the préfecture mailbox's timer ({@code acta.transmission.mailbox-cycle}), read by the
 * timer start event of {@code bpmn/prefecture-mailbox.bpmn} as {@code ${prefectureMailboxSchedule.cycle}}
 * (public, for the expression language).
 */
@Component("prefectureMailboxSchedule")
public class PrefectureMailboxSchedule {

    private final Duration cycle;

    PrefectureMailboxSchedule(@Value("${acta.transmission.mailbox-cycle:PT1M}") Duration cycle) {
        this.cycle = cycle;
    }

    /** An ISO 8601 repetition, e.g. {@code R/PT1M}. */
    public String getCycle() {
        return "R/" + cycle;
    }
}
