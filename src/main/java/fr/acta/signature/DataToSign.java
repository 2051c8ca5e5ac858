package fr.acta.signature;

import java.time.Instant;

/**
 * First half of a two-step (external, e.g. smart card) signature. The card signs {@code digest}
 * (a hash of {@code toBeSigned}, the CMS signed attributes, with {@code digestAlgorithm}, e.g.
 * "SHA256") and {@link PadesSigner#complete} embeds the value; {@code request} carries the fixed
 * signing time and must be passed back unchanged with the same PDF and chain.
 */
public record DataToSign(byte[] toBeSigned, byte[] digest, String digestAlgorithm, Instant signingTime,
                         SignatureRequest request) {
}
