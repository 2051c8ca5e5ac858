package fr.acta.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/admin/signature-level")
@Tag(name = "Collectivité", description = "Réglages de la collectivité")
class TenantSettingsController {

    private final TenantAccess access;
    private final TenantService tenants;

    TenantSettingsController(TenantAccess access, TenantService tenants) {
        this.access = access;
        this.tenants = tenants;
    }

    /** The default PAdES level: B, T, LT or LTA. */
    record SignatureLevel(String level) {
    }

    @GetMapping
    @Operation(summary = "Niveau PAdES par défaut des signatures de la collectivité")
    SignatureLevel get(@PathVariable String tenant) {
        return new SignatureLevel(access.requireRole(tenant, Role.ADMIN).signatureLevel());
    }

    @PutMapping
    @Operation(summary = "Changer le niveau PAdES par défaut (B, T, LT ou LTA) ; les actes déjà en circuit gardent le leur")
    SignatureLevel change(@PathVariable String tenant, @RequestBody(required = false) SignatureLevel body) {
        TenantRef ref = access.requireRole(tenant, Role.ADMIN);
        return new SignatureLevel(tenants.changeSignatureLevel(ref, body == null ? null : body.level()).signatureLevel());
    }
}
