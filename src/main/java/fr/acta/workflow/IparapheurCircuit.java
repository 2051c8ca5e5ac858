package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActSummary;
import fr.acta.document.DocumentInspector;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.iparapheur.FolderFile;
import fr.acta.iparapheur.FolderState;
import fr.acta.iparapheur.FolderStatus;
import fr.acta.iparapheur.IparapheurConnections;
import fr.acta.iparapheur.IparapheurConnector;
import fr.acta.iparapheur.IparapheurException;
import fr.acta.iparapheur.IparapheurFolder;
import fr.acta.iparapheur.IparapheurSettings;
import fr.acta.iparapheur.PremisEvent;
import fr.acta.tenant.TenantRef;
import fr.acta.workflow.IparapheurFolders.Folder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first half of a circuit carried out in the collectivité's i-Parapheur: the folder is created
 * exactly once per run, then followed. A run is one execution of {@code bpmn/iparapheur-circuit.bpmn}
 * (its process instance id), so a resubmitted act gets a new folder.
 *
 * <p>Exactly once: the run's row is committed before the creation request; the folder id is
 * recorded in the transaction of the step that made it. A step that finds the row without a
 * folder id (a crash, or a failure, after a request that may have reached the server) first looks
 * the folder up by its name, which holds the run id, and creates it only if it is not there.
 */
@Component
class IparapheurCircuit {

    private static final Logger log = LoggerFactory.getLogger(IparapheurCircuit.class);
    private static final int MAX_SUBJECT = 150;

    /** What a look at the folder found: its state, and its pending step (or the last one seen). */
    record Check(FolderState state, String step) {
    }

    private final IparapheurConnector connector;
    private final IparapheurConnections connections;
    private final IparapheurFolders folders;
    private final ActService acts;
    private final DocumentService documents;

    IparapheurCircuit(IparapheurConnector connector, IparapheurConnections connections, IparapheurFolders folders,
                      ActService acts, DocumentService documents) {
        this.connector = connector;
        this.connections = connections;
        this.folders = folders;
        this.acts = acts;
        this.documents = documents;
    }

    /** Creates the run's folder (PREMIS, autoStart), or finds the one an interrupted attempt created. */
    String create(TenantRef tenant, UUID actId, String runId, String type, String subtype) {
        Optional<Folder> known = folders.find(runId);
        if (known.isPresent() && known.get().folderId() != null) {
            return known.get().folderId();
        }
        IparapheurSettings settings = connections.settings(tenant.id(), type, subtype);
        ActSummary act = acts.summary(tenant, actId).orElseThrow();
        String name = known.map(Folder::name).orElseGet(() -> folderName(act, runId));
        if (known.isPresent()) {
            List<IparapheurFolder> found = connector.findFoldersByName(settings, name);
            if (found.size() > 1) {
                throw new IllegalStateException("Plusieurs dossiers i-Parapheur portent le nom « " + name + " » : "
                        + found.stream().map(IparapheurFolder::id).toList() + ". Gardez-en un et supprimez les autres.");
            }
            if (found.size() == 1) {
                String id = found.get(0).id();
                log.info("Run {}: i-Parapheur folder {} found again by name, not created twice", runId, id);
                record(actId, runId, id, "IPARAPHEUR_FOLDER_FOUND", "Dossier i-Parapheur " + id
                        + " retrouvé après une interruption de son dépôt : il n'est pas déposé une seconde fois");
                return id;
            }
        }
        FolderFile main = mainFile(tenant, actId);
        List<FolderFile> annexes = annexFiles(tenant, actId, main.name());
        folders.markPosting(runId, tenant.id(), actId, name);
        IparapheurFolder folder = connector.createFolder(settings, name, main, annexes, Map.of(), null);
        record(actId, runId, folder.id(), "IPARAPHEUR_FOLDER_CREATED", "Dossier i-Parapheur " + folder.id()
                + " déposé et démarré (type « " + type + " », sous-type « " + subtype + " », "
                + (1 + annexes.size()) + " document(s))");
        return folder.id();
    }

    /**
     * The folder's state. A failure that may pass (server unreachable, 5xx) counts as "still
     * pending": the next look comes after the back-off; any other failure fails the step.
     */
    Check check(TenantRef tenant, UUID actId, String runId, String type, String subtype, String lastStep) {
        Folder folder = folders.find(runId).orElseThrow(() -> new IllegalStateException("No folder for run " + runId));
        FolderStatus status;
        try {
            status = connector.status(connections.settings(tenant.id(), type, subtype), folder.folderId());
        } catch (IparapheurException e) {
            if (!e.retryable()) {
                throw e;
            }
            log.warn("Run {}: i-Parapheur unavailable while following folder {}, trying later: {}", runId,
                    folder.folderId(), e.getMessage());
            return new Check(FolderState.PENDING, lastStep);
        }
        String step = status.currentStep();
        if (status.state() == FolderState.PENDING && step != null && !step.equals(lastStep)) {
            String desk = status.events().stream().filter(PremisEvent::pending).map(PremisEvent::agentRole)
                    .filter(r -> r != null && !r.equals("user")).findFirst().map(r -> " (bureau « " + r + " »)")
                    .orElse("");
            acts.record(actId, null, LifecycleDelegates.SYSTEM, "IPARAPHEUR_STEP",
                    "Dossier i-Parapheur " + folder.folderId() + " en attente : " + label(step) + desk);
        }
        return new Check(status.state(), step != null ? step : lastStep);
    }

    private void record(UUID actId, String runId, String folderId, String event, String detail) {
        folders.recordFolder(runId, folderId);
        acts.record(actId, null, LifecycleDelegates.SYSTEM, event, detail);
    }

    /** Unique per run (the run id), readable by the signers: number and subject first. */
    static String folderName(ActSummary act, String runId) {
        String subject = act.subject().strip().replaceAll("\\s+", " ");
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
        }
        return act.number() + " - " + subject + " [acta " + runId + "]";
    }

    private FolderFile mainFile(TenantRef tenant, UUID actId) {
        DocumentView main = documents.latest(actId, DocumentRole.MAIN)
                .orElseThrow(() -> new IllegalStateException("Act " + actId + " has no main document"));
        if (!DocumentInspector.PDF.equals(main.mediaType())) {
            throw new IllegalStateException("Le document principal doit être un PDF pour être envoyé au i-Parapheur.");
        }
        return new FolderFile(safe(main.name(), "document.pdf"), main.mediaType(), documents.read(tenant, main));
    }

    /** The current annexes, in order, each under a name unique in the folder (the PREMIS needs it). */
    private List<FolderFile> annexFiles(TenantRef tenant, UUID actId, String mainName) {
        Set<String> names = new HashSet<>(Set.of(mainName));
        List<FolderFile> files = new ArrayList<>();
        for (DocumentView d : documents.current(actId)) {
            if (d.role() != DocumentRole.ANNEX) {
                continue;
            }
            String name = safe(d.name(), "annexe");
            for (int i = 2; !names.add(name); i++) {
                name = (i + " - ") + safe(d.name(), "annexe");
            }
            files.add(new FolderFile(name, d.mediaType(), documents.read(tenant, d)));
        }
        return files;
    }

    private static String safe(String name, String fallback) {
        String n = name == null ? "" : name.replace('/', '_').replace('\\', '_').strip();
        return n.isEmpty() ? fallback : n;
    }

    static String label(String action) {
        return switch (action) {
            case "VISA" -> "visa";
            case "SIGNATURE" -> "signature";
            case "SEAL" -> "cachet serveur";
            case "EXTERNAL_SIGNATURE" -> "signature externe";
            case "PAPER_SIGNATURE" -> "signature papier";
            case "SECURE_MAIL" -> "mail sécurisé";
            default -> action;
        };
    }
}
