package fr.acta.act;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import fr.acta.common.NotFoundException;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.signature.SignatureLedger;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/acts")
@Tag(name = "Actes", description = "Dépôt, consultation et correction des actes")
class ActController {

    private final TenantAccess access;
    private final ActIntakeService intake;
    private final ActService acts;
    private final DocumentService documents;
    private final ObjectMapper objectMapper;
    private final SignatureLedger signatures;

    ActController(TenantAccess access, ActIntakeService intake, ActService acts, DocumentService documents,
                  ObjectMapper objectMapper, SignatureLedger signatures) {
        this.signatures = signatures;
        this.access = access;
        this.intake = intake;
        this.acts = acts;
        this.documents = documents;
        this.objectMapper = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Déposer un acte avec son document principal et ses annexes")
    ResponseEntity<ActView> submit(@PathVariable String tenant,
                                   @RequestPart("metadata") MultipartFile metadata,
                                   @RequestPart(value = "main", required = false) MultipartFile main,
                                   @RequestPart(value = "annexes", required = false) List<MultipartFile> annexes) {
        TenantRef t = access.require(tenant);
        UUID id = intake.submit(tenant, parse(metadata), main == null ? null : file(main), files(annexes));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/acts/" + id)).body(acts.get(t, id));
    }

    @PostMapping(path = "/{id}/resubmission", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Corriger et redéposer un acte rejeté")
    ActView resubmit(@PathVariable String tenant, @PathVariable UUID id,
                     @RequestPart(value = "metadata", required = false) MultipartFile metadata,
                     @RequestPart(value = "main", required = false) MultipartFile main,
                     @RequestPart(value = "annexes", required = false) List<MultipartFile> annexes) {
        TenantRef t = access.require(tenant);
        intake.resubmit(tenant, id, metadata == null ? null : parse(metadata), main == null ? null : file(main),
                files(annexes));
        return acts.get(t, id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un acte, ses documents et son historique")
    ActView get(@PathVariable String tenant, @PathVariable UUID id) {
        return acts.get(access.require(tenant), id);
    }

    @GetMapping
    @Operation(summary = "Rechercher les actes de la collectivité")
    Map<String, Object> search(@PathVariable String tenant, @RequestParam(required = false) ActState state,
                               @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        // the offset (page × size) must stay an int for the database query
        String faulty = page < 0 ? "page" : size < 1 || size > 200 ? "size"
                : (long) page * size > Integer.MAX_VALUE ? "page" : null;
        if (faulty != null) {
            throw new ValidationException("Pagination invalide.", List.of(new FieldViolation(faulty,
                    "page ≥ 0 et 1 ≤ size ≤ 200, page × size au plus " + Integer.MAX_VALUE + ".")));
        }
        var result = acts.search(access.require(tenant), state, q, page, size);
        return Map.of("content", result.getContent(), "page", page, "size", size,
                "totalElements", result.getTotalElements(), "totalPages", result.getTotalPages());
    }

    @GetMapping("/{id}/documents/{documentId}")
    @Operation(summary = "Le contenu d'un document de l'acte")
    ResponseEntity<InputStreamResource> document(@PathVariable String tenant, @PathVariable UUID id,
                                                 @PathVariable UUID documentId) {
        var content = documents.open(access.require(tenant), id, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().mediaType()))
                .contentLength(content.document().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().name(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ETAG, "\"" + content.document().sha256() + "\"")
                .body(new InputStreamResource(content.content()));
    }

    @GetMapping("/{id}/bordereau")
    @Operation(summary = "Le bordereau de signature de l'acte (PDF)")
    ResponseEntity<InputStreamResource> bordereau(@PathVariable String tenant, @PathVariable UUID id) {
        TenantRef t = access.require(tenant);
        acts.summary(t, id).orElseThrow(ActService::notFound);
        var doc = documents.latest(id, DocumentRole.BORDEREAU)
                .orElseThrow(() -> new NotFoundException("Le bordereau est produit à la fin du circuit."));
        return document(tenant, id, doc.id());
    }

    @GetMapping(path = "/{id}/validation-report", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Rapport de validation ETSI (DSS) de la dernière signature de l'acte")
    ResponseEntity<String> validationReport(@PathVariable String tenant, @PathVariable UUID id) {
        TenantRef t = access.require(tenant);
        acts.summary(t, id).orElseThrow(ActService::notFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(signatures.latestReport(id)
                .orElseThrow(() -> new NotFoundException("L'acte n'a pas encore été signé.")));
    }

    private ActMetadata parse(MultipartFile part) {
        ActMetadata metadata;
        try {
            metadata = objectMapper.readValue(part.getBytes(), ActMetadata.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            throw ValidationException.of(field.isEmpty() ? "metadata" : field,
                    field.isEmpty() ? "Les métadonnées doivent être un objet JSON." : "Champ inconnu ou de type invalide.");
        } catch (JsonProcessingException e) {
            throw ValidationException.of("metadata", "Les métadonnées ne sont pas du JSON valide.");
        } catch (IOException e) {
            throw ValidationException.of("metadata", "Métadonnées illisibles.");
        }
        if (metadata == null) {
            // a JSON null reads as no object at all
            throw ValidationException.of("metadata", "Les métadonnées doivent être un objet JSON.");
        }
        return metadata;
    }

    private static List<IncomingFile> files(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream().map(ActController::file).toList();
    }

    private static IncomingFile file(MultipartFile part) {
        return new IncomingFile() {
            @Override
            public String name() {
                return part.getOriginalFilename();
            }

            @Override
            public InputStream open() throws IOException {
                return part.getInputStream();
            }
        };
    }
}
