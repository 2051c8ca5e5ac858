package fr.acta.prefecture;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.common.ConflictException;
import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.document.DocumentInspector;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.document.IncomingDocument;
import fr.acta.document.StagedFile;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.TransactionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The collectivité's answer to a préfecture letter, as the submitter (or an administrator) gives
 * it: checked, then stored with its typologies, the task completed and the sending ordered in one
 * transaction. A second answer to the same letter is a 409.
 */
@Service
public class ReplyRequests {

    /** An uploaded file. */
    public record Upload(String name, InputStreamSource content) {
    }

    private static final Pattern CODE_TYPE_PJ = Pattern.compile("[0-9]{2}_[A-Z]{2}");
    private static final Map<String, String> EXTENSIONS = Map.of(DocumentInspector.PDF, "pdf",
            DocumentInspector.PNG, "png", DocumentInspector.JPEG, "jpg", DocumentInspector.XML, "xml");

    private final LetterStore letters;
    private final ActService acts;
    private final DocumentService documents;
    private final PrefectureProcesses processes;
    private final TransactionTemplate tx;

    ReplyRequests(LetterStore letters, ActService acts, DocumentService documents, PrefectureProcesses processes,
                  TransactionTemplate tx) {
        this.letters = letters;
        this.acts = acts;
        this.documents = documents;
        this.processes = processes;
        this.tx = tx;
    }

    public void reply(TenantRef tenant, UUID actId, UUID messageId, String refusal, Upload letter, String letterType,
                      List<Upload> pieces, List<String> pieceTypes) {
        Letter found = find(tenant, actId, messageId);
        ActFacts act = acts.facts(actId);
        requireSubmitterOrAdmin(act, "répondre à la préfecture");
        checkState(found);
        List<FieldViolation> errors = new ArrayList<>();
        Boolean isRefusal = "true".equalsIgnoreCase(strip(refusal)) ? Boolean.TRUE
                : "false".equalsIgnoreCase(strip(refusal)) ? Boolean.FALSE : null;
        if (isRefusal == null) {
            errors.add(new FieldViolation("refusal", "Indiquez refusal=false pour une réponse ou refusal=true pour un refus."));
        } else if (isRefusal && found.typeCode() == TransactionType.COURRIER_SIMPLE.code()) {
            errors.add(new FieldViolation("refusal", "Un courrier simple appelle une réponse, pas un refus."));
        }
        String mainType = strip(letterType) == null ? act.mainDocumentType() : strip(letterType);
        checkType("letterType", mainType, errors);
        List<Upload> attached = pieces == null ? List.of() : pieces;
        List<String> types = pieceTypes == null ? List.of() : pieceTypes;
        if (types.size() != attached.size()) {
            errors.add(new FieldViolation("pieceTypes", "Une typologie (CodeTypePJ, par exemple 99_DE) par pièce, dans "
                    + "l'ordre des pièces : " + attached.size() + " pièce(s), " + types.size() + " typologie(s)."));
        }
        for (int i = 0; i < types.size(); i++) {
            checkType("pieceTypes[" + i + "]", strip(types.get(i)), errors);
        }
        if (letter == null) {
            errors.add(new FieldViolation("letter", "La lettre de réponse (PDF) est obligatoire."));
        }
        List<StagedFile> staged = new ArrayList<>();
        try {
            if (letter != null) {
                staged.add(stage("letter", letter, true, errors));
            }
            for (int i = 0; i < attached.size(); i++) {
                staged.add(stage("pieces[" + i + "]", attached.get(i), false, errors));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("La réponse à la préfecture n'est pas valide.", errors);
            }
            List<String> codes = new ArrayList<>();
            codes.add(mainType);
            types.forEach(t -> codes.add(strip(t)));
            store(tenant, found, isRefusal, staged, codes);
        } catch (RuntimeException e) {
            documents.discard(staged.stream().filter(f -> f != null).toList());
            throw e;
        }
    }

    private void store(TenantRef tenant, Letter found, boolean refusal, List<StagedFile> files, List<String> codes) {
        String me = TenantAccess.currentUser().getUsername();
        tx.executeWithoutResult(status -> {
            Letter letter = letters.getForUpdate(found.id()).orElseThrow();
            checkState(letter);
            int position = (int) documents.current(letter.actId()).stream()
                    .filter(d -> d.role() == DocumentRole.PREFECTURE_REPLY).count();
            List<IncomingDocument> incoming = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                incoming.add(new IncomingDocument(files.get(i), DocumentRole.PREFECTURE_REPLY, position + i + 1,
                        codes.get(i)));
            }
            List<DocumentView> kept = documents.attach(tenant, letter.actId(), incoming);
            for (int i = 0; i < kept.size(); i++) {
                letters.attach(letter.id(), kept.get(i).id(), LetterStore.OUT, i + 1, codes.get(i));
            }
            String kind = refusal ? Letter.REFUSAL : Letter.RESPONSE;
            letters.replyRequested(letter.id(), kind, me);
            acts.record(letter.actId(), null, me, "PREFECTURE_REPLY_REQUESTED", Replies.kind(kind) + " "
                    + Replies.toLetter(letter) + " préparé(e) avec " + (files.size() - 1) + " pièce(s), envoi par S²LOW");
            processes.replyRequested(letter.id());
        });
    }

    private StagedFile stage(String field, Upload upload, boolean pdfOnly, List<FieldViolation> errors) {
        StagedFile file;
        try (InputStream in = upload.content().getInputStream()) {
            file = documents.stage(in, upload.name());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage a reply file", e);
        }
        String extension = EXTENSIONS.get(file.mediaType());
        if (extension == null || pdfOnly && !DocumentInspector.PDF.equals(file.mediaType())) {
            errors.add(new FieldViolation(field, "« " + upload.name() + " » : " + (pdfOnly ? "la lettre de réponse doit "
                    + "être un PDF." : "format refusé par @ctes (PDF, PNG, JPEG ou XML seulement).")));
            return file;
        }
        String problem = documents.problem(file);
        if (problem != null) {
            errors.add(new FieldViolation(field, "« " + upload.name() + " » : " + problem));
        }
        String name = upload.name() == null || upload.name().isBlank() ? "piece" : upload.name().strip();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
            name = name + "." + extension;
        }
        return new StagedFile(file.path(), name, file.size(), file.sha256(), file.mediaType());
    }

    private Letter find(TenantRef tenant, UUID actId, UUID messageId) {
        return letters.get(messageId).filter(l -> l.tenantId().equals(tenant.id()) && l.actId().equals(actId))
                .orElseThrow(() -> new NotFoundException("Message de la préfecture introuvable."));
    }

    private static void checkState(Letter letter) {
        if (letter.defere()) {
            throw new ConflictException("Un déféré au tribunal administratif ne se répond pas par S²LOW.");
        }
        if (letter.state() != Letter.State.AWAITING_REPLY) {
            throw new ConflictException("Ce message de la préfecture a déjà reçu une réponse (" + letter.state().label
                    .toLowerCase(java.util.Locale.ROOT) + ").");
        }
    }

    private static void checkType(String field, String code, List<FieldViolation> errors) {
        if (code == null || !CODE_TYPE_PJ.matcher(code).matches()) {
            errors.add(new FieldViolation(field, "La typologie (CodeTypePJ) s'écrit comme 99_DE : 2 chiffres, « _ », "
                    + "2 lettres majuscules."));
        }
    }

    /** Only the act's submitter, or an administrator of the collectivité, may act on its exchanges with the préfecture. */
    static void requireSubmitterOrAdmin(ActFacts act, String what) {
        ActaPrincipal me = TenantAccess.currentUser();
        if (!me.isOperator() && !me.has(Role.ADMIN) && !me.getUsername().equals(act.submittedBy())) {
            throw new AccessDeniedException("Seuls le rédacteur de l'acte (" + act.submittedBy()
                    + ") et les administrateurs peuvent " + what + ".");
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
