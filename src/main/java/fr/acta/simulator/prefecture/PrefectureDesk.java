package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.SandboxStore.NewFile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The préfecture's side, on the administrator's orders: letters about an acknowledged act
 * (courrier simple, demande de pièces complémentaires, lettre d'observations, déféré), and any raw
 * @ctes message as the answer to a transaction.
 */
@Component
@SandboxEnabled
class PrefectureDesk {

    /** The letters the préfecture may send about an act, with their transaction type and flow. */
    enum Letter {
        COURRIER_SIMPLE(2, "CourrierSimple", "Courrier simple"),
        DEMANDE_PIECES_COMPLEMENTAIRES(3, "DemandePieceComplementaire", "Demande de pièces complémentaires"),
        LETTRE_OBSERVATIONS(4, "LettreObservations", "Lettre d'observations"),
        DEFERE_TA(5, "DefereTA", "Déféré au tribunal administratif");

        final int type;
        final String root;
        final String title;

        Letter(int type, String root, String title) {
            this.type = type;
            this.root = root;
            this.title = title;
        }

        static Letter ofRoot(String root) {
            for (Letter l : values()) {
                if (l.root.equals(root)) {
                    return l;
                }
            }
            return null;
        }
    }

    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final SandboxClassifications classifications;
    private final SandboxProperties properties;
    private final TransactionTemplate tx;

    PrefectureDesk(SandboxStore store, SandboxLifecycle lifecycle, SandboxClassifications classifications,
                   SandboxProperties properties, TransactionTemplate tx) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.classifications = classifications;
        this.properties = properties;
        this.tx = tx;
    }

    /** Sends a letter of the given kind about an acknowledged act; the id of the new transaction. */
    long issue(long actId, Letter letter, String text) {
        Tx act = acknowledgedAct(actId);
        LocalDate today = LocalDate.now(Names.PARIS);
        Tx draft = letterDraft(act, letter, today);
        String flow = letter.type + "-1";
        String pdfName = Names.stem(draft, flow) + "_1.pdf";
        String body = text == null || text.isBlank() ? defaultText(letter) : text.strip();
        byte[] xml = switch (letter) {
            case COURRIER_SIMPLE -> PrefectureXml.courrierSimple(act.idActe(), today, pdfName);
            case DEMANDE_PIECES_COMPLEMENTAIRES -> PrefectureXml.demandePieceComplementaire(act.idActe(), today, body,
                    pdfName);
            case LETTRE_OBSERVATIONS -> PrefectureXml.lettreObservations(act.idActe(), today, body, pdfName);
            case DEFERE_TA -> PrefectureXml.defereTA(act.idActe(), today, body, List.of(pdfName));
        };
        byte[] pdf = SandboxPdfs.text(letter.title, List.of("Préfecture (bac à sable d'Acta)", "",
                "Acte : " + act.idActe(), "Objet de l'acte : " + act.subject(), "Date : " + today, "", body));
        return insertLetter(draft, letter, List.of(
                new NewFile(Names.stem(draft, flow) + "_0.xml", null, "text/xml", xml, null),
                new NewFile(pdfName, null, "application/pdf", pdf, null)));
    }

    /** Applies a raw préfecture message to a transaction; the id of the transaction it landed on. */
    long answer(long id, byte[] xml) {
        Document doc = ActesXml.parse(xml);
        if (doc == null) {
            throw new AdminException(400, "Le message n'est pas du XML bien formé (ou déclare une DTD).", "body");
        }
        Element root = doc.getDocumentElement();
        if (!ActesXml.NS.equals(root.getNamespaceURI())) {
            throw new AdminException(400, "Le message n'est pas un message @ctes (espace de noms attendu : "
                    + ActesXml.NS + ").", "body");
        }
        String name = root.getLocalName();
        Letter letter = Letter.ofRoot(name);
        if (letter != null) {
            Tx act = acknowledgedAct(id);
            Tx draft = letterDraft(act, letter, LocalDate.now(Names.PARIS));
            List<NewFile> files = new ArrayList<>();
            files.add(new NewFile(Names.stem(draft, letter.type + "-1") + "_0.xml", null, "text/xml", xml, null));
            for (Element file : ActesXml.descendants(root, "NomFichier")) {
                String fileName = file.getTextContent().strip();
                files.add(new NewFile(fileName, null, "application/pdf", SandboxPdfs.text(letter.title,
                        List.of("Document joint au message de la préfecture.", fileName)), null));
            }
            return insertLetter(draft, letter, files);
        }
        return tx.execute(status -> {
            Tx target = store.lock(id).orElseThrow(() -> AdminException.notFound(id));
            Instant now = Instant.now();
            target = lifecycle.advance(target, now);
            long landed = target.id();
            switch (name) {
                case "ARActe", "AnomalieActe", "AnomalieEnveloppe" -> answerAct(expect(target, 1), name, root, xml, now);
                case "ARAnnulation" -> landed = answerCancel(target, root, xml, now);
                case "ARPieceComplementaire", "ARReponseRejetLettreObservations" -> {
                    Tx reply = expect(target, name.startsWith("ARPiece") ? 3 : 4);
                    settle(reply, now);
                    store.addStatus(reply.id(), 4, now, received(ActesXml.attr(root, "DateReception")), xml);
                }
                case "RetourClassification", "ReponseClassificationSansChangement" -> {
                    Tx request = expect(target, 7);
                    settle(request, now);
                    String date = ActesXml.text(root, "DateClassification");
                    if (name.equals("RetourClassification") && date != null) {
                        classifications.replace(request.siren(), xml, LocalDate.parse(date));
                    }
                    store.addStatus(request.id(), 4, now, (name.equals("RetourClassification")
                            ? "Mise à jour de la classification" : "Classification sans changement")
                            + " (date de classification: " + date + ")", xml);
                }
                default -> throw new AdminException(422, "Message @ctes non pris en charge par le bac à sable : "
                        + name + ".", "body");
            }
            return landed;
        });
    }

    private void answerAct(Tx act, String name, Element root, byte[] xml, Instant now) {
        settle(act, now);
        String ministry = properties.ministryAcronym();
        switch (name) {
            case "ARActe" -> {
                String idActe = ActesXml.attr(root, "IDActe");
                store.setUniqueId(act.id(), idActe == null || idActe.isBlank() ? act.computedIdActe() : idActe);
                store.addStatus(act.id(), 4, now, received(ActesXml.attr(root, "DateReception")), xml);
            }
            case "AnomalieActe" -> store.addStatus(act.id(), -1, now, "Anomalie signalee par le " + ministry + " : "
                    + ActesXml.text(root, "Nature") + " - " + ActesXml.text(root, "Detail"), xml);
            default -> store.addStatus(act.id(), -1, now, "Enveloppe rejetée par le " + ministry + " ("
                    + ActesXml.text(root, "Nature") + " : " + ActesXml.text(root, "Detail") + ")", xml);
        }
    }

    private long answerCancel(Tx target, Element root, byte[] xml, Instant now) {
        Tx cancel = target.type() == 1 ? pendingCancel(target) : expect(target, 6);
        settle(cancel, now);
        String message = "Annulation reçue par le " + properties.ministryAcronym() + " le "
                + date(ActesXml.attr(root, "DateReception"));
        store.addStatus(cancel.relatedId(), 0, now, message, xml);
        store.addStatus(cancel.id(), 4, now, message, xml);
        return cancel.id();
    }

    private Tx pendingCancel(Tx act) {
        return store.related(act.id()).stream().filter(r -> r.type() == 6 && r.lastStatus() > 0 && r.lastStatus() < 4)
                .findFirst().orElseThrow(() -> new AdminException(409,
                        "Aucune annulation en cours pour la transaction " + act.id() + ".", null));
    }

    /** The target must be of this type and still waiting for its answer (1 to 3). */
    private static Tx expect(Tx target, int type) {
        if (target.type() != type) {
            throw new AdminException(409, "Ce message ne répond pas à une transaction de type " + target.type() + ".",
                    "body");
        }
        if (target.lastStatus() < 1 || target.lastStatus() > 3) {
            throw new AdminException(409, "La transaction " + target.id() + " n'attend plus de réponse (état "
                    + target.lastStatus() + ").", null);
        }
        return target;
    }

    /** Stops the automatic answer and writes the steps not reached yet, dated now. */
    private void settle(Tx t, Instant now) {
        store.setOutcome(t.id(), Tx.NONE, null, null);
        if (t.lastStatus() < 2) {
            store.addStatus(t.id(), 2, now, "En attente de transmission", null);
        }
        if (t.lastStatus() < 3) {
            store.addStatus(t.id(), 3, now, "Transmis au " + properties.ministryAcronym(), null);
        }
    }

    private String received(String date) {
        return "Reçu par le " + properties.ministryAcronym() + " le " + date(date);
    }

    private static String date(String value) {
        return value == null || value.isBlank() ? LocalDate.now(Names.PARIS).toString() : value;
    }

    private Tx acknowledgedAct(long id) {
        Tx act = lifecycle.current(id).orElseThrow(() -> AdminException.notFound(id));
        if (act.type() != 1) {
            throw new AdminException(409, "La préfecture n'écrit qu'à propos d'un acte transmis (type 1).", null);
        }
        if (act.uniqueId() == null) {
            throw new AdminException(409, "L'acte n'a pas encore d'accusé de réception : la préfecture ne peut "
                    + "pas encore lui écrire.", null);
        }
        return act;
    }

    private static Tx letterDraft(Tx act, Letter letter, LocalDate today) {
        boolean needsAr = letter.type == 3 || letter.type == 4;
        return new Tx(0, act.siren(), act.department(), act.login(), letter.type, act.id(), true, act.natureCode(),
                act.number(), act.subject(), act.decisionDate(), act.classification(), act.classificationDate(), false,
                act.uniqueId(), null, false, Tx.NONE, null, null, today, Instant.now(), null, null, null,
                needsAr ? 7 : 21);
    }

    private long insertLetter(Tx draft, Letter letter, List<NewFile> files) {
        boolean needsAr = letter.type == 3 || letter.type == 4;
        return tx.execute(status -> {
            long id = store.insert(draft);
            store.addStatus(id, needsAr ? 7 : 21, draft.submittedAt(),
                    needsAr ? "Reçu par le Tdt" : "Reçu par le Tdt (pas d'AR envoyé)", null);
            store.addFiles(id, files);
            return id;
        });
    }

    private static String defaultText(Letter letter) {
        return switch (letter) {
            case COURRIER_SIMPLE -> "Nous accusons bonne réception de votre acte.";
            case DEMANDE_PIECES_COMPLEMENTAIRES -> "Merci de nous transmettre le rapport de présentation et l'avis "
                    + "de la commission compétente.";
            case LETTRE_OBSERVATIONS -> "L'acte appelle les observations suivantes : la délibération ne vise pas "
                    + "le texte qui fonde la compétence de l'assemblée.";
            case DEFERE_TA -> "Incompétence de l'auteur de l'acte.";
        };
    }
}
