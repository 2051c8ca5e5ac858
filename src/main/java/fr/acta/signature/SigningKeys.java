package fr.acta.signature;

import fr.acta.common.ConflictException;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The key a desk or a seal signs with. On the embedded default (and for trials), a desk without a
 * key gets one issued by the local PKI the first time it signs; in production
 * ({@code acta.signature.issue-local-keys=false}) the collectivité's real certificates are stored
 * beforehand, and a desk without one cannot sign: the step says so.
 */
@Service
public class SigningKeys {

    private final KeyVault vault;
    private final LocalPki pki;
    private final boolean issueLocalKeys;

    SigningKeys(KeyVault vault, LocalPki pki, @Value("${acta.signature.issue-local-keys:true}") boolean issueLocalKeys) {
        this.vault = vault;
        this.pki = pki;
        this.issueLocalKeys = issueLocalKeys;
    }

    /** The newest valid key of the owner, issued by the local PKI when allowed and there is none. */
    public synchronized StoredKey forOwner(UUID tenantId, OwnerKind kind, String ownerCode, String commonName,
                                           String organization, String title) {
        Date now = new Date();
        return vault.list(tenantId, kind, ownerCode).stream()
                .filter(k -> !now.before(k.certificate().getNotBefore()) && now.before(k.certificate().getNotAfter()))
                .findFirst()
                .orElseGet(() -> issue(tenantId, kind, ownerCode, commonName, organization, title));
    }

    /** Unlocks that very key for one signing operation; the caller has checked the signer. */
    public SigningCredentials unlock(UUID tenantId, StoredKey key) {
        return vault.unlock(tenantId, key.id(), k -> k.id().equals(key.id()) && k.tenantId().equals(tenantId));
    }

    private StoredKey issue(UUID tenantId, OwnerKind kind, String ownerCode, String commonName, String organization,
                            String title) {
        if (!issueLocalKeys) {
            throw new ConflictException((kind == OwnerKind.SEAL ? "Aucun certificat de cachet" : "Aucun certificat de signature")
                    + " valide n'est configuré pour le bureau " + ownerCode + ".");
        }
        IssuedKey issued = pki.issueSigningCertificate(commonName, organization, title);
        try {
            return vault.store(tenantId, kind, ownerCode, issued);
        } finally {
            issued.destroy();
        }
    }
}
