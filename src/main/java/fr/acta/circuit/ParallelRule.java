package fr.acta.circuit;

/** How the desks of one step share it. */
public enum ParallelRule {
    /** The first desk to act decides for the step. */
    ANY,
    /** Every desk must act. */
    ALL
}
