package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.S2lowText.Ko;
import fr.acta.simulator.prefecture.S2lowText.ReplyKo;
import fr.acta.simulator.prefecture.SandboxProperties.Account;
import fr.acta.simulator.prefecture.SandboxStore.NewFile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a collectivité asks of S²LOW besides posting an act: cancel an acknowledged act (type 6),
 * answer a préfecture letter, ask for the classification (type 7). Each creates a transaction that
 * moves like an act's and gets its acknowledgement from the préfecture.
 */
@Component
@SandboxEnabled
class CollectiviteDesk {

    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final SandboxClassifications classifications;
    private final TransactionTemplate tx;

    CollectiviteDesk(SandboxStore store, SandboxLifecycle lifecycle, SandboxClassifications classifications,
                     TransactionTemplate tx) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.classifications = classifications;
        this.tx = tx;
    }

    /** {@code actes_transac_cancel.php}: the id of the new type-6 transaction. */
    long cancel(Account account, String id) {
        if (id.isEmpty()) {
            throw new Ko("Pas d'identifiant de transaction à annuler spécifié.");
        }
        Tx act = parse(id).flatMap(lifecycle::current)
                .orElseThrow(() -> new Ko("Erreur d'initialisation de la transaction."));
        if (act.type() != 1) {
            throw new Ko("Ce type de transaction ne peut pas être annulé.");
        }
        boolean pending = store.related(act.id()).stream()
                .anyMatch(r -> r.type() == 6 && r.lastStatus() > 0 && r.lastStatus() < 4);
        if (pending) {
            throw new Ko("Une demande d'annulation est déjà en cours pour cette transaction.");
        }
        if (!act.siren().equals(account.siren())) {
            throw new Ko("Accès refusé.");
        }
        if (act.lastStatus() != 4) {
            throw new Ko("Impossible d'annuler une transaction qui n'est pas en état « Acquittement reçu ».");
        }
        Instant now = Instant.now();
        SandboxLifecycle.Plan plan = lifecycle.plan(now);
        Tx cancel = new Tx(0, act.siren(), act.department(), account.login(), 6, act.id(), false, act.natureCode(),
                act.number(), act.subject(), act.decisionDate(), act.classification(), act.classificationDate(),
                false, act.uniqueId(), null, false, Tx.ACK, null, null, null, now, plan.waitingAt(), plan.sentAt(),
                plan.answerAt(), 1);
        List<NewFile> files = List.of(new NewFile(Names.xml(act, "6-1"), null, "text/xml",
                PrefectureXml.annulation(act.uniqueId()), null));
        return insert(cancel, files, now);
    }

    /** {@code actes_classification_request.php}: the id of the new type-7 transaction. */
    long requestClassification(Account account) {
        Instant now = Instant.now();
        SandboxLifecycle.Plan plan = lifecycle.plan(now);
        LocalDate held = classifications.served(account.siren()).date();
        Tx request = new Tx(0, account.siren(), account.department(), account.login(), 7, null, false, null, null,
                null, null, null, held, false, null, null, false, Tx.ACK, null, null, null, now, plan.waitingAt(),
                plan.sentAt(), plan.answerAt(), 1);
        return insert(request, List.of(new NewFile(Names.xml(request, "7-1"), null, "text/xml",
                PrefectureXml.demandeClassification(held), null)), now);
    }

    /** {@code actes_transac_reponse_create.php}: the id of the reply transaction. */
    long reply(Account account, PostedForm form) {
        String typeActe = form.text("type_acte");
        if (typeActe.isEmpty()) {
            throw new Ko("Erreur lors de la réception du fichier : typologie absente");
        }
        Tx letter = parse(form.text("id")).flatMap(store::find).orElse(null);
        if (letter != null && !letter.siren().equals(account.siren())) {
            throw new ReplyKo("Accès refusé");
        }
        MultipartFile part = form.file("acte_pdf_file");
        if (part == null) {
            throw new ReplyKo("Envoi de fichier illégal.");
        }
        StringBuilder errors = new StringBuilder();
        ActeIntake.Checked document = ActeIntake.read(part, typeActe);
        String error = document.extension().isEmpty()
                ? "Le fichier de réponse \" " + part.getOriginalFilename() + " \" est de type \" " + document.mime()
                + " \". Fichier PDF, XML, PNG ou JPEG requis." : ActeIntake.codePj(typeActe);
        if (error != null) {
            errors.append("Erreur de validation du fichier de l'acte :\n").append(error).append('\n');
        }
        List<MultipartFile> parts = form.files("acte_attachments");
        List<String> typesPj = form.list("type_pj");
        List<ActeIntake.Checked> annexes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String codePj = i < typesPj.size() ? typesPj.get(i).strip() : "";
            if (codePj.isEmpty()) {
                throw new Ko("Erreur lors de la réception du fichier annexe " + parts.get(i).getOriginalFilename()
                        + " : typologie absente");
            }
            ActeIntake.Checked annex = ActeIntake.read(parts.get(i), codePj);
            String annexError = annex.extension().isEmpty() ? "Le fichier attaché \" " + parts.get(i).getOriginalFilename()
                    + " \" est de type \" " + annex.mime() + " \". Fichier PDF, XML, PNG ou JPEG requis."
                    : ActeIntake.codePj(codePj);
            if (annexError != null) {
                errors.append("Erreur de validation d'un fichier de pièce jointe :\n").append(annexError).append('\n');
            }
            annexes.add(annex);
        }
        if (!errors.isEmpty()) {
            throw new ReplyKo(errors.toString());
        }
        if (letter == null || !letter.fromPrefecture() || letter.type() < 2 || letter.type() > 4) {
            throw new ReplyKo("Erreur lors de la génération de l'acte : Mauvais type de transaction.");
        }
        String typeEnvoie = form.text("type_envoie");
        Integer typeReponse = typeEnvoie.equals("3") || typeEnvoie.equals("4") ? Integer.valueOf(typeEnvoie) : null;
        String root = root(letter.type(), typeReponse);
        if (root == null) {
            throw new ReplyKo("Erreur lors de la génération de l'acte : Vous devez choisir un type de réponse");
        }
        String flow = letter.type() == 2 ? "2-2" : letter.type() + "-" + typeReponse;
        Instant now = Instant.now();
        SandboxLifecycle.Plan plan = lifecycle.plan(now);
        Tx reply = new Tx(0, letter.siren(), letter.department(), account.login(), letter.type(), letter.id(), false,
                letter.natureCode(), letter.number(), letter.subject(), letter.decisionDate(), letter.classification(),
                letter.classificationDate(), false, letter.uniqueId(), letter.type() == 2 ? null : typeReponse, true,
                letter.type() == 2 ? Tx.NONE : Tx.ACK, null, null, LocalDate.now(Names.PARIS), now, plan.waitingAt(),
                plan.sentAt(), plan.answerAt(), 1);
        List<NewFile> documents = new ArrayList<>();
        documents.add(new NewFile(Names.document(reply, flow, typeActe, 1, document.extension()),
                part.getOriginalFilename(), document.mime(), document.content(), typeActe));
        for (int i = 0; i < annexes.size(); i++) {
            ActeIntake.Checked a = annexes.get(i);
            documents.add(new NewFile(Names.document(reply, flow, a.codePj(), i + 2, a.extension()),
                    a.part().getOriginalFilename(), a.mime(), a.content(), a.codePj()));
        }
        byte[] xml = PrefectureXml.reply(root, letter.idActe(), letter.messageDate(),
                documents.stream().map(NewFile::name).toList());
        List<NewFile> files = new ArrayList<>();
        files.add(new NewFile(Names.xml(reply, flow), null, "text/xml", xml, null));
        files.addAll(documents);
        return insert(reply, files, now);
    }

    private static String root(int type, Integer typeReponse) {
        return switch (type) {
            case 2 -> "ReponseCourrierSimple";
            case 3 -> typeReponse == null ? null : typeReponse == 3 ? "RefusPieceComplementaire" : "PieceComplementaire";
            case 4 -> typeReponse == null ? null
                    : typeReponse == 3 ? "RejetLettreObservations" : "ReponseLettreObservations";
            default -> null;
        };
    }

    private long insert(Tx draft, List<NewFile> files, Instant now) {
        return tx.execute(status -> {
            long id = store.insert(draft);
            store.addStatus(id, 1, now, "Dépôt initial", null);
            store.addFiles(id, files);
            return id;
        });
    }

    static java.util.Optional<Long> parse(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id.strip()));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
