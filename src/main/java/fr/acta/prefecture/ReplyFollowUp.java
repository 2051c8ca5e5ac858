package fr.acta.prefecture;

import fr.acta.act.ActService;
import fr.acta.transmission.ActesStatus;
import fr.acta.transmission.PrefectureMessage;
import fr.acta.transmission.PrefectureMessageException;
import fr.acta.transmission.PrefectureMessageParser;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowSettings;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One look at a reply's status on S²LOW, called by a BPMN timer with a growing wait, until the
 * préfecture's accusé de réception (ARPieceComplementaire, ARReponseRejetLettreObservations),
 * which is recorded on the letter it answers.
 */
@Service
public class ReplyFollowUp {

    private final LetterStore letters;
    private final S2lowClient s2low;
    private final S2lowConnections connections;
    private final ActService acts;
    private final TransmissionFollowUp timing;

    ReplyFollowUp(LetterStore letters, S2lowClient s2low, S2lowConnections connections, ActService acts,
                  TransmissionFollowUp timing) {
        this.letters = letters;
        this.s2low = s2low;
        this.connections = connections;
        this.acts = acts;
        this.timing = timing;
    }

    /** The wait before the first look. */
    public Duration firstWait() {
        return timing.firstWait();
    }

    @Transactional
    public FollowStep follow(UUID messageId) {
        Letter letter = letters.getForUpdate(messageId).orElseThrow();
        if (letter.state() == Letter.State.REPLY_ACKNOWLEDGED) {
            return new FollowStep(FollowStep.ACKNOWLEDGED, firstWait());
        }
        if (letter.state() == Letter.State.REPLY_ERROR || letter.replyTransactionId() == null) {
            return new FollowStep(FollowStep.ERROR, firstWait());
        }
        S2lowSettings settings = connections.settings(letter.tenantId());
        S2low.Status status = s2low.status(settings, letter.replyTransaction());
        int code = status.code();
        if (code == ActesStatus.ACQUITTEMENT_RECU.code()) {
            byte[] xml = status.fluxRetour() != null && status.fluxRetour().length > 0 ? status.fluxRetour()
                    : s2low.arActe(settings, letter.replyTransaction());
            acknowledged(letter, read(xml));
            return new FollowStep(FollowStep.ACKNOWLEDGED, firstWait());
        }
        if (code == ActesStatus.ERREUR.code() || code == ActesStatus.REFUSE.code()
                || code == ActesStatus.REFUS_D_ENVOI.code() || code == ActesStatus.ANNULE.code()) {
            String why = status.message() == null || status.message().isBlank() ? status.label() : status.message();
            letters.replyFailed(messageId, why);
            acts.record(letter.actId(), null, TransmissionService.SYSTEM, "PREFECTURE_REPLY_ERROR",
                    "La réponse " + Replies.toLetter(letter) + " n'a pas abouti : " + why);
            return new FollowStep(FollowStep.ERROR, firstWait());
        }
        letters.replyPolled(messageId);
        return new FollowStep(FollowStep.PENDING, timing.backOff(letter.replyPolls() + 1));
    }

    /** Records the préfecture's accusé de réception of a reply on its letter, once (caller's transaction). */
    void acknowledged(Letter letter, PrefectureMessage ar) {
        Letter current = letters.getForUpdate(letter.id()).orElseThrow();
        if (current.state() == Letter.State.REPLY_ACKNOWLEDGED) {
            return;
        }
        letters.replyAcknowledged(letter.id(), ar.xml(), ar.date());
        acts.record(letter.actId(), null, TransmissionService.SYSTEM, "PREFECTURE_REPLY_ACKNOWLEDGED",
                "La préfecture a accusé réception de la réponse " + Replies.toLetter(letter)
                        + (ar.date() == null ? "" : " le " + LetterReception.FRENCH.format(ar.date())));
    }

    private static PrefectureMessage read(byte[] xml) {
        try {
            return PrefectureMessageParser.parse(xml);
        } catch (PrefectureMessageException e) {
            throw new IllegalStateException("Unreadable acknowledgement of a reply: " + e.getMessage(), e);
        }
    }
}
