package fr.acta.circuit;

/** What a circuit step asks of its desk. The foundation knows visas; signatures come with the parapheur. */
public enum StepKind {
    VISA
}
