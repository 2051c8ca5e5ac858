package fr.acta.act;

/** Where an act stands. Later stages add their own states; COMPLETED stays the end. */
public enum ActState {
    SUBMITTED, IN_CIRCUIT, REJECTED, SIGNED, COMPLETED
}
