package fr.acta.iparapheur;

import java.time.Instant;

/**
 * What the administration API shows of a collectivité's i-Parapheur settings: never the password,
 * only whether one is set.
 */
public record IparapheurConnectionView(String baseUrl, String realm, String clientId, String username,
                                       boolean passwordSet, String tenantId, String deskId, Instant updatedAt) {
}
