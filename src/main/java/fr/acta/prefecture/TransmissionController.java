package fr.acta.prefecture;

import fr.acta.common.NotFoundException;
import fr.acta.document.DocumentService;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What was sent to the préfecture and what came back, for the collectivité's users. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/acts/{id}")
@Tag(name = "Contrôle de légalité", description = "Enveloppe @ctes, accusé de réception, copies tamponnées")
class TransmissionController {

    private final TenantAccess access;
    private final TransmissionStore store;
    private final DocumentService documents;

    TransmissionController(TenantAccess access, TransmissionStore store, DocumentService documents) {
        this.access = access;
        this.store = store;
        this.documents = documents;
    }

    @GetMapping("/transmission/package")
    @Operation(summary = "L'enveloppe @ctes envoyée (.tar.gz), preuve de ce qui a été transmis")
    ResponseEntity<InputStreamResource> transmissionPackage(@PathVariable String tenant, @PathVariable UUID id) {
        TenantRef t = access.require(tenant);
        Transmission tx = store.latest(id).filter(x -> x.tenantId().equals(t.id()) && x.packageDocumentId() != null)
                .orElseThrow(() -> new NotFoundException("Aucune enveloppe @ctes pour cet acte."));
        return send(t, id, tx.packageDocumentId());
    }

    @GetMapping(path = "/transmission/ar", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "L'accusé de réception de la préfecture (ARActe XML), tel que reçu")
    ResponseEntity<byte[]> acknowledgement(@PathVariable String tenant, @PathVariable UUID id) {
        TenantRef t = access.require(tenant);
        Transmission tx = store.latest(id).filter(x -> x.tenantId().equals(t.id()) && x.arXml() != null)
                .orElseThrow(() -> new NotFoundException("Aucun accusé de réception pour cet acte."));
        boolean utf8 = tx.arXml().substring(0, Math.min(100, tx.arXml().length())).toLowerCase().contains("utf-8");
        return ResponseEntity.ok().contentType(new MediaType("application", "xml",
                        utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1))
                .body(tx.arXml().getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    @GetMapping(path = "/documents/{documentId}", params = "stamped=true")
    @Operation(summary = "La copie tamponnée « Reçu en préfecture » d'un document transmis")
    ResponseEntity<InputStreamResource> stamped(@PathVariable String tenant, @PathVariable UUID id,
                                                @PathVariable UUID documentId) {
        TenantRef t = access.require(tenant);
        UUID copy = store.stampedCopyOf(documentId).orElseThrow(() -> new NotFoundException(
                "Pas de copie tamponnée pour ce document (acte non acquitté, ou document non PDF)."));
        return send(t, id, copy);
    }

    private ResponseEntity<InputStreamResource> send(TenantRef tenant, UUID actId, UUID documentId) {
        var content = documents.open(tenant, actId, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().mediaType()))
                .contentLength(content.document().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().name(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(content.content()));
    }
}
