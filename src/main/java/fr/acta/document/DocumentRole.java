package fr.acta.document;

/** The part a document plays in an act. */
public enum DocumentRole {
    /** The act itself, as submitted (never altered). */
    MAIN,
    /** An annex, as submitted. */
    ANNEX,
    /** The main document with the signatures of the circuit (each signature adds a version). */
    SIGNED,
    /** The bordereau de signature produced at the end of the circuit (by Acta, or by the i-Parapheur). */
    BORDEREAU,
    /**
     * The folder's ZIP as the collectivité's i-Parapheur returned it (its PREMIS history, the signed
     * documents, its bordereau), kept whole as evidence before the folder is deleted there.
     */
    IPARAPHEUR_ZIP
}
