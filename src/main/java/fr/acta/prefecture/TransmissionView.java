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
 */
public record TransmissionView(String status, int attempt, String transactionId, Integer s2lowStatus,
                               String s2lowStatusLabel, String idActe, LocalDate receivedAt, String error,
                               String packageName, List<Event> history) {

    public record Event(Instant at, int attempt, Integer statusCode, String label, String detail) {
    }
}
