package fr.acta.prefecture;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.PrefectureArchive;
import fr.acta.transmission.PrefectureArchiveReader;
import fr.acta.transmission.PrefectureMessage;
import fr.acta.transmission.PrefectureMessage.Kind;
import fr.acta.transmission.PrefectureMessageException;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowSettings;
import fr.acta.transmission.TransactionType;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records one document of the préfecture's mailbox, in the caller's transaction: the letter with its
 * PDFs (documents PREFECTURE_LETTER) against the act whose transmission it is about, a line in the
 * act's history and its process (the submitter's reply task, or the notice of a déféré); or the
 * préfecture's acknowledgement of a reply, on the letter it answered.
 */
@Component
class LetterReception {

    enum Outcome { RECORDED, ALREADY_THERE, NOT_OURS }

    static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<Integer, Kind> KINDS = Map.of(2, Kind.COURRIER_SIMPLE, 3,
            Kind.DEMANDE_PIECE_COMPLEMENTAIRE, 4, Kind.LETTRE_OBSERVATIONS, 5, Kind.DEFERE_TA);

    private final LetterStore letters;
    private final S2lowClient s2low;
    private final ActService acts;
    private final DocumentService documents;
    private final PrefectureProcesses processes;
    private final ReplyFollowUp replies;

    LetterReception(LetterStore letters, S2lowClient s2low, ActService acts, DocumentService documents,
                    PrefectureProcesses processes, ReplyFollowUp replies) {
        this.letters = letters;
        this.s2low = s2low;
        this.acts = acts;
        this.documents = documents;
        this.processes = processes;
        this.replies = replies;
    }

    Outcome receive(TenantRef tenant, S2lowSettings settings, S2low.PrefectureDocument document) {
        long id = document.transactionId();
        if (letters.exists(tenant.id(), id)) {
            return Outcome.ALREADY_THERE;
        }
        Kind expected = KINDS.get(document.typeCode());
        if (expected == null) {
            return Outcome.NOT_OURS;
        }
        Optional<UUID> actId = letters.actOfTransaction(tenant.id(), document.relatedTransactionId());
        Optional<Letter> answered = letters.byReplyTransaction(tenant.id(), id)
                .or(() -> letters.byReplyTransaction(tenant.id(), document.relatedTransactionId()));
        if (actId.isEmpty() && answered.isEmpty()) {
            return Outcome.NOT_OURS;
        }
        PrefectureArchive archive = null;
        String problem = null;
        try {
            archive = PrefectureArchiveReader.read(s2low.exchangeArchive(settings, id));
        } catch (PrefectureMessageException e) {
            problem = e.getMessage();
        }
        Optional<PrefectureMessage> acknowledgement = archive == null ? Optional.empty() : archive.messages().stream()
                .filter(m -> m.kind() == Kind.AR_PIECE_COMPLEMENTAIRE || m.kind() == Kind.AR_REPONSE_LETTRE_OBSERVATIONS)
                .findFirst();
        if (acknowledgement.isPresent() && answered.isPresent()) {
            replies.acknowledged(answered.get(), acknowledgement.get());
            return Outcome.ALREADY_THERE;
        }
        if (actId.isEmpty()) {
            return Outcome.NOT_OURS;
        }
        PrefectureMessage message = archive == null ? null : archive.messages().stream()
                .filter(m -> m.kind() == expected).findFirst()
                .orElse(archive.messages().isEmpty() ? null : archive.messages().get(0));
        return record(tenant, actId.get(), document, message, archive, problem);
    }

    private Outcome record(TenantRef tenant, UUID actId, S2low.PrefectureDocument document, PrefectureMessage message,
                           PrefectureArchive archive, String problem) {
        TransactionType type = document.type().orElseThrow();
        boolean defere = type == TransactionType.DEFERE_TA;
        String detail = problem != null ? "Message illisible, à consulter sur S²LOW : " + problem
                : message == null ? null : message.motif() != null && !message.motif().isBlank() ? message.motif().strip()
                : message.detail() == null ? null : message.detail().strip();
        Optional<UUID> recorded = letters.insert(actId, tenant.id(), document.transactionId(), type.code(),
                message == null ? null : message.date(), detail, message == null ? null : message.xml(),
                defere ? Letter.State.RECORDED : Letter.State.AWAITING_REPLY);
        if (recorded.isEmpty()) {
            return Outcome.ALREADY_THERE;
        }
        UUID messageId = recorded.get();
        int position = 0;
        if (archive != null) {
            for (Map.Entry<String, byte[]> file : archive.files().entrySet()) {
                if (isPdf(file.getValue())) {
                    DocumentView kept = documents.addGenerated(tenant, actId, DocumentRole.PREFECTURE_LETTER,
                            file.getKey(), "application/pdf", file.getValue());
                    letters.attach(messageId, kept.id(), LetterStore.IN, ++position, null);
                }
            }
        }
        ActFacts act = acts.facts(actId);
        String when = message == null || message.date() == null ? "" : " du " + FRENCH.format(message.date());
        acts.record(actId, null, TransmissionService.SYSTEM, defere ? "DEFERE" : "PREFECTURE_LETTER",
                type.label() + when + " reçu de la préfecture" + (detail == null ? "" : " : " + detail)
                        + (defere ? "" : " — réponse attendue de " + act.submittedBy()));
        processes.letterArrived(actId, messageId, tenant.code(), act.submittedBy(), defere);
        return Outcome.RECORDED;
    }

    private static boolean isPdf(byte[] content) {
        return content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F';
    }
}
