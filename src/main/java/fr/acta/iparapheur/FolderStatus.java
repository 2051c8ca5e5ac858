package fr.acta.iparapheur;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A folder's state read from its PREMIS events, the way the i-Parapheur documents them: the last
 * event that has a task id is {@code ARCHIVE} for a finished folder, {@code DELETE} (after a dated
 * {@code REJECT} carrying the annotation) for a rejected one; anything else is still pending.
 *
 * @param rejectionAnnotation the public annotation of the rejection, or null
 * @param currentStep         the {@code eventType} of the pending task (VISA, SIGNATURE…), or null
 * @param signedAt            the date of the last performed SIGNATURE or EXTERNAL_SIGNATURE, or null
 */
public record FolderStatus(String folderId, FolderState state, String rejectionAnnotation, String currentStep,
                           OffsetDateTime signedAt, List<PremisEvent> events) {

    public FolderStatus {
        events = List.copyOf(events);
    }

    static FolderStatus of(String folderId, List<PremisEvent> events) {
        List<PremisEvent> tasks = events.stream().filter(e -> e.taskId() != null).toList();
        PremisEvent pending = tasks.stream().filter(PremisEvent::pending).findFirst().orElse(null);
        PremisEvent lastReject = null;
        OffsetDateTime signedAt = null;
        for (PremisEvent e : tasks) {
            if ("REJECT".equals(e.type()) && e.performed()) {
                lastReject = e;
            }
            if (("SIGNATURE".equals(e.type()) || "EXTERNAL_SIGNATURE".equals(e.type())) && e.performed()) {
                signedAt = e.dateTime();
            }
        }
        String last = tasks.isEmpty() ? null : tasks.get(tasks.size() - 1).type();
        FolderState state;
        if ("ARCHIVE".equals(last)) {
            state = FolderState.FINISHED;
        } else if ("DELETE".equals(last) || lastReject != null) {
            state = FolderState.REJECTED;
        } else {
            state = FolderState.PENDING;
        }
        return new FolderStatus(folderId, state, lastReject == null ? null : lastReject.annotation(),
                state == FolderState.PENDING && pending != null ? pending.type() : null, signedAt, events);
    }
}
