package fr.acta.prefecture;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.transmission.ActesStatus;
import fr.acta.transmission.PrefectureMessage;
import fr.acta.transmission.PrefectureMessageParser;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowSettings;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One look at a sent act's status on S²LOW, called by a BPMN timer: the outcome tells the process
 * where to go, and the wait before the next look grows from {@code acta.transmission.poll-initial}
 * to {@code acta.transmission.poll-max}. No loop and no scheduler: a waiting act costs nothing.
 */
@Service
public class TransmissionFollowUp {

    /** Where the sending stands, for the process's gateway. */
    public enum Outcome { PENDING, ACKNOWLEDGED, ERROR }

    public record Step(Outcome outcome, Duration nextWait) {
    }

    private static final Set<Integer> ACKNOWLEDGED_OR_LATER = Set.of(4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20,
            21, 22);

    private final TransmissionStore store;
    private final S2lowClient s2low;
    private final S2lowConnections connections;
    private final ActService acts;
    private final ClassificationRefresh classifications;
    private final Duration initial;
    private final Duration max;

    TransmissionFollowUp(TransmissionStore store, S2lowClient s2low, S2lowConnections connections, ActService acts,
                         ClassificationRefresh classifications,
                         @Value("${acta.transmission.poll-initial:PT2S}") Duration initial,
                         @Value("${acta.transmission.poll-max:PT15M}") Duration max) {
        this.store = store;
        this.s2low = s2low;
        this.connections = connections;
        this.acts = acts;
        this.classifications = classifications;
        this.initial = initial;
        this.max = max;
    }

    /** The wait before the first look. */
    public Duration firstWait() {
        return initial;
    }

    @Transactional
    public Step follow(UUID actId) {
        Transmission t = store.latestForUpdate(actId).orElseThrow();
        if (t.state() == Transmission.State.ERROR) {
            return new Step(Outcome.ERROR, initial);
        }
        if (t.state() == Transmission.State.ACKNOWLEDGED) {
            return new Step(Outcome.ACKNOWLEDGED, initial);
        }
        S2lowSettings settings = connections.settings(t.tenantId());
        S2low.Status status = s2low.status(settings, t.transaction());
        int code = status.code();
        if (ACKNOWLEDGED_OR_LATER.contains(code)) {
            store.status(t.id(), Transmission.State.POSTED, code, status.label());
            return new Step(Outcome.ACKNOWLEDGED, initial);
        }
        if (code == ActesStatus.ERREUR.code() || code == ActesStatus.REFUSE.code() || code == ActesStatus.ANNULE.code()) {
            PrefectureMessage answer = parsed(status);
            if (answer != null) {
                // an anomaly also says which classification the préfecture holds (002: the act's is outdated)
                classifications.announced(t.tenantId(), answer.classificationDate());
            }
            String message = anomaly(status, answer);
            store.status(t.id(), Transmission.State.ERROR, code, status.label());
            store.failed(t.id(), message);
            store.event(t.id(), code, status.label(), message);
            acts.record(actId, ActState.TRANSMISSION_ERROR, TransmissionService.SYSTEM, "TRANSMISSION_ERROR",
                    "La préfecture ou S²LOW a refusé l'acte : " + message);
            return new Step(Outcome.ERROR, initial);
        }
        boolean changed = t.statusCode() == null || t.statusCode() != code;
        Transmission.State state = code == ActesStatus.EN_ATTENTE_D_ETRE_POSTEE.code()
                ? Transmission.State.AWAITING_CONFIRMATION : Transmission.State.POSTED;
        store.status(t.id(), state, code, status.label());
        if (changed) {
            store.event(t.id(), code, status.label(), null);
            if (state == Transmission.State.AWAITING_CONFIRMATION) {
                acts.record(actId, null, TransmissionService.SYSTEM, "AWAITING_RGS_CONFIRMATION",
                        "S²LOW attend qu'un agent muni d'un certificat RGS confirme la télétransmission "
                                + "(transaction " + t.transactionId() + ").");
            }
        }
        return new Step(Outcome.PENDING, backOff(t.polls() + 1));
    }

    Duration backOff(int polls) {
        Duration wait = initial;
        for (int i = 1; i < polls && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The préfecture's message attached to the status, or null (none, or refused as unreadable or unsafe). */
    private static PrefectureMessage parsed(S2low.Status status) {
        if (status.fluxRetour() == null || status.fluxRetour().length == 0) {
            return null;
        }
        try {
            return PrefectureMessageParser.parse(status.fluxRetour());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String anomaly(S2low.Status status, PrefectureMessage m) {
        if (m != null && m.detail() != null && !m.detail().isBlank()) {
            return m.kind().label() + (m.anomalyCode() == null ? "" : " (nature " + m.anomalyCode() + ")")
                    + " : " + m.detail().strip();
        }
        String own = status.message() == null || status.message().isBlank() ? status.label() : status.message().strip();
        if (m == null && status.fluxRetour() != null && status.fluxRetour().length > 0) {
            // never the raw XML: it was refused (not well-formed, or a DTD and its entities)
            return "Réponse de la préfecture illisible ou refusée par Acta (XML non conforme ou dangereux) ; "
                    + "S²LOW indique : " + own;
        }
        return own;
    }
}
