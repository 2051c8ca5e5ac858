package fr.acta.signature;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys desks and seals sign with. On the embedded default (and for trials), a desk without a
 * usable key gets one issued by the local PKI the first time it signs, or when its key is revoked;
 * in production ({@code acta.signature.issue-local-keys=false}) the collectivité's real
 * certificates are uploaded beforehand, and a desk without a usable one cannot sign: the step says
 * so. A revoked or expired key is never used.
 */
@Service
public class SigningKeys {

    private final KeyVault vault;
    private final LocalPki pki;
    private final KeyRevocations revocations;
    private final Pkcs12Check pkcs12Check;
    private final boolean issueLocalKeys;
    private final Clock clock;

    @Autowired
    SigningKeys(KeyVault vault, LocalPki pki, KeyRevocations revocations, PadesSigner signer,
                @Value("${acta.signature.issue-local-keys:true}") boolean issueLocalKeys) {
        this.vault = vault;
        this.pki = pki;
        this.revocations = revocations;
        this.clock = Clock.systemUTC();
        this.pkcs12Check = new Pkcs12Check(pki, signer::trustAnchors, clock);
        this.issueLocalKeys = issueLocalKeys;
    }

    /** Whether a desk without a usable key gets one from the local PKI. */
    public boolean issuesLocalKeys() {
        return issueLocalKeys;
    }

    /** The newest usable key of the holder, issued by the local PKI when allowed and there is none. */
    public synchronized StoredKey forOwner(UUID tenantId, KeyHolder holder) {
        List<KeyStatus> statuses = statuses(tenantId, holder.kind(), holder.code());
        Optional<KeyStatus> active = statuses.stream().filter(s -> s.state() == KeyStatus.State.ACTIVE).findFirst();
        if (active.isPresent()) {
            return active.get().key();
        }
        if (!issueLocalKeys) {
            throw new CertificateNotUsableException(missing(holder, statuses));
        }
        IssuedKey issued = pki.issueSigningCertificate(holder.commonName(), holder.organization(), holder.title());
        try {
            return vault.store(tenantId, holder.kind(), holder.code(), issued);
        } finally {
            issued.destroy();
        }
    }

    /** As {@link #forOwner(UUID, KeyHolder)}. */
    public StoredKey forOwner(UUID tenantId, OwnerKind kind, String ownerCode, String commonName,
                              String organization, String title) {
        return forOwner(tenantId, new KeyHolder(kind, ownerCode, commonName, organization, title));
    }

    /** Unlocks that very key for one signing operation; the caller has checked the signer. */
    public SigningCredentials unlock(UUID tenantId, StoredKey key) {
        return vault.unlock(tenantId, key.id(), k -> k.id().equals(key.id()) && k.tenantId().equals(tenantId));
    }

    /** The keys of a desk or a seal, newest first, with their state. */
    public List<KeyStatus> statuses(UUID tenantId, OwnerKind kind, String ownerCode) {
        Map<UUID, KeyRevocation> revoked = revocations.forOwner(tenantId, kind, ownerCode).stream()
                .collect(Collectors.toMap(KeyRevocation::keyId, Function.identity()));
        Instant now = clock.instant();
        List<KeyStatus> result = new ArrayList<>();
        boolean activeFound = false;
        for (StoredKey key : vault.list(tenantId, kind, ownerCode)) {
            boolean local = pki.issued(key.certificate());
            KeyRevocation revocation = revoked.get(key.id());
            if (revocation == null && local) {
                revocation = pki.revocationOf(key.certificate()).map(e -> new KeyRevocation(key.id(),
                        RevocationReason.of(e.getRevocationReason()), e.getRevocationDate().toInstant(), null, true))
                        .orElse(null);
            }
            KeyStatus.State state;
            if (revocation != null) {
                state = KeyStatus.State.REVOKED;
            } else if (now.isAfter(key.certificate().getNotAfter().toInstant())) {
                state = KeyStatus.State.EXPIRED;
            } else if (now.isBefore(key.certificate().getNotBefore().toInstant())) {
                state = KeyStatus.State.NOT_YET_VALID;
            } else {
                state = activeFound ? KeyStatus.State.SUPERSEDED : KeyStatus.State.ACTIVE;
                activeFound = true;
            }
            result.add(new KeyStatus(key, state, revocation, local));
        }
        return result;
    }

    /**
     * Stores a collectivité's own certificate (PKCS#12) after checking it; it becomes the holder's
     * active key. The password is used to open the file only; {@code p12} and {@code password} are
     * overwritten afterwards.
     */
    public KeyStatus upload(UUID tenantId, OwnerKind kind, String ownerCode, byte[] p12, char[] password) {
        try {
            IssuedKey checked = pkcs12Check.check(p12, password);
            StoredKey stored = vault.store(tenantId, kind, ownerCode, checked);
            return new KeyStatus(stored, KeyStatus.State.ACTIVE, null, pki.issued(stored.certificate()));
        } finally {
            if (p12 != null) {
                java.util.Arrays.fill(p12, (byte) 0);
            }
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Withdraws a key from use; when the local PKI issued it, its CRL lists it from now on. The
     * caller then gets a replacement with {@link #forOwner} (local PKI) or uploads one.
     *
     * @return empty when the holder has no such key
     * @throws fr.acta.common.ConflictException when it is already revoked
     */
    @Transactional
    public Optional<KeyRevocation> revoke(UUID tenantId, OwnerKind kind, String ownerCode, UUID keyId,
                                          RevocationReason reason, String revokedBy) {
        Optional<StoredKey> key = vault.find(tenantId, keyId)
                .filter(k -> k.ownerKind() == kind && k.ownerCode().equals(ownerCode));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (revocations.find(tenantId, keyId).isPresent()) {
            throw new fr.acta.common.ConflictException("Ce certificat est déjà révoqué.");
        }
        boolean local = pki.issued(key.get().certificate());
        KeyRevocation revocation = new KeyRevocation(keyId, reason, clock.instant().truncatedTo(ChronoUnit.MICROS),
                revokedBy, local);
        revocations.record(tenantId, revocation);
        if (local) {
            pki.revoke(key.get().certificate(), reason);
        }
        return Optional.of(revocation);
    }

    private static String missing(KeyHolder holder, List<KeyStatus> statuses) {
        String what = holder.kind() == OwnerKind.SEAL ? "certificat de cachet" : "certificat de signature";
        if (statuses.isEmpty()) {
            return "Aucun " + what + " n'est configuré pour le bureau " + holder.code()
                    + " : un administrateur doit en déposer un (PKCS#12).";
        }
        KeyStatus newest = statuses.get(0);
        String why = switch (newest.state()) {
            case REVOKED -> "a été révoqué le " + FrenchDates.of(newest.revocation().revokedAt());
            case EXPIRED -> "a expiré le " + FrenchDates.of(newest.key().certificate().getNotAfter());
            default -> "n'est valable qu'à partir du " + FrenchDates.of(newest.key().certificate().getNotBefore());
        };
        return "Le " + what + " du bureau " + holder.code() + " " + why
                + " : un administrateur doit déposer un nouveau certificat (PKCS#12).";
    }
}
