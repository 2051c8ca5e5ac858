package fr.acta.simulator.vitam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ingest-external/v1}: the SIP as the request body (ZIP), answered 202 with the operation id
 * in {@code X-Request-Id}; the {@code ArchiveTransferReply} and the manifest once the operation is
 * over.
 */
@RestController
@RequestMapping(VitamSimSecurity.PREFIX + "/ingest-external/v1/ingests")
@VitamSimEnabled
class VitamIngestController {

    private static final Set<String> CONTEXTS = Set.of("DEFAULT_WORKFLOW", "BLANK_TEST", "FILING_SCHEME",
            "HOLDING_SCHEME");

    private final VitamSimIngest ingest;
    private final VitamSimStore store;
    private final VitamSimProperties properties;

    VitamIngestController(VitamSimIngest ingest, VitamSimStore store, VitamSimProperties properties) {
        this.ingest = ingest;
        this.store = store;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<Void> ingest(@RequestAttribute(VitamSimSecurity.TENANT) int tenant,
                                @RequestHeader(name = "X-Action", required = false) String action,
                                @RequestHeader(name = "X-Context-Id", required = false) String context,
                                @RequestHeader(name = "X-Application-Id", required = false) String applicationId,
                                @RequestHeader(name = "X-Manifest-Digest-Algo", required = false) String digestAlgo,
                                @RequestHeader(name = "X-Manifest-Digest-Value", required = false) String digestValue,
                                HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (action == null || !Set.of("RESUME", "NEXT").contains(action.strip())) {
            throw new VitamSimException(412, "INGEST", "L'en-tête X-Action doit valoir RESUME ou NEXT.");
        }
        if (context == null || !CONTEXTS.contains(context.strip())) {
            throw new VitamSimException(412, "INGEST", "L'en-tête X-Context-Id doit désigner un processus d'entrée "
                    + "(DEFAULT_WORKFLOW, BLANK_TEST, FILING_SCHEME ou HOLDING_SCHEME).");
        }
        byte[] sip = body(request.getInputStream(), properties.maxSipSize().toBytes());
        VitamSimStore.Operation op = ingest.ingest(tenant, context.strip(), applicationId, digestAlgo, digestValue, sip);
        response.setHeader("X-Request-Id", op.id());
        return ResponseEntity.accepted()
                .header("X-Global-Execution-State", "RUNNING").header("X-Global-Execution-Status", "STARTED")
                .header("X-Context-Id", op.context()).build();
    }

    @GetMapping("/{id}/archivetransferreply")
    ResponseEntity<byte[]> reply(@RequestAttribute(VitamSimSecurity.TENANT) int tenant, @PathVariable String id) {
        VitamSimStore.Operation op = completed(tenant, id, "la réponse au versement (ATR)");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=ATR_" + id + ".xml")
                .body(op.atr());
    }

    @GetMapping("/{id}/manifests")
    ResponseEntity<byte[]> manifest(@RequestAttribute(VitamSimSecurity.TENANT) int tenant, @PathVariable String id) {
        VitamSimStore.Operation op = completed(tenant, id, "le bordereau");
        if (op.manifest() == null) {
            throw new VitamSimException(404, "INGEST", "L'opération " + id + " n'a pas de bordereau lisible.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=manifest_" + id + ".xml")
                .body(op.manifest());
    }

    private VitamSimStore.Operation completed(int tenant, String id, String what) {
        VitamSimStore.Operation op = store.operation(tenant, id).orElseThrow(() -> new VitamSimException(404, "INGEST",
                "Opération inconnue sur ce tenant : " + id + "."));
        if (!op.completed(Instant.now())) {
            throw new VitamSimException(404, "INGEST", "L'opération " + id + " est en cours : " + what
                    + " n'est pas encore disponible.");
        }
        return op;
    }

    private static byte[] body(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new VitamSimException(413, "INGEST", "Le SIP dépasse la taille admise par le simulateur.");
        }
        return bytes;
    }
}
