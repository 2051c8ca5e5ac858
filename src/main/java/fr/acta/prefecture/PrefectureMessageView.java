package fr.acta.prefecture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A message of the préfecture about an act, with the collectivité's reply, as the API shows it.
 *
 * @param type          COURRIER_SIMPLE, DEMANDE_PIECES_COMPLEMENTAIRES, LETTRE_OBSERVATIONS or DEFERE_TA
 * @param label         the type in French
 * @param date          the letter's own date (DateCourrierPref, or DateDepot of a déféré)
 * @param detail        what the préfecture writes: the pieces asked for, the observations, the illegality
 * @param state         AWAITING_REPLY, REPLY_REQUESTED, REPLY_SENDING, REPLIED, REPLY_ACKNOWLEDGED, REPLY_ERROR
 *                      or RECORDED (a déféré, which is not answered through S²LOW)
 * @param replyExpected whether a reply through S²LOW is still awaited from the collectivité
 */
public record PrefectureMessageView(UUID id, String remoteId, String type, String label, LocalDate date,
                                    Instant receivedAt, String detail, String state, String stateLabel,
                                    boolean replyExpected, List<Document> documents, Reply reply) {

    /** A document of the letter or of its reply; {@code typeCode} is the CodeTypePJ a reply piece is sent under. */
    public record Document(UUID id, String name, String mediaType, long size, String typeCode) {
    }

    /**
     * The collectivité's reply.
     *
     * @param kind           REPONSE or REFUS
     * @param acknowledgedOn the préfecture's date of reception, from its accusé de réception
     * @param error          why S²LOW or the préfecture refused the last reply, if it did
     */
    public record Reply(String kind, String by, String transactionId, Instant sentAt, Instant acknowledgedAt,
                        LocalDate acknowledgedOn, String error, List<Document> documents) {
    }
}
