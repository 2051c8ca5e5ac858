package fr.acta.sae;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The chunks of a chunked deposit, As@lae's {@code sedaAttachmentsChunkFiles}: {@code chunk_content}
 * with {@code session_identifier}, {@code security_identifier}, {@code number_of_files},
 * {@code file_index}, {@code file_name}, {@code compression_algorithm}, {@code number_of_chunks} and
 * {@code chunk_index} (1-based). The answer to the last chunk is the received transfer, as for
 * {@code sedaMessages}. The attachments' format is read from their content.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/sae/restservices")
@Tag(name = "Archives (SAE)")
class SaeChunkController {

    private final TenantAccess access;
    private final ChunkedDeposits chunks;

    SaeChunkController(TenantAccess access, ChunkedDeposits chunks) {
        this.access = access;
        this.chunks = chunks;
    }

    @PostMapping(path = "/sedaAttachmentsChunkFiles", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Déposer un morceau des pièces jointes d'un transfert ouvert avec send_chunked_attachments")
    Map<String, Object> chunk(@PathVariable String tenant, MultipartHttpServletRequest request) throws IOException {
        TenantRef t = access.requireRole(tenant, Role.ARCHIVIST, Role.DEPOSITOR);
        List<FieldViolation> errors = new ArrayList<>();
        UUID session = uuid(request, "session_identifier", errors);
        String security = text(request, "security_identifier", errors);
        int files = number(request, "number_of_files", 1, ChunkedDeposits.MAX_FILES, errors);
        int file = number(request, "file_index", 1, Math.max(1, files), errors);
        int count = number(request, "number_of_chunks", 1, ChunkedDeposits.MAX_CHUNKS, errors);
        int index = number(request, "chunk_index", 1, Math.max(1, count), errors);
        String name = request.getParameter("file_name");
        MultipartFile content = request.getFile("chunk_content");
        if (content == null || content.isEmpty()) {
            errors.add(new FieldViolation("chunk_content", "Obligatoire et non vide."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Le morceau n'est pas valide.", errors);
        }
        String fileName = name == null || name.isBlank() ? "attachments-" + file : name.strip();
        fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        ChunkedDeposits.Progress progress = chunks.chunk(t, new ChunkedDeposits.Chunk(session, security, files, file,
                fileName, count, index), content.getInputStream());
        if (progress.receipt() != null) {
            return SaeRestController.view(t, progress.receipt().transfer(), progress.receipt().duplicate());
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("session_identifier", session.toString());
        view.put("file_index", file);
        view.put("chunk_index", index);
        view.put("received_chunks", progress.receivedChunks());
        view.put("complete", false);
        return view;
    }

    private static String text(MultipartHttpServletRequest request, String field, List<FieldViolation> errors) {
        String value = request.getParameter(field);
        if (value == null || value.isBlank()) {
            errors.add(new FieldViolation(field, "Obligatoire."));
            return null;
        }
        return value.strip();
    }

    private static UUID uuid(MultipartHttpServletRequest request, String field, List<FieldViolation> errors) {
        String value = text(request, field, errors);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(field, "Identifiant de session inconnu."));
            return null;
        }
    }

    private static int number(MultipartHttpServletRequest request, String field, int min, int max,
                              List<FieldViolation> errors) {
        String value = text(request, field, errors);
        if (value == null) {
            return -1;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldViolation(field, "Entier de " + min + " à " + max + " attendu (reçu « "
                + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + " »)."));
        return -1;
    }
}
