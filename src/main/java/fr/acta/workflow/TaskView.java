package fr.acta.workflow;

import java.time.Instant;
import java.util.UUID;

/** A pending task of the caller, as the API shows it. */
public record TaskView(String id, UUID actId, String kind, String desk, Instant createdAt, Instant dueAt, ActInfo act) {

    public record ActInfo(String number, String subject, String nature, String state) {
    }
}
