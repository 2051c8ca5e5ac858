package fr.acta.tenant;

/**
 * What a person may do. OPERATOR is the mutualisation's staff: it administers every collectivité.
 * DEPOSITOR is a service account of the collectivité's archive (Acta's own SAE): it may deposit
 * transfers there and read their replies, nothing else.
 */
public enum Role {
    SECRETARY, ELECTED, AGENT, ARCHIVIST, ADMIN, OPERATOR, DEPOSITOR
}
