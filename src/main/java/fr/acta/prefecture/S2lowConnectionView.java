package fr.acta.prefecture;

import java.time.Instant;

/**
 * What the administration API shows of a collectivité's S²LOW account: never a password nor the
 * key, only whether they are set and which certificate is used.
 *
 * @param sandbox              whether the account is the built-in sandbox préfecture's
 * @param confirmationRequired whether sendings wait for an agent's RGS confirmation on S²LOW (status 17)
 */
public record S2lowConnectionView(boolean sandbox, String baseUrl, String login, boolean passwordSet,
                                  String certificateSubject, Instant certificateNotAfter, boolean confirmationRequired,
                                  Instant updatedAt) {
}
