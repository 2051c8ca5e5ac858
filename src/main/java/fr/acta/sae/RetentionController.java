package fr.acta.sae;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention of the archive: the archives whose DUA has run out (archivists and administrators),
 * and their elimination, which only the collectivité's archivist may approve, with a reason.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/archives")
@Tag(name = "Archives (SAE)", description = "Durées d'utilité administrative et éliminations")
class RetentionController {

    /** The archivist's approval. */
    record EliminationRequest(String reason) {
    }

    private final TenantAccess access;
    private final Eliminations eliminations;

    RetentionController(TenantAccess access, Eliminations eliminations) {
        this.access = access;
        this.eliminations = eliminations;
    }

    @GetMapping(path = "/retention/expired", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Les archives dont la DUA est échue, avec leur sort final, leur gel et si l'élimination est possible")
    Map<String, Object> expired(@PathVariable String tenant, @RequestParam(defaultValue = "0") String page,
                                @RequestParam(defaultValue = "50") String size) {
        TenantRef t = access.requireRole(tenant, Role.ARCHIVIST, Role.ADMIN);
        SearchQuery q = SearchQuery.parse(Map.of("page", page, "size", size));
        return eliminations.expired(t.id(), q.page(), q.size());
    }

    @PostMapping(path = "/{identifier}/elimination", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Éliminer une archive (approbation de l'archiviste, motif obligatoire) : refusé pour une "
            + "conservation définitive, sous gel ou avant la fin de la DUA")
    Map<String, Object> eliminate(@PathVariable String tenant, @PathVariable String identifier,
                                  @RequestBody(required = false) EliminationRequest request) {
        TenantRef t = access.require(tenant);
        ActaPrincipal me = TenantAccess.currentUser();
        if (!me.has(Role.ARCHIVIST)) {
            throw new AccessDeniedException("L'élimination d'archives doit être approuvée par l'archiviste de la "
                    + "collectivité.");
        }
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > 2000) {
            throw new ValidationException("Le motif de l'élimination est obligatoire (2000 caractères au plus).",
                    List.of(new FieldViolation("reason", reason.isEmpty() ? "Obligatoire." : "Trop long.")));
        }
        return eliminations.eliminate(t, identifier, me.username(), reason);
    }
}
