package fr.acta.sae;

import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The archive's As@lae-compatible API ({@code restservices}): deposit with {@code POST sedaMessages}
 * ({@code seda_message}, {@code attachments}), answered 200 once the transfer is safely received
 * (or, with {@code send_chunked_attachments=true}, the chunk session's identifiers: see
 * {@link SaeChunkController});
 * then the {@code Acknowledgement} and the {@code ArchiveTransferReply} at As@lae's own paths
 * ({@code sequence:…/message:…/originOrganizationIdentification:…/originMessageIdentifier:…}, or
 * the same as query parameters). Archivists and the archive's service accounts (DEPOSITOR) only.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/sae/restservices")
@Tag(name = "Archives (SAE)", description = "Versements SEDA compatibles As@lae : dépôt, accusé de réception, réponse")
class SaeRestController {

    static final String ACKNOWLEDGEMENT = "Acknowledgement";
    static final String REPLY = "ArchiveTransferReply";
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final TenantAccess access;
    private final TransferReception reception;
    private final Transfers transfers;
    private final ChunkedDeposits chunks;

    SaeRestController(TenantAccess access, TransferReception reception, Transfers transfers, ChunkedDeposits chunks) {
        this.access = access;
        this.reception = reception;
        this.transfers = transfers;
        this.chunks = chunks;
    }

    @PostMapping(path = "/sedaMessages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Déposer un transfert SEDA (bordereau seda_message et pièces jointes attachments)")
    Map<String, Object> deposit(@PathVariable String tenant, MultipartHttpServletRequest request) throws IOException {
        TenantRef t = depositor(tenant);
        byte[] message = message(request);
        if ("true".equalsIgnoreCase(request.getParameter("send_chunked_attachments"))) {
            return chunks.open(t, TenantAccess.currentUser().username(), message);
        }
        List<IncomingFiles.Upload> attachments = request.getFiles("attachments").stream()
                .map(f -> (IncomingFiles.Upload) new Part(f)).toList();
        TransferReception.Receipt receipt = reception.receive(t, TenantAccess.currentUser().username(), message,
                attachments);
        return view(t, receipt.transfer(), receipt.duplicate());
    }

    @GetMapping(path = "/sedaMessages/sequence:{sequence}/message:{message}/originOrganizationIdentification:{org}"
            + "/originMessageIdentifier:{id}")
    @Operation(summary = "Accusé de réception (Acknowledgement) ou réponse (ArchiveTransferReply) d'un transfert")
    ResponseEntity<byte[]> reply(@PathVariable String tenant, @PathVariable String sequence,
                                 @PathVariable String message, @PathVariable String org, @PathVariable String id) {
        return answer(tenant, sequence, message, org, id);
    }

    @GetMapping(path = "/sedaMessages", params = {"sequence", "message", "originOrganizationIdentification",
            "originMessageIdentifier"})
    @Operation(summary = "Même chose, l'identification en paramètres de requête")
    ResponseEntity<byte[]> replyByQuery(@PathVariable String tenant, @RequestParam String sequence,
                                        @RequestParam String message, @RequestParam String originOrganizationIdentification,
                                        @RequestParam String originMessageIdentifier) {
        return answer(tenant, sequence, message, originOrganizationIdentification, originMessageIdentifier);
    }

    @GetMapping(path = "/ping", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> ping(@PathVariable String tenant) {
        depositor(tenant);
        return Map.of("ping", "pong", "service", "Acta SAE");
    }

    @GetMapping(path = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> versions(@PathVariable String tenant) {
        depositor(tenant);
        return Map.of("application", "Acta SAE", "seda", List.of("2.1", "2.2", "2.3"));
    }

    private ResponseEntity<byte[]> answer(String tenant, String sequence, String message, String org, String id) {
        TenantRef t = depositor(tenant);
        if (!"ArchiveTransfer".equals(sequence) || !(ACKNOWLEDGEMENT.equals(message) || REPLY.equals(message))) {
            throw new NotFoundException("Message inconnu : seule la séquence ArchiveTransfer, messages "
                    + "Acknowledgement et ArchiveTransferReply, est servie.");
        }
        Transfers.Transfer transfer = transfers.findForReply(t.id(), org, id).orElseThrow(() -> new NotFoundException(
                "Aucun transfert « " + id + " » de « " + org + " » dans ce service d'archives."));
        String xml = ACKNOWLEDGEMENT.equals(message) ? transfer.acknowledgement() : transfer.reply();
        if (xml == null) {
            throw new NotFoundException("La réponse au transfert « " + id + " » n'est pas encore disponible : "
                    + "il est en cours de contrôle.");
        }
        return ResponseEntity.ok().contentType(XML).body(xml.getBytes(StandardCharsets.UTF_8));
    }

    private TenantRef depositor(String tenant) {
        return access.requireRole(tenant, Role.ARCHIVIST, Role.DEPOSITOR);
    }

    private static byte[] message(MultipartHttpServletRequest request) throws IOException {
        MultipartFile file = request.getFile(ManifestHeader.FIELD);
        if (file != null && !file.isEmpty()) {
            return file.getBytes();
        }
        String field = request.getParameter(ManifestHeader.FIELD);
        if (field != null && !field.isBlank()) {
            return field.getBytes(StandardCharsets.UTF_8);
        }
        throw new ValidationException("Le bordereau (seda_message) est obligatoire.",
                List.of(new FieldViolation(ManifestHeader.FIELD, "Obligatoire.")));
    }

    static Map<String, Object> view(TenantRef tenant, Transfers.Transfer t, boolean duplicate) {
        String head = "/api/v1/tenants/" + tenant.code() + "/sae/restservices/sedaMessages/sequence:ArchiveTransfer"
                + "/message:";
        String tail = "/originOrganizationIdentification:" + t.transferringAgency() + "/originMessageIdentifier:"
                + t.messageIdentifier();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("transferId", t.id());
        view.put("messageIdentifier", t.messageIdentifier());
        view.put("transferringAgency", t.transferringAgency());
        view.put("sedaVersion", t.version().label());
        view.put("status", t.status().name());
        view.put("duplicate", duplicate);
        view.put("receivedAt", t.receivedAt());
        view.put("replyCode", t.replyCode());
        view.put("acknowledgement", head + ACKNOWLEDGEMENT + tail);
        view.put("reply", head + REPLY + tail);
        return view;
    }

    /** An uploaded part, read once into the incoming folder. */
    private record Part(MultipartFile file) implements IncomingFiles.Upload {
        @Override
        public String name() {
            return file.getOriginalFilename();
        }

        @Override
        public InputStream open() throws IOException {
            return file.getInputStream();
        }
    }
}
