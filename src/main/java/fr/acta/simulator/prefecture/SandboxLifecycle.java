package fr.acta.simulator.prefecture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The status progression 1 (posté) → 2 (en attente de transmission) → 3 (transmis) → the préfecture's
 * answer, driven by the times planned at posting and materialised when a transaction is read: the
 * reader locks the row, writes the steps whose time has come (dated at their planned time) and
 * answers. Any node may do it, exactly once; nothing runs in the background.
 */
@Component
@SandboxEnabled
class SandboxLifecycle {

    /** Planned times of steps 2, 3 and the answer. */
    record Plan(Instant waitingAt, Instant sentAt, Instant answerAt) {
    }

    private final SandboxStore store;
    private final SandboxSettings settings;
    private final SandboxClassifications classifications;
    private final SandboxProperties properties;
    private final TransactionTemplate tx;

    SandboxLifecycle(SandboxStore store, SandboxSettings settings, SandboxClassifications classifications,
                     SandboxProperties properties, TransactionTemplate tx) {
        this.store = store;
        this.settings = settings;
        this.classifications = classifications;
        this.properties = properties;
        this.tx = tx;
    }

    Plan plan(Instant from) {
        SandboxSettings.Effective s = settings.effective();
        Instant waiting = from.plus(s.postedToWaiting());
        Instant sent = waiting.plus(s.waitingToSent());
        return new Plan(waiting, sent, sent.plus(s.sentToAnswer()));
    }

    /** The transaction as it is now, its due steps written. */
    Optional<Tx> current(long id) {
        return tx.execute(status -> store.lock(id).map(t -> advance(t, Instant.now())));
    }

    /** Brings every moving transaction of a collectivité up to date (before listing by status). */
    void catchUp(String siren) {
        for (Long id : store.moving(siren, Instant.now())) {
            current(id);
        }
    }

    /** Makes every remaining step due now (administrator's "advance"). */
    Optional<Tx> hurry(long id) {
        return tx.execute(status -> store.lock(id).map(t -> {
            // PostgreSQL keeps microseconds (rounded): a time of now must not come back later than now
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            if (t.plannedWaitingAt() != null) {
                store.replan(id, min(t.plannedWaitingAt(), now), min(t.plannedSentAt(), now),
                        min(t.plannedAnswerAt(), now));
            }
            return advance(store.find(id).orElseThrow(), now);
        }));
    }

    /** Within the caller's database transaction, the row locked. */
    Tx advance(Tx t, Instant now) {
        if (t.plannedWaitingAt() == null || t.lastStatus() < 1 || t.lastStatus() > 3) {
            return t;
        }
        int last = t.lastStatus();
        if (last < 2 && !t.plannedWaitingAt().isAfter(now)) {
            store.addStatus(t.id(), 2, t.plannedWaitingAt(), "En attente de transmission", null);
            last = 2;
        }
        if (last == 2 && !t.plannedSentAt().isAfter(now)) {
            store.addStatus(t.id(), 3, t.plannedSentAt(), "Transmis au " + properties.ministryAcronym(), null);
            last = 3;
        }
        if (last == 3 && !t.plannedAnswerAt().isAfter(now) && !Tx.NONE.equals(t.outcome())) {
            answer(t, t.plannedAnswerAt());
        }
        return store.find(t.id()).orElseThrow();
    }

    /** Writes the préfecture's automatic answer to a transaction that reached 3. */
    private void answer(Tx t, Instant at) {
        LocalDate day = at.atZone(Names.PARIS).toLocalDate();
        String ministry = properties.ministryAcronym();
        switch (t.type()) {
            case 1 -> {
                List<SandboxStore.FileRow> files = store.files(t.id());
                String document = files.size() > 1 ? files.get(1).name() : "";
                List<String> annexes = files.stream().skip(2).map(SandboxStore.FileRow::name).toList();
                LocalDate announced = classifications.announced(t.siren());
                if (Tx.ANOMALY.equals(t.outcome())) {
                    byte[] xml = PrefectureXml.anomalieActe(t, document, annexes, day, t.anomalyNature(),
                            t.anomalyDetail(), announced);
                    store.addStatus(t.id(), -1, at, "Anomalie signalee par le " + ministry + " : " + t.anomalyNature()
                            + " - " + t.anomalyDetail(), xml);
                } else {
                    byte[] xml = PrefectureXml.arActe(t, document, annexes, day, announced);
                    store.setUniqueId(t.id(), t.computedIdActe());
                    store.addStatus(t.id(), 4, at, "Reçu par le " + ministry + " le " + day, xml);
                }
            }
            case 6 -> {
                byte[] xml = PrefectureXml.arAnnulation(t.uniqueId(), day);
                String message = "Annulation reçue par le " + ministry + " le " + day;
                store.addStatus(t.relatedId(), 0, at, message, xml);
                store.addStatus(t.id(), 4, at, message, xml);
            }
            case 7 -> {
                SandboxClassifications.Served served = classifications.served(t.siren());
                store.addStatus(t.id(), 4, at, "Mise à jour de la classification (date de classification: "
                        + served.date() + ")", served.xml());
            }
            case 3, 4 -> {
                Tx letter = store.find(t.relatedId()).orElseThrow();
                String root = t.type() == 3 ? "ARPieceComplementaire" : "ARReponseRejetLettreObservations";
                byte[] xml = PrefectureXml.arReply(root, day, t.idActe(), letter.messageDate());
                store.addStatus(t.id(), 4, at, "Reçu par le " + ministry + " le " + day, xml);
            }
            default -> {
                // a reply to a courrier simple gets no acknowledgement: it stays transmitted
            }
        }
    }

    private static Instant min(Instant planned, Instant now) {
        return planned == null || planned.isAfter(now) ? now : planned;
    }

}
