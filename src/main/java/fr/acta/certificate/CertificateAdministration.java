package fr.acta.certificate;

import fr.acta.circuit.CircuitDefinition;
import fr.acta.circuit.CircuitService;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.signature.KeyHolder;
import fr.acta.signature.KeyRevocation;
import fr.acta.signature.KeyStatus;
import fr.acta.signature.OwnerKind;
import fr.acta.signature.RevocationReason;
import fr.acta.signature.SigningKeys;
import fr.acta.tenant.TenantRef;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The certificates of a collectivité's desks and seals: list, upload, revoke and replace. */
@Service
class CertificateAdministration {

    private final CircuitService circuits;
    private final SigningKeys keys;

    CertificateAdministration(CircuitService circuits, SigningKeys keys) {
        this.circuits = circuits;
        this.keys = keys;
    }

    /** What revoking did: the revoked certificate, its replacement if the local PKI issued one, and what to do next. */
    record RevocationResult(CertificateView revoked, CertificateView replacement, String message) {
    }

    List<CertificateView> list(TenantRef tenant, String kind, String deskCode) {
        OwnerKind owner = CertificateKinds.parse(kind);
        desk(tenant, deskCode);
        return keys.statuses(tenant.id(), owner, deskCode).stream().map(CertificateView::of).toList();
    }

    CertificateView upload(TenantRef tenant, String kind, String deskCode, byte[] p12, char[] password) {
        OwnerKind owner = CertificateKinds.parse(kind);
        desk(tenant, deskCode);
        return CertificateView.of(keys.upload(tenant.id(), owner, deskCode, p12, password));
    }

    RevocationResult revoke(TenantRef tenant, String kind, String deskCode, UUID keyId, String reasonCode,
                            String revokedBy) {
        OwnerKind owner = CertificateKinds.parse(kind);
        RevocationReason reason = reason(reasonCode);
        CircuitDefinition.DeskRef desk = desk(tenant, deskCode);
        KeyRevocation revocation = keys.revoke(tenant.id(), owner, deskCode, keyId, reason, revokedBy)
                .orElseThrow(() -> new NotFoundException("Certificat introuvable."));
        CertificateView replacement = null;
        String message;
        if (keys.issuesLocalKeys()) {
            KeyHolder holder = owner == OwnerKind.SEAL ? KeyHolder.seal(desk.code(), desk.name(), tenant.name())
                    : KeyHolder.desk(desk.code(), desk.name(), desk.quality(), tenant.name());
            UUID replacementId = keys.forOwner(tenant.id(), holder).id();
            replacement = view(tenant, owner, deskCode, replacementId);
            message = "Certificat révoqué ; la PKI locale a émis un nouveau certificat.";
        } else {
            message = "Certificat révoqué ; déposez un nouveau certificat (PKCS#12) pour que ce bureau puisse signer.";
        }
        if (!revocation.inLocalCrl()) {
            message += " Ce certificat n'a pas été émis par la PKI locale : demandez aussi sa révocation à "
                    + "l'autorité qui l'a délivré.";
        }
        return new RevocationResult(view(tenant, owner, deskCode, keyId), replacement, message);
    }

    private CertificateView view(TenantRef tenant, OwnerKind owner, String deskCode, UUID keyId) {
        return keys.statuses(tenant.id(), owner, deskCode).stream().filter(s -> s.key().id().equals(keyId))
                .findFirst().map(CertificateView::of).orElseThrow();
    }

    private CircuitDefinition.DeskRef desk(TenantRef tenant, String code) {
        return circuits.desk(tenant, code).orElseThrow(() -> new NotFoundException("Bureau introuvable."));
    }

    private static RevocationReason reason(String code) {
        if (code == null || code.isBlank()) {
            return RevocationReason.UNSPECIFIED;
        }
        try {
            return RevocationReason.valueOf(code.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("reason", "Le motif de révocation est l'un de : "
                    + Arrays.stream(RevocationReason.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}
