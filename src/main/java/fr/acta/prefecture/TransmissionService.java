package fr.acta.prefecture;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.common.ValidationException;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.ActesPackage;
import fr.acta.transmission.ActesPackageBuilder;
import fr.acta.transmission.ActesPackageRequest;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowException;
import fr.acta.transmission.S2lowSettings;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a signed act to the préfecture exactly once. {@link #prepare} builds and keeps the @ctes
 * package; {@link #post} commits "the request may leave" on its own before the request, and the
 * transaction id with the step that made it: after a crash in between, the act is looked up on
 * S²LOW by its number before any new request.
 */
@Service
public class TransmissionService {

    private static final Logger log = LoggerFactory.getLogger(TransmissionService.class);
    static final String SYSTEM = "acta";

    private final TransmissionStore store;
    private final ActService acts;
    private final DocumentService documents;
    private final TenantAccess tenants;
    private final ActesPackageBuilder packages;
    private final PackageRequests requests;
    private final S2lowClient s2low;
    private final S2lowConnections connections;
    private final ClassificationRefresh classifications;
    private final TransmissionFaults faults;
    private final TransactionTemplate separate;

    TransmissionService(TransmissionStore store, ActService acts, DocumentService documents, TenantAccess tenants,
                        ActesPackageBuilder packages, PackageRequests requests, S2lowClient s2low,
                        S2lowConnections connections, ClassificationRefresh classifications,
                        TransmissionFaults faults, PlatformTransactionManager transactions) {
        this.store = store;
        this.acts = acts;
        this.documents = documents;
        this.tenants = tenants;
        this.packages = packages;
        this.requests = requests;
        this.s2low = s2low;
        this.connections = connections;
        this.classifications = classifications;
        this.faults = faults;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Builds the package of a new sending and keeps it with the act, unless a sending is already
     * under way (a replayed step builds nothing twice). A refusal of the act's own data (a matière
     * the préfecture no longer has…) ends the sending in error for the submitter to correct.
     */
    @Transactional
    public void prepare(UUID actId) {
        Optional<Transmission> latest = store.latestForUpdate(actId);
        if (latest.isPresent() && latest.get().state() != Transmission.State.ERROR) {
            return;
        }
        ActFacts act = acts.facts(actId);
        TenantRef tenant = tenants.findById(act.tenantId()).orElseThrow();
        int attempt = latest.map(t -> t.attempt() + 1).orElse(1);
        try {
            S2lowSettings settings = connections.settings(tenant.id());
            classifications.refreshIfAnnounced(tenant, settings);
            act = acts.facts(actId);
            ActesPackageRequest request = requests.of(tenant, act, classifications.versionFor(tenant, act));
            ActesPackage built = packages.build(request);
            DocumentView kept = documents.addGenerated(tenant, actId, DocumentRole.TRANSMISSION_PACKAGE,
                    built.archiveName(), "application/gzip", built.archive());
            Transmission t = store.insert(actId, tenant.id(), attempt, kept.id(), built.archiveName());
            store.event(t.id(), null, "Enveloppe constituée", built.archiveName() + " (IDActe attendu "
                    + built.idActe() + ")");
            acts.record(actId, null, SYSTEM, "TRANSMISSION_PREPARED", "Enveloppe @ctes " + built.archiveName()
                    + " constituée" + (attempt > 1 ? " (envoi n° " + attempt + ")" : ""));
        } catch (ValidationException e) {
            Transmission t = store.insert(actId, tenant.id(), attempt, null, null);
            String message = e.getMessage() + details(e);
            store.failed(t.id(), message);
            store.event(t.id(), null, "Envoi impossible", message);
            // the act becomes TRANSMISSION_ERROR with its correction task (so a resubmission always finds it)
            acts.record(actId, null, SYSTEM, "TRANSMISSION_ERROR", message);
        }
    }

    /** Posts the prepared act to S²LOW, once. */
    @Transactional
    public void post(UUID actId) {
        // No row lock here: the marker below commits in a transaction of its own, which would wait for
        // it. The process engine runs this step once at a time (job lock).
        Transmission t = store.latest(actId).orElseThrow(() -> new IllegalStateException(
                "No transmission prepared for act " + actId));
        if (t.transactionId() != null || t.state() == Transmission.State.ERROR) {
            return;
        }
        ActFacts act = acts.facts(actId);
        S2lowSettings settings = connections.settings(t.tenantId());
        if (t.state() == Transmission.State.POSTING) {
            // a transaction an earlier sending of this act already had is not this sending's
            Optional<S2low.Transaction> found = s2low.findByNumber(settings, act.number())
                    .filter(x -> !store.transactionIds(actId).contains(Long.toString(x.id())));
            if (found.isPresent()) {
                log.info("Act {} was already on S²LOW as transaction {}: not posted again", actId, found.get().id());
                recordPosted(t, actId, found.get().id(), "retrouvé sur S²LOW par son numéro après une interruption");
                return;
            }
        } else {
            separate.executeWithoutResult(s -> store.postingStarted(t.id()));
        }
        long transactionId;
        try {
            transactionId = s2low.postAct(settings, requests.s2lowRequest(act, packageDocuments(t),
                    connections.confirmationRequired(t.tenantId())));
        } catch (S2lowException e) {
            if (e.kind() == S2lowException.Kind.REFUSED) {
                store.failed(t.id(), e.getMessage());
                store.event(t.id(), null, "Refusé par S²LOW", e.getMessage());
                acts.record(actId, null, SYSTEM, "TRANSMISSION_ERROR", e.getMessage());
                return;
            }
            throw e;
        }
        faults.afterS2lowPost(actId, transactionId);
        recordPosted(t, actId, transactionId, null);
    }

    private void recordPosted(Transmission t, UUID actId, long transactionId, String note) {
        store.posted(t.id(), transactionId);
        store.event(t.id(), 1, "Déposé sur S²LOW", "Transaction " + transactionId + (note == null ? "" : ", " + note));
        acts.record(actId, ActState.TRANSMITTED, SYSTEM, "TRANSMITTED",
                "Transmis au contrôle de légalité (transaction S²LOW " + transactionId + ")");
    }

    private PackageRequests.Documents packageDocuments(Transmission t) {
        return requests.documents(tenants.findById(t.tenantId()).orElseThrow(), t.actId());
    }

    private static String details(ValidationException e) {
        List<String> more = e.violations().stream().filter(v -> !v.message().equals(e.getMessage()))
                .map(v -> v.field() + " : " + v.message()).toList();
        return more.isEmpty() ? "" : " (" + String.join(" ; ", more) + ")";
    }

    /** The latest sending of an act, if any. */
    Optional<Transmission> latest(UUID actId) {
        return store.latest(actId);
    }
}
