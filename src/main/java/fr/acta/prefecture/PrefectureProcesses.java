package fr.acta.prefecture;

import java.util.UUID;

/**
 * What the contrôle de légalité asks of the process engine, without knowing it (implemented in
 * {@code fr.acta.workflow}). Each call joins the caller's transaction: what is recorded and the
 * process step commit together.
 */
public interface PrefectureProcesses {

    /** A letter was recorded: the submitter's reply task, or the notice of a déféré. */
    void letterArrived(UUID actId, UUID messageId, String tenantCode, String submittedBy, boolean defere);

    /** The reply to a letter is stored: its task is completed and the sending follows. */
    void replyRequested(UUID messageId);

    /** The cancellation of an acknowledged act was asked for: it is sent, then followed. */
    void cancellationRequested(UUID actId, String tenantCode);
}
