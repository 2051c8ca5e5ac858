package fr.acta.act;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the later stages of the lifecycle (transmission, archive) need to know of an act, read
 * without a caller: they run as the system, in the process engine's jobs.
 */
public record ActFacts(UUID id, UUID tenantId, ActState state, Nature nature, String number, String subject,
                       LocalDate decisionDate, String matiere, LocalDate classificationDate, String mainDocumentType,
                       List<String> annexTypes, boolean legalityControl, String submittedBy, String idActe,
                       String circuit) {
}
