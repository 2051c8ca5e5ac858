package fr.acta.iparapheur;

import java.util.Objects;

/**
 * Proof that the caller may delete a folder on the i-Parapheur because nothing would be lost: the
 * folder is final and what Acta had to keep of it is kept. Deleting is the i-Parapheur's "archive"
 * step; its trash bin is emptied after a few days, so a folder deleted before Acta stored its ZIP
 * would be gone. {@link IparapheurConnector#deleteFolder} takes only such a permit.
 */
public final class DeletionPermit {

    private final String folderId;
    private final String reason;

    private DeletionPermit(String folderId, String reason) {
        this.folderId = folderId;
        this.reason = reason;
    }

    /**
     * After the ZIP of a finished or rejected folder has been stored: {@code storedZipSha256} is the
     * SHA-256 of the ZIP as read back from Acta's store, which must equal the downloaded one.
     */
    public static DeletionPermit afterStoring(SignedFolder folder, String storedZipSha256) {
        Objects.requireNonNull(folder, "folder");
        if (folder.status().state() == FolderState.PENDING) {
            throw new IllegalStateException("Le dossier i-Parapheur " + folder.folderId()
                    + " n'est pas terminé : il ne peut pas être supprimé.");
        }
        if (storedZipSha256 == null || !storedZipSha256.equalsIgnoreCase(folder.zipSha256())) {
            throw new IllegalStateException("L'archive du dossier i-Parapheur " + folder.folderId()
                    + " n'est pas enregistrée à l'identique dans Acta : suppression refusée.");
        }
        return new DeletionPermit(folder.folderId(), "archive enregistrée (sha256 " + folder.zipSha256() + ")");
    }

    /**
     * After the rejection of a folder (its annotation) has been recorded by the caller. The status
     * must have been read from the server and say REJECTED.
     */
    public static DeletionPermit afterRecordingRejection(FolderStatus status) {
        Objects.requireNonNull(status, "status");
        if (status.state() != FolderState.REJECTED) {
            throw new IllegalStateException("Le dossier i-Parapheur " + status.folderId()
                    + " n'est pas rejeté : il ne peut pas être supprimé sans enregistrer son archive.");
        }
        return new DeletionPermit(status.folderId(), "rejet enregistré");
    }

    public String folderId() {
        return folderId;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "DeletionPermit[" + folderId + ", " + reason + "]";
    }
}
