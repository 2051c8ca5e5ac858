package fr.acta.tenant;

/** What a person may do. OPERATOR is the mutualisation's staff: it administers every collectivité. */
public enum Role {
    SECRETARY, ELECTED, AGENT, ARCHIVIST, ADMIN, OPERATOR
}
