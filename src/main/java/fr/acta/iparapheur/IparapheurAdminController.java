package fr.acta.iparapheur;

import fr.acta.common.NotFoundException;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The collectivité's i-Parapheur settings, for its administrators; the password is never shown. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/admin/connectors/iparapheur")
@Tag(name = "Connecteur i-Parapheur", description = "Adresse, compte et bureau du i-Parapheur de la collectivité")
class IparapheurAdminController {

    private final TenantAccess access;
    private final IparapheurConnections connections;

    IparapheurAdminController(TenantAccess access, IparapheurConnections connections) {
        this.access = access;
        this.connections = connections;
    }

    @GetMapping
    @Operation(summary = "Paramètres du i-Parapheur (sans le mot de passe)")
    IparapheurConnectionView get(@PathVariable String tenant) {
        return connections.view(admin(tenant).id())
                .orElseThrow(() -> new NotFoundException("Aucun paramétrage i-Parapheur pour cette collectivité."));
    }

    @PutMapping
    @Operation(summary = "Écrire les paramètres du i-Parapheur (mot de passe omis : l'actuel est gardé)")
    IparapheurConnectionView put(@PathVariable String tenant, @RequestBody IparapheurConnectionSpec spec) {
        return connections.save(admin(tenant).id(), spec);
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String tenant) {
        connections.delete(admin(tenant).id());
        return ResponseEntity.noContent().build();
    }

    private TenantRef admin(String tenant) {
        return access.requireRole(tenant, Role.ADMIN);
    }
}
