package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.act.ActSummary;
import fr.acta.document.DocumentInspector;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.iparapheur.DeletionPermit;
import fr.acta.iparapheur.FolderState;
import fr.acta.iparapheur.FolderStatus;
import fr.acta.iparapheur.IparapheurConnections;
import fr.acta.iparapheur.IparapheurConnector;
import fr.acta.iparapheur.IparapheurException;
import fr.acta.iparapheur.IparapheurSettings;
import fr.acta.iparapheur.PremisEvent;
import fr.acta.iparapheur.SignedDocument;
import fr.acta.iparapheur.SignedFolder;
import fr.acta.tenant.TenantRef;
import fr.acta.workflow.IparapheurFolders.Folder;
import fr.acta.workflow.IparapheurFolders.State;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The second half of a circuit carried out in the i-Parapheur, each method one step in the job's
 * transaction: a finished folder's ZIP, signed document and bordereau are stored and the act
 * recorded SIGNED, and only in a later step, once that is committed, is the folder deleted there;
 * a rejected folder's annotation becomes the act's rejection, then the folder is deleted.
 */
@Component
class IparapheurResults {

    static final String ZIP = "application/zip";
    private static final Set<String> SIGNING = Set.of("SIGNATURE", "EXTERNAL_SIGNATURE", "SEAL");
    private static final Set<String> ACTING = Set.of("VISA", "SIGNATURE", "EXTERNAL_SIGNATURE", "SEAL",
            "PAPER_SIGNATURE");

    private final IparapheurConnector connector;
    private final IparapheurConnections connections;
    private final IparapheurFolders folders;
    private final ActService acts;
    private final DocumentService documents;
    private final RejectionNotice rejectionNotice;

    IparapheurResults(IparapheurConnector connector, IparapheurConnections connections, IparapheurFolders folders,
                      ActService acts, DocumentService documents, RejectionNotice rejectionNotice) {
        this.connector = connector;
        this.connections = connections;
        this.folders = folders;
        this.acts = acts;
        this.documents = documents;
        this.rejectionNotice = rejectionNotice;
    }

    /** A finished folder: its ZIP (evidence), the signed PDF and the bordereau are kept; the act is SIGNED. */
    void storeFinished(TenantRef tenant, UUID actId, String runId, String type, String subtype) {
        Folder folder = folder(runId);
        SignedFolder signed = connector.fetchSignedFolder(connections.settings(tenant.id(), type, subtype),
                folder.folderId());
        if (signed.status().state() != FolderState.FINISHED) {
            throw new IllegalStateException("The ZIP of i-Parapheur folder " + folder.folderId() + " is not final");
        }
        SignedDocument main = signed.mainDocuments().isEmpty() ? null : signed.mainDocuments().get(0);
        if (main == null || !isPdf(main.content())) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 200, "Le dossier i-Parapheur "
                    + folder.folderId() + " ne contient pas de document principal PDF.");
        }
        ActSummary act = acts.summary(tenant, actId).orElseThrow();
        folders.recordDownload(runId, signed.zipSha256());
        documents.addGenerated(tenant, actId, DocumentRole.IPARAPHEUR_ZIP, "dossier-iparapheur-" + act.number()
                + ".zip", ZIP, signed.zip());
        List<PremisEvent> done = signed.status().events().stream()
                .filter(e -> e.performed() && ACTING.contains(e.type())).toList();
        boolean isSigned = done.stream().anyMatch(e -> SIGNING.contains(e.type()));
        if (isSigned) {
            documents.addGenerated(tenant, actId, DocumentRole.SIGNED, act.number() + "-signe.pdf",
                    DocumentInspector.PDF, main.content());
        }
        boolean withBordereau = signed.bordereau() != null && isPdf(signed.bordereau().content());
        if (withBordereau) {
            documents.addGenerated(tenant, actId, DocumentRole.BORDEREAU, "bordereau-" + act.number() + ".pdf",
                    DocumentInspector.PDF, signed.bordereau().content());
        }
        String steps = done.stream().map(e -> IparapheurCircuit.label(e.type())
                + (e.agentName() == null ? "" : " de " + e.agentName())).collect(Collectors.joining(", "));
        acts.record(actId, null, LifecycleDelegates.SYSTEM, "IPARAPHEUR_FINISHED", limit("Dossier i-Parapheur "
                + folder.folderId() + " terminé" + (steps.isEmpty() ? "" : " : " + steps)
                + (signed.warnings().isEmpty() ? "" : " — remarques : " + String.join(" ; ", signed.warnings()))));
        acts.record(actId, isSigned ? ActState.SIGNED : null, LifecycleDelegates.SYSTEM, "BORDEREAU",
                (isSigned ? "Document signé" : "Document visé") + (withBordereau ? ", bordereau" : "")
                        + " et archive du dossier i-Parapheur enregistrés"
                        + (withBordereau ? "" : " (le i-Parapheur n'a pas fourni de bordereau)"));
    }

    /**
     * Deletes a finished folder, only if the ZIP read back from Acta's store is the one downloaded
     * (same SHA-256): the {@link DeletionPermit} checks it.
     */
    void deleteFinished(TenantRef tenant, UUID actId, String runId, String type, String subtype) {
        Folder folder = folder(runId);
        if (folder.state() == State.DELETED) {
            return;
        }
        DocumentView zip = documents.latest(actId, DocumentRole.IPARAPHEUR_ZIP)
                .orElseThrow(() -> new IllegalStateException("No stored ZIP for i-Parapheur folder " + folder.folderId()));
        byte[] stored = documents.read(tenant, zip);
        SignedFolder kept = connector.readZip(stored);
        if (kept.folderId() != null && !kept.folderId().equals(folder.folderId())) {
            throw new IllegalStateException("The stored ZIP is folder " + kept.folderId() + ", not " + folder.folderId());
        }
        delete(connections.settings(tenant.id(), type, subtype), DeletionPermit.afterStoring(kept, folder.zipSha256()),
                actId, runId, "son archive est enregistrée dans Acta");
    }

    /** A rejected folder: its public annotation becomes the act's rejection, told like an internal one. */
    void recordRejection(TenantRef tenant, UUID actId, String runId, String type, String subtype) {
        Folder folder = folder(runId);
        FolderStatus status = connector.status(connections.settings(tenant.id(), type, subtype), folder.folderId());
        if (status.state() != FolderState.REJECTED) {
            throw new IllegalStateException("i-Parapheur folder " + folder.folderId() + " is not rejected");
        }
        PremisEvent reject = status.events().stream().filter(e -> "REJECT".equals(e.type()) && e.performed())
                .reduce((a, b) -> b).orElse(null);
        String by = reject != null && reject.agentName() != null ? reject.agentName() : "i-Parapheur";
        String actor = limit(by.equals("i-Parapheur") ? by : by + " (i-Parapheur)", 100);
        String desk = reject != null && reject.agentRole() != null && !reject.agentRole().equals("user")
                ? " au bureau « " + reject.agentRole() + " »" : "";
        String annotation = status.rejectionAnnotation() != null && !status.rejectionAnnotation().isBlank()
                ? limit(status.rejectionAnnotation().strip(), 2000) : "Rejeté dans le i-Parapheur, sans annotation.";
        acts.record(actId, null, actor, "VISA_REJECTED", limit("Rejet dans le i-Parapheur" + desk + " (dossier "
                + folder.folderId() + ") : " + annotation));
        acts.annotate(actId, actor, null, false, annotation);
        rejectionNotice.tell(tenant, actId, actor, annotation);
        folders.moveTo(runId, State.REJECTED);
    }

    /** Deletes a rejected folder once its rejection is recorded (checked again on the server). */
    void deleteRejected(TenantRef tenant, UUID actId, String runId, String type, String subtype) {
        Folder folder = folder(runId);
        if (folder.state() == State.DELETED) {
            return;
        }
        IparapheurSettings settings = connections.settings(tenant.id(), type, subtype);
        FolderStatus status;
        try {
            status = connector.status(settings, folder.folderId());
        } catch (IparapheurException e) {
            if (e.kind() != IparapheurException.Kind.NOT_FOUND) {
                throw e;
            }
            folders.moveTo(runId, State.DELETED);
            return;
        }
        delete(settings, DeletionPermit.afterRecordingRejection(status), actId, runId, "son rejet est enregistré");
    }

    /**
     * A deletion the server refuses for good does not hold the act back: the history says the folder
     * is to be deleted by hand. A failure that may pass fails the step, which is retried.
     */
    private void delete(IparapheurSettings settings, DeletionPermit permit, UUID actId, String runId, String why) {
        try {
            boolean deleted = connector.deleteFolder(settings, permit);
            folders.moveTo(runId, State.DELETED);
            acts.record(actId, null, LifecycleDelegates.SYSTEM, "IPARAPHEUR_FOLDER_DELETED", "Dossier i-Parapheur "
                    + permit.folderId() + (deleted ? " supprimé du i-Parapheur : " : " déjà supprimé du i-Parapheur ; ")
                    + why);
        } catch (IparapheurException e) {
            if (e.retryable()) {
                throw e;
            }
            acts.record(actId, null, LifecycleDelegates.SYSTEM, "IPARAPHEUR_FOLDER_NOT_DELETED", limit("Le dossier "
                    + "i-Parapheur " + permit.folderId() + " n'a pas pu être supprimé (" + e.getMessage()
                    + ") : à supprimer dans le i-Parapheur"));
        }
    }

    private Folder folder(String runId) {
        return folders.find(runId).filter(f -> f.folderId() != null)
                .orElseThrow(() -> new IllegalStateException("No i-Parapheur folder recorded for run " + runId));
    }

    private static boolean isPdf(byte[] content) {
        return content.length > 5 && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }

    private static String limit(String text) {
        return limit(text, 2000);
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
