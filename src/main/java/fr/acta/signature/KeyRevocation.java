package fr.acta.signature;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored key withdrawn from use. {@code inLocalCrl}: the local PKI issued it and its CRL now lists
 * it; otherwise only Acta stopped using it, and the certificate's own CA must be told.
 */
public record KeyRevocation(UUID keyId, RevocationReason reason, Instant revokedAt, String revokedBy,
                            boolean inLocalCrl) {
}
