package fr.acta.iparapheur;

/** Where a folder stands, as far as Acta cares. */
public enum FolderState {
    /** Draft or in its circuit: keep polling. */
    PENDING,
    /** Every step done: download the ZIP, store it, then delete the folder. */
    FINISHED,
    /** Rejected at some step: record the annotation, then delete the folder. */
    REJECTED
}
