package fr.acta.prefecture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code transmission} part of an act's JSON: where its sending to the préfecture stands.
 *
 * @param status        PREPARED, POSTING, POSTED, AWAITING_CONFIRMATION, ACKNOWLEDGED, ERROR,
 *                      CANCELLATION_REQUESTED or CANCELLED
 * @param s2lowStatus   the tiers' last status code and its label
 * @param idActe        the préfecture's identifier, once acknowledged
 * @param receivedAt    the legal date of reception (DateReception of the ARActe)
 * @param cancellation  the cancellation, once asked for
 * @param confirmation  while S²LOW waits for an agent's RGS confirmation (AWAITING_CONFIRMATION): what to do,
 *                      and the link to open
 */
public record TransmissionView(String status, int attempt, String transactionId, Integer s2lowStatus,
                               String s2lowStatusLabel, String idActe, LocalDate receivedAt, String error,
                               String packageName, List<Event> history, Cancellation cancellation,
                               Confirmation confirmation) {

    /**
     * A sending waiting on S²LOW for an agent's confirmation.
     *
     * @param link S²LOW's confirmation page (one-time nonce, valid a few minutes), to open in a browser holding
     *             the agent's RGS certificate; null when S²LOW could not be asked for it just now
     */
    public record Confirmation(String message, String link) {
    }

    public record Event(Instant at, int attempt, Integer statusCode, String label, String detail) {
    }

    /**
     * The cancellation of the acknowledged act, once asked for.
     *
     * @param transactionId the annulation's S²LOW transaction, once sent
     * @param receivedAt    the préfecture's date of reception, from its ARAnnulation
     * @param error         why the last cancellation did not go through (the act then stays exécutoire)
     */
    public record Cancellation(String requestedBy, Instant requestedAt, String transactionId, Instant cancelledAt,
                               LocalDate receivedAt, String error) {
    }
}
