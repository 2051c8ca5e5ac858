package fr.acta.prefecture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One sending of an act to the préfecture, as stored ({@code act_transmission}). */
record Transmission(UUID id, UUID actId, UUID tenantId, int attempt, State state, UUID packageDocumentId,
                    String packageName, Instant postingStartedAt, String transactionId, Instant postedAt,
                    Integer statusCode, String statusLabel, int polls, String idActe, LocalDate receivedAt,
                    String arXml, String errorMessage, String cancellationTransactionId, Instant cancelledAt) {

    enum State {
        /** The package is built and kept; nothing has left yet. */
        PREPARED,
        /** The request may have left: look the act up on S²LOW before any new one. */
        POSTING,
        /** S²LOW holds it under {@code transactionId}. */
        POSTED,
        /** Waiting for an agent's RGS confirmation on S²LOW (status 17). */
        AWAITING_CONFIRMATION,
        ACKNOWLEDGED,
        ERROR,
        CANCELLATION_REQUESTED,
        CANCELLED
    }

    long transaction() {
        return Long.parseLong(transactionId);
    }
}
