package fr.acta.sae;

import fr.acta.common.ConflictException;
import fr.acta.common.NotFoundException;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fixity audits of the archive, for the collectivité's archivists and administrators: the
 * latest report, and a new audit on request (the archives themselves: {@link ArchiveAccessController}).
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/archives")
@Tag(name = "Archives (SAE)", description = "Archives conservées et audits d'intégrité")
class ArchiveController {

    private final TenantAccess access;
    private final FixityAudits audits;

    ArchiveController(TenantAccess access, FixityAudits audits) {
        this.access = access;
        this.audits = audits;
    }

    @GetMapping(path = "/audits/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Le dernier audit d'intégrité : chaque objet dans chaque emplacement, le journal et ses scellements")
    ResponseEntity<String> latest(@PathVariable String tenant) {
        TenantRef t = reader(tenant);
        String report = audits.latest(t.id()).orElseThrow(() -> new NotFoundException(
                "Aucun audit d'intégrité n'a encore été mené sur les archives de cette collectivité."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @PostMapping(path = "/audits", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mener un audit d'intégrité maintenant (le rapport en réponse)")
    ResponseEntity<AuditReport> audit(@PathVariable String tenant) {
        TenantRef t = reader(tenant);
        AuditReport report = audits.run(t, "MANUAL").orElseThrow(() -> new ConflictException(
                "Un audit d'intégrité de ces archives est déjà en cours ; consultez son rapport une fois terminé."));
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    private TenantRef reader(String tenant) {
        return access.requireRole(tenant, Role.ARCHIVIST, Role.ADMIN);
    }
}
