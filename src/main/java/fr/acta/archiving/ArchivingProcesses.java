package fr.acta.archiving;

import java.util.UUID;

/**
 * What the archiving stage asks of the process engine, without knowing it (implemented in
 * {@code fr.acta.workflow}); the call joins the caller's transaction.
 */
public interface ArchivingProcesses {

    /** The archivist asks for a refused transfer to be sent again: the act's archive task is completed. */
    void retryRequested(UUID actId);
}
