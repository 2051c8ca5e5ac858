package fr.acta.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;

/** A signing key in the {@link KeyVault}, without its secret part. */
public record StoredKey(UUID id, UUID tenantId, OwnerKind ownerKind, String ownerCode, X509Certificate certificate,
                        Instant createdAt) {
}
