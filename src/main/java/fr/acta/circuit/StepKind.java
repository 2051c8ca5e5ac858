package fr.acta.circuit;

/** What a circuit step asks of its desks. */
public enum StepKind {
    /** An approval by a person; no certificate. */
    VISA,
    /** A PAdES signature by a person, with the desk's certificate. */
    SIGNATURE,
    /** The collectivité's server seal, applied automatically. */
    SEAL
}
