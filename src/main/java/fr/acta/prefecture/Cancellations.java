package fr.acta.prefecture;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.common.ConflictException;
import fr.acta.common.NotFoundException;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.PrefectureMessage;
import fr.acta.transmission.PrefectureMessageParser;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowException;
import fr.acta.transmission.S2lowSettings;
import fr.acta.transmission.TransactionType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cancellation of an acknowledged act: asked for by its submitter or an administrator, sent
 * to S²LOW exactly once (marker committed before the request, transaction id after it, the act
 * looked up on S²LOW before any new request), then followed by BPMN timers to the préfecture's
 * ARAnnulation, kept with the act, which becomes CANCELLED.
 */
@Service
public class Cancellations {

    public static final String POSTED = "POSTED";
    public static final String REFUSED = "REFUSED";

    private final CancellationStore store;
    private final TransmissionStore transmissions;
    private final ActService acts;
    private final DocumentService documents;
    private final TenantAccess tenants;
    private final S2lowClient s2low;
    private final S2lowConnections connections;
    private final PrefectureProcesses processes;
    private final TransmissionFollowUp timing;
    private final TransactionTemplate tx;
    private final TransactionTemplate separate;

    Cancellations(CancellationStore store, TransmissionStore transmissions, ActService acts, DocumentService documents,
                  TenantAccess tenants, S2lowClient s2low, S2lowConnections connections, PrefectureProcesses processes,
                  TransmissionFollowUp timing, PlatformTransactionManager transactions) {
        this.store = store;
        this.transmissions = transmissions;
        this.acts = acts;
        this.documents = documents;
        this.tenants = tenants;
        this.s2low = s2low;
        this.connections = connections;
        this.processes = processes;
        this.timing = timing;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The request: only an acknowledged act, once; its process starts in the same transaction. */
    public void request(TenantRef tenant, UUID actId) {
        acts.summary(tenant, actId).orElseThrow(() -> new NotFoundException("Acte introuvable."));
        ReplyRequests.requireSubmitterOrAdmin(acts.facts(actId), "demander l'annulation de l'acte");
        String me = TenantAccess.currentUser().getUsername();
        tx.executeWithoutResult(status -> {
            CancellationStore.Cancellation c = store.latestForUpdate(actId).orElseThrow(() -> new ConflictException(
                    "L'acte n'a pas été transmis à la préfecture : il n'y a rien à annuler par S²LOW."));
            ActFacts act = acts.facts(actId);
            switch (c.state()) {
                case CANCELLATION_REQUESTED -> throw new ConflictException("Une annulation de cet acte est déjà en cours.");
                case CANCELLED -> throw new ConflictException("L'acte est déjà annulé.");
                case ACKNOWLEDGED -> {
                    // exécutoire, whether or not it has gone to the archive since
                    if (!java.util.EnumSet.of(ActState.ACKNOWLEDGED, ActState.ARCHIVING, ActState.ARCHIVED,
                            ActState.ARCHIVE_ERROR).contains(act.state())) {
                        throw notAcknowledged(act);
                    }
                }
                default -> throw notAcknowledged(act);
            }
            store.requested(c.transmissionId(), me);
            transmissions.event(c.transmissionId(), null, "Annulation demandée", "Par " + me);
            acts.record(actId, null, me, "CANCELLATION_REQUESTED", "Annulation de l'acte demandée à la préfecture "
                    + "(IDActe " + c.idActe() + ")");
            processes.cancellationRequested(actId, tenant.code());
        });
    }

    private static ConflictException notAcknowledged(ActFacts act) {
        return new ConflictException("Seul un acte dont la préfecture a accusé réception (exécutoire) peut être "
                + "annulé : cet acte est à l'état " + act.state() + ".");
    }

    /** Sends the annulation to S²LOW, once; REFUSED when S²LOW refuses it (the act stays acknowledged). */
    @Transactional
    public String post(UUID actId) {
        // No row lock: the marker commits in a transaction of its own. The engine runs this step once at a time.
        CancellationStore.Cancellation c = store.latest(actId).orElseThrow();
        if (c.cancellationTransactionId() != null || c.state() == Transmission.State.CANCELLED) {
            return POSTED;
        }
        if (c.state() != Transmission.State.CANCELLATION_REQUESTED) {
            return REFUSED;
        }
        S2lowSettings settings = connections.settings(c.tenantId());
        if (c.postingAt() != null) {
            Optional<S2low.Transaction> found = s2low.findByNumber(settings, acts.facts(actId).number(),
                    TransactionType.ANNULATION);
            if (found.isPresent()) {
                return recordPosted(c, found.get().id(), ", retrouvée sur S²LOW après une interruption");
            }
        } else {
            separate.executeWithoutResult(s -> store.posting(c.transmissionId()));
        }
        long id;
        try {
            id = s2low.cancel(settings, c.actTransaction());
        } catch (S2lowException e) {
            if (e.kind() != S2lowException.Kind.REFUSED) {
                throw e;
            }
            fail(c, "S²LOW a refusé l'annulation : " + e.getMessage());
            return REFUSED;
        }
        return recordPosted(c, id, "");
    }

    private String recordPosted(CancellationStore.Cancellation c, long id, String note) {
        store.posted(c.transmissionId(), id);
        transmissions.event(c.transmissionId(), 1, "Annulation déposée sur S²LOW", "Transaction " + id + note);
        acts.record(c.actId(), null, TransmissionService.SYSTEM, "CANCELLATION_POSTED",
                "Annulation déposée sur S²LOW (transaction " + id + ")" + note);
        return POSTED;
    }

    /** One look at the annulation on S²LOW; ACKNOWLEDGED once the ARAnnulation is kept and the act CANCELLED. */
    @Transactional
    public FollowStep follow(UUID actId) {
        CancellationStore.Cancellation c = store.latestForUpdate(actId).orElseThrow();
        if (c.state() == Transmission.State.CANCELLED) {
            return new FollowStep(FollowStep.ACKNOWLEDGED, timing.firstWait());
        }
        if (c.state() != Transmission.State.CANCELLATION_REQUESTED || c.cancellationTransactionId() == null) {
            return new FollowStep(FollowStep.ERROR, timing.firstWait());
        }
        S2lowSettings settings = connections.settings(c.tenantId());
        long cancellation = Long.parseLong(c.cancellationTransactionId());
        S2low.Status status = s2low.status(settings, cancellation);
        if (status.code() == 4) {
            byte[] xml = status.fluxRetour() != null && status.fluxRetour().length > 0 ? status.fluxRetour()
                    : s2low.arActe(settings, cancellation);
            cancelled(c, xml);
            return new FollowStep(FollowStep.ACKNOWLEDGED, timing.firstWait());
        }
        if (status.code() == -1 || status.code() == 6 || status.code() == 10) {
            fail(c, "L'annulation n'a pas abouti : " + (status.message() == null || status.message().isBlank()
                    ? status.label() : status.message().strip()));
            return new FollowStep(FollowStep.ERROR, timing.firstWait());
        }
        store.polled(c.transmissionId());
        return new FollowStep(FollowStep.PENDING, timing.backOff(c.polls() + 1));
    }

    private void cancelled(CancellationStore.Cancellation c, byte[] xml) {
        PrefectureMessage ar = PrefectureMessageParser.parse(xml);
        if (ar.kind() != PrefectureMessage.Kind.AR_ANNULATION) {
            throw new IllegalStateException("S²LOW's answer to cancellation " + c.cancellationTransactionId()
                    + " is not an ARAnnulation: " + ar.kind());
        }
        TenantRef tenant = tenants.findById(c.tenantId()).orElseThrow();
        documents.addGenerated(tenant, c.actId(), DocumentRole.ARANNULATION, "ARAnnulation-" + c.idActe() + ".xml",
                "application/xml", xml);
        String text = ar.xml() != null ? ar.xml() : new String(xml, StandardCharsets.ISO_8859_1);
        store.cancelled(c.transmissionId(), text, ar.date());
        String when = ar.date() == null ? "" : " le " + LetterReception.FRENCH.format(ar.date());
        transmissions.event(c.transmissionId(), 0, "Annulation acquittée", "ARAnnulation reçu" + when);
        acts.record(c.actId(), ActState.CANCELLED, TransmissionService.SYSTEM, "CANCELLED",
                "Annulation de l'acte acquittée par la préfecture" + when + " (ARAnnulation, IDActe " + c.idActe() + ")");
    }

    private void fail(CancellationStore.Cancellation c, String why) {
        store.failed(c.transmissionId(), why);
        transmissions.event(c.transmissionId(), null, "Annulation refusée", why);
        acts.record(c.actId(), null, TransmissionService.SYSTEM, "CANCELLATION_REFUSED", why
                + " — l'acte reste exécutoire.");
    }
}
