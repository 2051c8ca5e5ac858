package fr.acta.prefecture;

import fr.acta.transmission.TransactionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A letter of the préfecture about an act, and the collectivité's reply, as stored ({@code prefecture_message}). */
record Letter(UUID id, UUID actId, UUID tenantId, String remoteId, int typeCode, Instant receivedAt,
              LocalDate letterDate, String detail, State state, String replyKind, String replyTransactionId,
              Instant replyStartedAt, Instant repliedAt, String repliedBy, String replyError, int replyPolls,
              String replyArXml, LocalDate replyArDate, Instant replyAcknowledgedAt, Instant notifiedAt) {

    enum State {
        /** A task waits for the submitter's answer. */
        AWAITING_REPLY("Réponse attendue"),
        /** The answer is stored and the task done: the sending is about to start. */
        REPLY_REQUESTED("Réponse en cours d'envoi"),
        /** The request may have left: look the reply up on S²LOW before any new one. */
        REPLY_SENDING("Réponse en cours d'envoi"),
        /** S²LOW holds the reply under {@code replyTransactionId}. */
        REPLIED("Réponse envoyée"),
        REPLY_ACKNOWLEDGED("Réponse reçue par la préfecture"),
        REPLY_ERROR("Réponse refusée"),
        /** A déféré: recorded and notified, no answer through S²LOW. */
        RECORDED("Enregistré");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /** The reply kinds, as {@code reply_kind} stores them. */
    static final String RESPONSE = "REPONSE";
    static final String REFUSAL = "REFUS";

    TransactionType type() {
        return TransactionType.of(typeCode).orElseThrow();
    }

    boolean defere() {
        return typeCode == TransactionType.DEFERE_TA.code();
    }

    /** Demandes de pièces and lettres d'observations get an accusé de réception of their reply; courriers do not. */
    boolean replyAcknowledged() {
        return typeCode == TransactionType.DEMANDE_PIECES_COMPLEMENTAIRES.code()
                || typeCode == TransactionType.LETTRE_OBSERVATIONS.code();
    }

    long remote() {
        return Long.parseLong(remoteId);
    }

    long replyTransaction() {
        return Long.parseLong(replyTransactionId);
    }
}
