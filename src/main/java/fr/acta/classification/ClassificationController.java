package fr.acta.classification;

import fr.acta.common.NotFoundException;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/classification")
@Tag(name = "Classification", description = "Nomenclature de la préfecture (matières, natures, typologies)")
class ClassificationController {

    private final TenantAccess access;
    private final ClassificationService classifications;

    ClassificationController(TenantAccess access, ClassificationService classifications) {
        this.access = access;
        this.classifications = classifications;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Classification en vigueur de la collectivité")
    ClassificationView current(@PathVariable String tenant) {
        TenantRef t = access.require(tenant);
        return classifications.current(t).map(CurrentClassification::view)
                .orElseThrow(() -> new NotFoundException("Aucune classification n'a encore été importée."));
    }

    @PutMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/*+xml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Importer un RetourClassification de la préfecture (administrateurs)")
    ClassificationView importXml(@PathVariable String tenant, @RequestBody byte[] xml) {
        TenantRef t = access.requireRole(tenant, Role.ADMIN);
        return classifications.importXml(t, xml);
    }
}
