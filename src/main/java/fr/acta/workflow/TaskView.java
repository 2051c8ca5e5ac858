package fr.acta.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending task of the caller, as the API shows it. {@code kind} is VISA or SIGNATURE;
 * {@code onBehalfOf} names the absent desk when the caller acts through a delegation.
 */
public record TaskView(String id, UUID actId, String kind, String desk, Instant createdAt, Instant dueAt, boolean late,
                       String onBehalfOf, ActInfo act) {

    public record ActInfo(String number, String subject, String nature, String state) {
    }
}
