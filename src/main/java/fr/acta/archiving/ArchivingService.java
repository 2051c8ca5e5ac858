package fr.acta.archiving;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.seda.SedaTransfer;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers an act to its collectivité's archive exactly once. {@link #prepare} builds and keeps
 * the SEDA package; {@link #send} commits "the request may leave" on its own before the request,
 * and records the sending with the step that made it: after a crash in between, the archive is
 * asked for that message identifier before any new request. {@link #follow} reads the archive's
 * acknowledgement and reply.
 */
@Service
public class ArchivingService {

    private static final Logger log = LoggerFactory.getLogger(ArchivingService.class);
    static final String SYSTEM = "acta";

    /** What one look at the archive found, and how long to wait before the next one. */
    public record Step(String outcome, Duration nextWait) {
        public static final String PENDING = "PENDING";
        public static final String ACCEPTED = "ACCEPTED";
        public static final String REJECTED = "REJECTED";
    }

    private final ArchiveTransferStore store;
    private final ArchivePackages packages;
    private final ArchiveConnections connections;
    private final ActService acts;
    private final DocumentService documents;
    private final TenantAccess tenants;
    private final Map<ArchiveKind, ArchiveGateway> gateways;
    private final ArchivingFaults faults;
    private final TransactionTemplate separate;
    private final Duration firstWait;
    private final Duration maxWait;

    ArchivingService(ArchiveTransferStore store, ArchivePackages packages, ArchiveConnections connections,
                     ActService acts, DocumentService documents, TenantAccess tenants, List<ArchiveGateway> gateways,
                     ArchivingFaults faults, PlatformTransactionManager transactions,
                     @Value("${acta.archiving.poll-delay:PT10S}") Duration firstWait,
                     @Value("${acta.archiving.max-poll-delay:PT15M}") Duration maxWait) {
        this.store = store;
        this.packages = packages;
        this.connections = connections;
        this.acts = acts;
        this.documents = documents;
        this.tenants = tenants;
        this.gateways = gateways.stream().collect(Collectors.toMap(ArchiveGateway::kind, Function.identity()));
        this.faults = faults;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.firstWait = firstWait;
        this.maxWait = maxWait;
    }

    /** Builds the package of a new transfer and keeps it with the act, unless one is under way or done. */
    @Transactional
    public void prepare(UUID actId) {
        Optional<ArchiveTransferStore.ArchiveTransfer> latest = store.latestForUpdate(actId);
        if (latest.isPresent() && latest.get().state() != ArchiveTransferStore.State.REJECTED) {
            return;
        }
        ActFacts act = acts.facts(actId);
        TenantRef tenant = tenants.findById(act.tenantId()).orElseThrow();
        ArchiveSettings settings = connections.settings(tenant);
        int attempt = latest.map(t -> t.attempt() + 1).orElse(1);
        String messageIdentifier = ArchivePackages.messageIdentifier(actId, attempt);
        SedaTransfer transfer = packages.build(tenant, act, settings, messageIdentifier);
        DocumentView kept = documents.addGenerated(tenant, actId, DocumentRole.ARCHIVE_PACKAGE,
                messageIdentifier + ".zip", "application/zip", transfer.zip());
        store.insert(actId, tenant.id(), attempt, settings.kind(), settings.version(), messageIdentifier,
                settings.transferringAgency(), kept.id(), kept.sha256());
        acts.record(actId, unlessCancelled(act, ActState.ARCHIVING), SYSTEM, "ARCHIVE_PREPARED",
                "Paquet SEDA " + settings.version().label() + " constitué (" + transfer.objects().size()
                        + " fichiers) pour " + label(settings) + (attempt > 1 ? " (versement n° " + attempt + ")" : ""));
    }

    /** Sends the prepared package to the archive, once. */
    @Transactional
    public void send(UUID actId) {
        ArchiveTransferStore.ArchiveTransfer t = store.latest(actId).orElseThrow(() -> new IllegalStateException(
                "No archive transfer prepared for act " + actId));
        if (t.state() != ArchiveTransferStore.State.PREPARED && t.state() != ArchiveTransferStore.State.SENDING) {
            return;
        }
        TenantRef tenant = tenants.findById(t.tenantId()).orElseThrow();
        ArchiveSettings settings = connections.settings(tenant);
        ArchiveGateway gateway = gateway(settings);
        ArchiveGateway.Outgoing outgoing = outgoing(tenant, t);
        if (t.state() == ArchiveTransferStore.State.SENDING) {
            Optional<String> found = gateway.find(tenant, settings, outgoing);
            if (found.isPresent()) {
                log.info("Transfer {} of act {} was already received by the archive: not sent again",
                        t.messageIdentifier(), actId);
                recordSent(t, found.get(), settings, " (retrouvé dans l'archive après une interruption)");
                return;
            }
        } else {
            separate.executeWithoutResult(s -> store.sendingStarted(t.id()));
        }
        String reference;
        try {
            reference = gateway.send(tenant, settings, outgoing);
        } catch (ArchiveRefusedException e) {
            store.rejected(t.id(), null, e.getMessage());
            acts.record(actId, null, SYSTEM, "ARCHIVE_REJECTED", e.getMessage());
            return;
        }
        faults.afterSend(actId, t.messageIdentifier());
        recordSent(t, reference, settings, "");
    }

    /** One look at the archive's acknowledgement and reply. */
    @Transactional
    public Step follow(UUID actId) {
        ArchiveTransferStore.ArchiveTransfer t = store.latest(actId).orElseThrow();
        switch (t.state()) {
            case ACCEPTED:
                return new Step(Step.ACCEPTED, firstWait);
            case REJECTED:
                return new Step(Step.REJECTED, firstWait);
            case SENT:
                break;
            default:
                throw new IllegalStateException("Archive transfer " + t.id() + " was not sent: " + t.state());
        }
        TenantRef tenant = tenants.findById(t.tenantId()).orElseThrow();
        ArchiveSettings settings = connections.settings(tenant);
        ArchiveOutcome outcome = gateway(settings).follow(tenant, settings, outgoing(tenant, t), t.remoteReference());
        store.polled(t.id(), outcome.acknowledged());
        if (outcome.acknowledged() && t.acknowledgedAt() == null) {
            acts.record(actId, null, SYSTEM, "ARCHIVE_ACKNOWLEDGED", "Réception du versement accusée par " + label(settings));
        }
        switch (outcome.state()) {
            case ACCEPTED -> {
                store.accepted(t.id(), outcome.replyCode(), outcome.archiveIdentifier());
                acts.record(actId, unlessCancelled(acts.facts(actId), ActState.ARCHIVED), SYSTEM, "ARCHIVED",
                        "Archivé par " + label(settings) + " sous l'identifiant " + outcome.archiveIdentifier());
                return new Step(Step.ACCEPTED, firstWait);
            }
            case REJECTED -> {
                store.rejected(t.id(), outcome.replyCode(), outcome.comment());
                acts.record(actId, null, SYSTEM, "ARCHIVE_REJECTED", "Versement refusé par " + label(settings)
                        + " (code " + outcome.replyCode() + ") : " + outcome.comment());
                return new Step(Step.REJECTED, firstWait);
            }
            default -> {
                long factor = 1L << Math.min(t.polls(), 16);
                Duration next = firstWait.multipliedBy(factor);
                return new Step(Step.PENDING, next.compareTo(maxWait) > 0 ? maxWait : next);
            }
        }
    }

    /** The wait before the first look at the archive's reply. */
    public Duration firstWait() {
        return firstWait;
    }

    private void recordSent(ArchiveTransferStore.ArchiveTransfer t, String reference, ArchiveSettings settings,
                            String note) {
        store.sent(t.id(), reference);
        acts.record(t.actId(), null, SYSTEM, "ARCHIVE_SENT", "Versement " + t.messageIdentifier() + " transmis à "
                + label(settings) + (reference == null || reference.equals(t.messageIdentifier()) ? "" : " (opération " + reference + ")") + note);
    }

    private ArchiveGateway.Outgoing outgoing(TenantRef tenant, ArchiveTransferStore.ArchiveTransfer t) {
        DocumentView pkg = documents.latest(t.actId(), DocumentRole.ARCHIVE_PACKAGE)
                .filter(d -> d.id().equals(t.packageDocumentId())).orElseThrow(() -> new IllegalStateException(
                        "The package of archive transfer " + t.id() + " is not kept"));
        byte[] zip = documents.read(tenant, pkg);
        byte[] manifest = PackageManifest.of(zip);
        return new ArchiveGateway.Outgoing(t.messageIdentifier(), t.transferringAgency(), manifest, zip,
                PackageManifest.sha512(manifest));
    }

    private ArchiveGateway gateway(ArchiveSettings settings) {
        ArchiveGateway g = gateways.get(settings.kind());
        if (g == null) {
            throw new IllegalStateException("No connector for archives of kind " + settings.kind());
        }
        return g;
    }

    /** A cancelled act stays CANCELLED: its archiving goes on but does not change its state. */
    private static ActState unlessCancelled(ActFacts act, ActState state) {
        return act.state() == ActState.CANCELLED ? null : state;
    }

    static String label(ArchiveSettings settings) {
        return switch (settings.kind()) {
            case ACTA -> "le service d'archives d'Acta";
            case ASALAE -> "As@lae";
            case VITAM -> "Vitam";
        };
    }
}
