package fr.acta.document;

/** The part a document plays in an act. */
public enum DocumentRole {
    MAIN, ANNEX
}
