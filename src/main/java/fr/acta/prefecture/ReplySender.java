package fr.acta.prefecture;

import fr.acta.act.ActService;
import fr.acta.common.ValidationException;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.ActesFile;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowException;
import fr.acta.transmission.S2lowSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the stored reply to a préfecture letter through S²LOW exactly once: "the request may leave"
 * commits on its own before the request, the reply's transaction id with the step that made it;
 * after a crash in between, the reply is looked up among the act's exchanges before any new request.
 */
@Service
public class ReplySender {

    /** Where the sending ended, for the process's gateway. */
    public static final String SENT = "SENT";
    public static final String SENT_NO_AR = "SENT_NO_AR";
    public static final String REFUSED = "REFUSED";

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

    private final LetterStore letters;
    private final TransmissionStore transmissions;
    private final S2lowClient s2low;
    private final S2lowConnections connections;
    private final DocumentService documents;
    private final TenantAccess tenants;
    private final ActService acts;
    private final TransactionTemplate separate;

    ReplySender(LetterStore letters, TransmissionStore transmissions, S2lowClient s2low, S2lowConnections connections,
                DocumentService documents, TenantAccess tenants, ActService acts, PlatformTransactionManager tx) {
        this.letters = letters;
        this.transmissions = transmissions;
        this.s2low = s2low;
        this.connections = connections;
        this.documents = documents;
        this.tenants = tenants;
        this.acts = acts;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public String send(UUID messageId) {
        // No row lock: the marker below commits in a transaction of its own. The engine runs this step once at a time.
        Letter letter = letters.get(messageId).orElseThrow();
        if (letter.replyTransactionId() != null) {
            return sent(letter);
        }
        if (letter.state() == Letter.State.AWAITING_REPLY) {
            return REFUSED;
        }
        S2lowSettings settings = connections.settings(letter.tenantId());
        if (letter.state() == Letter.State.REPLY_SENDING) {
            Optional<Long> found = lookUp(settings, letter);
            if (found.isPresent()) {
                log.info("Reply to préfecture letter {} was already on S²LOW as {}: not sent again", letter.remoteId(),
                        found.get());
                return recordSent(letter, found.get(), " (retrouvée sur S²LOW après une interruption)");
            }
        } else {
            separate.executeWithoutResult(s -> letters.replySending(messageId));
        }
        long transactionId;
        try {
            transactionId = s2low.reply(settings, reply(letter));
        } catch (S2lowException e) {
            if (e.kind() != S2lowException.Kind.REFUSED) {
                throw e;
            }
            return refused(letter, e.getMessage());
        } catch (ValidationException e) {
            return refused(letter, e.getMessage());
        }
        return recordSent(letter, transactionId, "");
    }

    /**
     * The reply among the act's exchanges: of the letter's type, after it, and neither a letter nor
     * a reply Acta knows. The first such one is this letter's reply.
     */
    private Optional<Long> lookUp(S2lowSettings settings, Letter letter) {
        Transmission sent = transmissions.latest(letter.actId()).orElseThrow();
        Set<Long> known = letters.knownTransactions(letter.actId());
        return s2low.exchanges(settings, sent.transaction()).stream()
                .filter(e -> e.typeCode() == letter.typeCode() && e.transactionId() > letter.remote()
                        && !known.contains(e.transactionId()))
                .map(S2low.Exchange::transactionId).min(Long::compare);
    }

    private S2low.Reply reply(Letter letter) {
        TenantRef tenant = tenants.findById(letter.tenantId()).orElseThrow();
        Map<UUID, DocumentView> current = documents.current(letter.actId()).stream()
                .collect(Collectors.toMap(DocumentView::id, Function.identity()));
        List<ActesFile> files = new ArrayList<>();
        for (LetterStore.Attached a : letters.attached(letter.id())) {
            if (LetterStore.OUT.equals(a.direction())) {
                DocumentView d = current.get(a.documentId());
                files.add(new ActesFile(a.typeCode(), d.name(), documents.read(tenant, d)));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No stored reply for préfecture letter " + letter.id());
        }
        return new S2low.Reply(letter.remote(), Letter.REFUSAL.equals(letter.replyKind()), files.get(0),
                files.subList(1, files.size()));
    }

    private String recordSent(Letter letter, long transactionId, String note) {
        letters.replied(letter.id(), transactionId);
        acts.record(letter.actId(), null, TransmissionService.SYSTEM, "PREFECTURE_REPLY_SENT",
                Replies.kind(letter.replyKind()) + " " + Replies.toLetter(letter) + " déposé(e) sur S²LOW (transaction "
                        + transactionId + ")" + note);
        return sent(letter);
    }

    private static String sent(Letter letter) {
        return letter.replyAcknowledged() ? SENT : SENT_NO_AR;
    }

    /** S²LOW refused the reply (a file, a typology…): it is withdrawn and the submitter answers again. */
    private String refused(Letter letter, String why) {
        for (LetterStore.Attached a : letters.attached(letter.id())) {
            if (LetterStore.OUT.equals(a.direction())) {
                documents.withdraw(a.documentId());
            }
        }
        letters.detachReply(letter.id());
        letters.replyRefused(letter.id(), why);
        acts.record(letter.actId(), null, TransmissionService.SYSTEM, "PREFECTURE_REPLY_REFUSED",
                "S²LOW a refusé la réponse " + Replies.toLetter(letter) + " : " + why + " — une nouvelle réponse est attendue.");
        return REFUSED;
    }
}
