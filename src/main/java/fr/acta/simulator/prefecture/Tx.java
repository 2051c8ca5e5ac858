package fr.acta.simulator.prefecture;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One S²LOW transaction as stored ({@code sandbox_prefecture_transaction}).
 *
 * @param type     1 transmission, 2 courrier simple, 3 demande de pièces complémentaires, 4 lettre
 *                 d'observations, 5 déféré, 6 annulation, 7 demande de classification
 * @param outcome  what the préfecture answers when {@code plannedAnswerAt} comes: ACK, ANOMALY, or
 *                 NONE (no automatic answer: the administrator decides, or there is no AR at all)
 */
record Tx(long id, String siren, String department, String login, int type, Long relatedId, boolean fromPrefecture,
          String natureCode, String number, String subject, LocalDate decisionDate, String classification,
          LocalDate classificationDate, boolean documentPapier, String uniqueId, Integer typeReponse, boolean read,
          String outcome, String anomalyNature, String anomalyDetail, LocalDate messageDate, Instant submittedAt,
          Instant plannedWaitingAt, Instant plannedSentAt, Instant plannedAnswerAt, int lastStatus) {

    static final String ACK = "ACK";
    static final String ANOMALY = "ANOMALY";
    static final String NONE = "NONE";

    boolean isReply() {
        return typeReponse != null || (type >= 2 && type <= 4 && !fromPrefecture);
    }

    /** The 2-letter nature (DE, AR, AI, CC, BF, AU), or "" for an unknown code. */
    String natureShort() {
        return Natures.shortName(natureCode);
    }

    /** IDActe: {dept}-{SIREN}-{decision YYYYMMDD}-{number}-{nature}. */
    String computedIdActe() {
        return department + "-" + siren + "-" + Names.compact(decisionDate) + "-" + number + "-" + natureShort();
    }

    String idActe() {
        return uniqueId != null ? uniqueId : computedIdActe();
    }

    Tx withOutcome(String value) {
        return new Tx(id, siren, department, login, type, relatedId, fromPrefecture, natureCode, number, subject,
                decisionDate, classification, classificationDate, documentPapier, uniqueId, typeReponse, read, value,
                anomalyNature, anomalyDetail, messageDate, submittedAt, plannedWaitingAt, plannedSentAt,
                plannedAnswerAt, lastStatus);
    }
}
