package fr.acta.act;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A line of a list of acts, and what a task shows of its act. */
public record ActSummary(UUID id, ActState state, String idActe, String nature, String number, String subject,
                         LocalDate decisionDate, String circuit, String submittedBy, Instant createdAt) {

    static ActSummary of(Act a) {
        return new ActSummary(a.getId(), a.getState(), a.getIdActe(), a.getNature().name(), a.getNumber(),
                a.getSubject(), a.getDecisionDate(), a.getCircuitCode(), a.getSubmittedBy(), a.getCreatedAt());
    }
}
