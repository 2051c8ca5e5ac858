package fr.acta.circuit;

import fr.acta.circuit.CircuitSpecs.CircuitSpec;
import fr.acta.circuit.CircuitSpecs.DelegationSpec;
import fr.acta.circuit.CircuitSpecs.DelegationView;
import fr.acta.circuit.CircuitSpecs.DeskSpec;
import fr.acta.circuit.CircuitSpecs.DeskView;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/admin")
@Tag(name = "Administration du parapheur", description = "Circuits, bureaux, titulaires et délégations")
class CircuitAdminController {

    private final TenantAccess access;
    private final CircuitAdministration admin;
    private final CircuitService circuits;

    CircuitAdminController(TenantAccess access, CircuitAdministration admin, CircuitService circuits) {
        this.access = access;
        this.admin = admin;
        this.circuits = circuits;
    }

    @GetMapping("/circuits")
    @Operation(summary = "Circuits de la collectivité")
    List<CircuitDefinition> circuits(@PathVariable String tenant) {
        return circuits.all(admin(tenant));
    }

    @PutMapping("/circuits/{code}")
    @Operation(summary = "Créer ou remplacer un circuit (les actes en cours gardent leur version)")
    CircuitDefinition saveCircuit(@PathVariable String tenant, @PathVariable String code, @RequestBody CircuitSpec spec) {
        return admin.saveCircuit(admin(tenant), code, spec);
    }

    @DeleteMapping("/circuits/{code}")
    ResponseEntity<Void> deleteCircuit(@PathVariable String tenant, @PathVariable String code) {
        admin.deleteCircuit(admin(tenant), code);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/desks")
    @Operation(summary = "Bureaux et leurs titulaires")
    List<DeskView> desks(@PathVariable String tenant) {
        return admin.desks(admin(tenant));
    }

    @PutMapping("/desks/{code}")
    @Operation(summary = "Créer ou modifier un bureau et ses titulaires")
    DeskView saveDesk(@PathVariable String tenant, @PathVariable String code, @RequestBody DeskSpec spec) {
        return admin.saveDesk(admin(tenant), code, spec);
    }

    @GetMapping("/desks/{code}/delegations")
    List<DelegationView> delegations(@PathVariable String tenant, @PathVariable String code) {
        return admin.delegations(admin(tenant), code);
    }

    @PostMapping("/desks/{code}/delegations")
    @Operation(summary = "Déléguer un bureau à un autre pour une période (absence)")
    ResponseEntity<DelegationView> delegate(@PathVariable String tenant, @PathVariable String code,
                                            @RequestBody DelegationSpec spec) {
        return ResponseEntity.status(201).body(admin.delegate(admin(tenant), code, spec));
    }

    @DeleteMapping("/delegations/{id}")
    ResponseEntity<Void> revoke(@PathVariable String tenant, @PathVariable UUID id) {
        admin.revoke(admin(tenant), id);
        return ResponseEntity.noContent().build();
    }

    private TenantRef admin(String tenant) {
        return access.requireRole(tenant, Role.ADMIN);
    }
}
