package fr.acta.sae;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Communication of the archive: search (full text in French and metadata, facets, pages), the
 * record view with its proofs, the stored manifest, and the DIP. Each access is logged.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/archives")
@Tag(name = "Archives (SAE)", description = "Recherche, consultation et communication des archives")
class ArchiveAccessController {

    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final ArchiveAccess access;
    private final ArchiveSearch search;
    private final RecordView view;
    private final AccessLog log;
    private final DipWriter dips;

    ArchiveAccessController(ArchiveAccess access, ArchiveSearch search, RecordView view, AccessLog log,
                            DipWriter dips) {
        this.access = access;
        this.search = search;
        this.view = view;
        this.log = log;
        this.dips = dips;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rechercher : texte intégral (q, syntaxe web) et métadonnées (nature, matiere, numero, "
            + "idActe, from, to, collectivite), facettes, pages (page, size)")
    Map<String, Object> search(@PathVariable String tenant, @RequestParam Map<String, String> parameters) {
        ArchiveAccess.Reader r = access.reader(tenant);
        SearchQuery q = SearchQuery.parse(parameters);
        Map<String, Object> result = search.search(r.tenant().id(), q, !r.full());
        Map<String, Object> detail = new java.util.LinkedHashMap<>(q.asDetail());
        detail.put("total", result.get("total"));
        log.record(r.tenant().id(), AccessLog.SEARCH, null, detail);
        return result;
    }

    @GetMapping(path = "/{identifier}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Une archive : unités, métadonnées, règles (fin de DUA calculée), objets, preuves "
            + "(accusé de réception, réponse au transfert, journal, dernier audit d'intégrité)")
    Map<String, Object> archive(@PathVariable String tenant, @PathVariable String identifier) {
        ArchiveAccess.Reader r = access.reader(tenant);
        Map<String, Object> row = access.archive(r, identifier);
        log.record(r.tenant().id(), AccessLog.VIEW, identifier, Map.of());
        return view.view(r.tenant().id(), row);
    }

    @GetMapping(path = "/{identifier}/manifest")
    @Operation(summary = "Le bordereau de transfert (manifest.xml) tel qu'il a été reçu")
    ResponseEntity<byte[]> manifest(@PathVariable String tenant, @PathVariable String identifier) throws Exception {
        ArchiveAccess.Reader r = access.reader(tenant);
        Map<String, Object> row = access.archive(r, identifier);
        Path copy = dips.intactCopy(r.tenant().code(), (String) row.get("manifest_sha256"), identifier);
        byte[] manifest = Files.readAllBytes(copy);
        log.record(r.tenant().id(), AccessLog.MANIFEST, identifier, Map.of());
        return ResponseEntity.ok().contentType(XML).header("Content-Disposition",
                "attachment; filename=\"" + identifier + "-manifest.xml\"").body(manifest);
    }

    @GetMapping(path = "/{identifier}/dip")
    @Operation(summary = "Le paquet de communication (DIP) : ZIP avec manifest.xml (ArchiveDeliveryRequestReply) "
            + "et les objets sous Content/")
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> dip(
            @PathVariable String tenant, @PathVariable String identifier) {
        ArchiveAccess.Reader r = access.reader(tenant);
        Map<String, Object> row = access.archive(r, identifier);
        DipWriter.Dip dip = dips.prepare(r, row);
        log.record(r.tenant().id(), AccessLog.DIP, identifier, Map.of("objects", dip.objects().size()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", "attachment; filename=\"" + identifier + "-dip.zip\"")
                .body(dip::write);
    }
}
