package fr.acta.document;

/** The part a document plays in an act. */
public enum DocumentRole {
    /** The act itself, as submitted (never altered). */
    MAIN,
    /** An annex, as submitted. */
    ANNEX,
    /** The main document with the signatures of the circuit (each signature adds a version). */
    SIGNED,
    /** The bordereau de signature produced at the end of the circuit. */
    BORDEREAU
}
