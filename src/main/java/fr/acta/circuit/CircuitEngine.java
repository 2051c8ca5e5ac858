package fr.acta.circuit;

/** Who carries a circuit out. */
public enum CircuitEngine {
    /** Acta's own parapheur: the circuit's steps, desks and signatures. */
    ACTA,
    /** The collectivité's i-Parapheur: its type and sous-type define the circuit there. */
    IPARAPHEUR
}
