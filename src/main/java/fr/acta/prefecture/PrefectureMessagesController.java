package fr.acta.prefecture;

import fr.acta.act.ActService;
import fr.acta.act.ActView;
import fr.acta.common.NotFoundException;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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

/** The préfecture's letters about an act and the collectivité's replies; the cancellation of an acknowledged act. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/acts/{id}")
@Tag(name = "Contrôle de légalité", description = "Courriers de la préfecture, réponses, annulation")
class PrefectureMessagesController {

    private final TenantAccess access;
    private final ActService acts;
    private final LetterStore letters;
    private final DocumentService documents;
    private final ReplyRequests replies;
    private final Cancellations cancellations;

    PrefectureMessagesController(TenantAccess access, ActService acts, LetterStore letters, DocumentService documents,
                                 ReplyRequests replies, Cancellations cancellations) {
        this.access = access;
        this.acts = acts;
        this.letters = letters;
        this.documents = documents;
        this.replies = replies;
        this.cancellations = cancellations;
    }

    @GetMapping("/prefecture-messages")
    @Operation(summary = "Les courriers de la préfecture sur l'acte (courrier simple, demande de pièces, lettre "
            + "d'observations, déféré), leurs documents et la réponse de la collectivité")
    List<PrefectureMessageView> list(@PathVariable String tenant, @PathVariable UUID id) {
        TenantRef t = access.require(tenant);
        acts.summary(t, id).orElseThrow(() -> new NotFoundException("Acte introuvable."));
        Map<UUID, DocumentView> docs = documents.current(id).stream()
                .collect(Collectors.toMap(DocumentView::id, Function.identity()));
        return letters.ofAct(t.id(), id).stream().map(l -> view(l, docs)).toList();
    }

    @PostMapping(path = "/prefecture-messages/{messageId}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Répondre à un courrier de la préfecture (ou refuser) par S²LOW : lettre de réponse (PDF), "
            + "pièces éventuelles avec leur typologie (CodeTypePJ), dans le même ordre")
    ResponseEntity<PrefectureMessageView> reply(@PathVariable String tenant, @PathVariable UUID id,
                                                @PathVariable UUID messageId,
                                                @RequestParam(value = "refusal", required = false) String refusal,
                                                @RequestPart(value = "letter", required = false) MultipartFile letter,
                                                @RequestParam(value = "letterType", required = false) String letterType,
                                                @RequestPart(value = "pieces", required = false) List<MultipartFile> pieces,
                                                @RequestParam(value = "pieceTypes", required = false) List<String> pieceTypes) {
        TenantRef t = access.require(tenant);
        replies.reply(t, id, messageId, refusal, upload(letter), letterType,
                pieces == null ? List.of() : pieces.stream().map(PrefectureMessagesController::upload).toList(),
                pieceTypes);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(list(tenant, id).stream()
                .filter(m -> m.id().equals(messageId)).findFirst().orElseThrow());
    }

    @GetMapping(path = "/prefecture-messages/{messageId}/reply/ar", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "L'accusé de réception par la préfecture de la réponse (XML), tel que reçu")
    ResponseEntity<byte[]> replyAcknowledgement(@PathVariable String tenant, @PathVariable UUID id,
                                                @PathVariable UUID messageId) {
        TenantRef t = access.require(tenant);
        Letter letter = letters.get(messageId).filter(l -> l.tenantId().equals(t.id()) && l.actId().equals(id)
                && l.replyArXml() != null).orElseThrow(() -> new NotFoundException(
                "Pas d'accusé de réception de la préfecture pour une réponse à ce message."));
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
                .body(letter.replyArXml().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/cancellation")
    @Operation(summary = "Annuler un acte acquitté : l'annulation part par S²LOW, l'acte devient CANCELLED à "
            + "l'accusé de réception de la préfecture (ARAnnulation)")
    ResponseEntity<ActView> cancel(@PathVariable String tenant, @PathVariable UUID id) {
        TenantRef t = access.require(tenant);
        cancellations.request(t, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(acts.get(t, id));
    }

    private static ReplyRequests.Upload upload(MultipartFile file) {
        return file == null ? null : new ReplyRequests.Upload(file.getOriginalFilename(), file);
    }

    private PrefectureMessageView view(Letter l, Map<UUID, DocumentView> docs) {
        List<LetterStore.Attached> attached = letters.attached(l.id());
        List<PrefectureMessageView.Document> in = documents(attached, LetterStore.IN, docs);
        List<PrefectureMessageView.Document> out = documents(attached, LetterStore.OUT, docs);
        PrefectureMessageView.Reply reply = l.replyKind() == null && l.replyError() == null ? null
                : new PrefectureMessageView.Reply(l.replyKind(), l.repliedBy(), l.replyTransactionId(), l.repliedAt(),
                        l.replyAcknowledgedAt(), l.replyArDate(), l.replyError(), out);
        return new PrefectureMessageView(l.id(), l.remoteId(), Replies.typeName(l), l.type().label(), l.letterDate(),
                l.receivedAt(), l.detail(), l.state().name(), l.state().label,
                l.state() == Letter.State.AWAITING_REPLY, in, reply);
    }

    private static List<PrefectureMessageView.Document> documents(List<LetterStore.Attached> attached, String direction,
                                                                  Map<UUID, DocumentView> docs) {
        return attached.stream().filter(a -> a.direction().equals(direction) && docs.containsKey(a.documentId()))
                .map(a -> {
                    DocumentView d = docs.get(a.documentId());
                    return new PrefectureMessageView.Document(d.id(), d.name(), d.mediaType(), d.size(), a.typeCode());
                }).toList();
    }
}
