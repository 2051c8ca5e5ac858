package fr.acta.certificate;

import fr.acta.common.ValidationException;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/admin/certificates/{kind}/{desk}")
@Tag(name = "Certificats de signature", description = "Certificats des bureaux (desk) et des cachets (seal) : "
        + "consultation, dépôt d'un PKCS#12, révocation")
class CertificateAdminController {

    private static final int MAX_SIZE = 256 * 1024;

    private final TenantAccess access;
    private final CertificateAdministration admin;

    CertificateAdminController(TenantAccess access, CertificateAdministration admin) {
        this.access = access;
        this.admin = admin;
    }

    /** The body of a revocation. */
    record RevocationRequest(String reason) {
    }

    @GetMapping
    @Operation(summary = "Certificats du bureau ou du cachet, le plus récent d'abord (jamais la clé)")
    List<CertificateView> list(@PathVariable String tenant, @PathVariable String kind, @PathVariable String desk) {
        return admin.list(admin(tenant), kind, desk);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Déposer le certificat de la collectivité (PKCS#12 : partie « file » et mot de passe « password »)")
    ResponseEntity<CertificateView> upload(@PathVariable String tenant, @PathVariable String kind,
                                           @PathVariable String desk, @RequestPart("file") MultipartFile file,
                                           @RequestParam(value = "password", required = false) String password)
            throws IOException {
        TenantRef ref = admin(tenant);
        if (file.getSize() > MAX_SIZE) { // checked again, with the same message, by the signature core
            throw ValidationException.of("file", "Le fichier PKCS#12 dépasse " + MAX_SIZE / 1024 + " Ko.");
        }
        char[] secret = password == null ? null : password.toCharArray();
        return ResponseEntity.status(201).body(admin.upload(ref, kind, desk, file.getBytes(), secret));
    }

    @PostMapping("/{keyId}/revocation")
    @Operation(summary = "Révoquer un certificat (motif RFC 5280) ; la PKI locale en émet un autre si elle délivre "
            + "les clés, sinon un nouveau certificat doit être déposé")
    CertificateAdministration.RevocationResult revoke(@PathVariable String tenant, @PathVariable String kind,
                                                      @PathVariable String desk, @PathVariable UUID keyId,
                                                      @RequestBody(required = false) RevocationRequest body) {
        TenantRef ref = admin(tenant);
        return admin.revoke(ref, kind, desk, keyId, body == null ? null : body.reason(),
                TenantAccess.currentUser().getUsername());
    }

    private TenantRef admin(String tenant) {
        return access.requireRole(tenant, Role.ADMIN);
    }
}
