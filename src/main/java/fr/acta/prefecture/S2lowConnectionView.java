package fr.acta.prefecture;

import java.time.Instant;

/**
 * What the administration API shows of a collectivité's S²LOW account: never a password nor the
 * key, only whether they are set and which certificate is used.
 *
 * @param sandbox whether the account is the built-in sandbox préfecture's
 */
public record S2lowConnectionView(boolean sandbox, String baseUrl, String login, boolean passwordSet,
                                  String certificateSubject, Instant certificateNotAfter, Instant updatedAt) {
}
