package fr.acta.simulator.prefecture;

import java.time.LocalDate;
import java.util.List;

/** The @ctes messages of the sandbox, as the ministry's application and S²LOW write them (ACTES v1.1). */
final class PrefectureXml {

    private PrefectureXml() {
    }

    /** The act's métier message (flow 1-1), as S²LOW generates it from the posted form. */
    static byte[] acte(Tx tx, String document, List<String> annexes) {
        ActesXml.Writer w = new ActesXml.Writer("Acte");
        acteContent(w, tx, document, annexes);
        return w.bytes();
    }

    /** ARActe (flow 1-2): IDActe, DateReception, the received act echoed, the classification in force. */
    static byte[] arActe(Tx tx, String document, List<String> annexes, LocalDate received, LocalDate announced) {
        ActesXml.Writer w = new ActesXml.Writer("ARActe").attr("IDActe", tx.computedIdActe())
                .attr("DateReception", received.toString());
        w.start("ActeRecu");
        acteContent(w, tx, document, annexes);
        return w.end().element("ClassificationDateVersionEnCours", announced.toString()).bytes();
    }

    /** AnomalieActe (flow 1-3). */
    static byte[] anomalieActe(Tx tx, String document, List<String> annexes, LocalDate date, String nature,
                               String detail, LocalDate announced) {
        ActesXml.Writer w = new ActesXml.Writer("AnomalieActe").element("Date", date.toString())
                .element("Nature", nature).element("Detail", detail);
        w.start("ActeRecu");
        acteContent(w, tx, document, annexes);
        return w.end().element("ClassificationDateVersionEnCours", announced.toString()).bytes();
    }

    /** Annulation (flow 6-1), sent by the collectivité. */
    static byte[] annulation(String idActe) {
        return new ActesXml.Writer("Annulation").attr("IDActe", idActe).bytes();
    }

    /** ARAnnulation (flow 6-2). */
    static byte[] arAnnulation(String idActe, LocalDate received) {
        return new ActesXml.Writer("ARAnnulation").attr("IDActe", idActe).attr("DateReception", received.toString())
                .bytes();
    }

    /** DemandeClassification (flow 7-1), with the date of the classification held. */
    static byte[] demandeClassification(LocalDate held) {
        ActesXml.Writer w = new ActesXml.Writer("DemandeClassification");
        if (held != null) {
            w.element("DateClassification", held.toString());
        }
        return w.bytes();
    }

    /** CourrierSimple (flow 2-1). */
    static byte[] courrierSimple(String idActe, LocalDate date, String document) {
        return new ActesXml.Writer("CourrierSimple").attr("IDActe", idActe).attr("DateCourrierPref", date.toString())
                .file("Document", document).bytes();
    }

    /** DemandePieceComplementaire (flow 3-1). */
    static byte[] demandePieceComplementaire(String idActe, LocalDate date, String description, String document) {
        return new ActesXml.Writer("DemandePieceComplementaire").attr("IDActe", idActe)
                .attr("DateCourrierPref", date.toString()).element("DescriptionPieces", description)
                .file("Document", document).bytes();
    }

    /** LettreObservations (flow 4-1). */
    static byte[] lettreObservations(String idActe, LocalDate date, String motif, String document) {
        return new ActesXml.Writer("LettreObservations").attr("IDActe", idActe)
                .attr("DateCourrierPref", date.toString()).element("Motif", motif).file("Document", document).bytes();
    }

    /** DefereTA (flow 5-1). */
    static byte[] defereTA(String idActe, LocalDate depot, String natureIllegalite, List<String> pieces) {
        ActesXml.Writer w = new ActesXml.Writer("DefereTA").attr("IDActe", idActe)
                .element("DateDepot", depot.toString()).element("NatureIllegalite", natureIllegalite)
                .start("PiecesJointes");
        pieces.forEach(p -> w.file("PieceJointe", p));
        return w.end().bytes();
    }

    /**
     * The collectivité's answer to a préfecture letter: ReponseCourrierSimple, RefusPieceComplementaire,
     * PieceComplementaire (its documents in {@code Documents}), RejetLettreObservations or
     * ReponseLettreObservations.
     */
    static byte[] reply(String root, String idActe, LocalDate dateCourrierPref, List<String> documents) {
        ActesXml.Writer w = new ActesXml.Writer(root).attr("IDActe", idActe)
                .attr("DateCourrierPref", dateCourrierPref.toString());
        if (root.equals("PieceComplementaire")) {
            w.start("Documents");
            documents.forEach(d -> w.file("Document", d));
            w.end();
        } else {
            w.file("Document", documents.get(0));
        }
        return w.bytes();
    }

    /** ARPieceComplementaire (3-5) or ARReponseRejetLettreObservations (4-5). */
    static byte[] arReply(String root, LocalDate received, String idActe, LocalDate dateCourrierPref) {
        return new ActesXml.Writer(root).attr("DateReception", received.toString()).start("InfosCourrierPref")
                .attr("IDActe", idActe).attr("DateCourrierPref", dateCourrierPref.toString()).end().bytes();
    }

    private static void acteContent(ActesXml.Writer w, Tx tx, String document, List<String> annexes) {
        w.attr("Date", tx.decisionDate().toString()).attr("NumeroInterne", tx.number())
                .attr("CodeNatureActe", tx.natureCode());
        String[] codes = tx.classification() == null ? new String[0] : tx.classification().split("\\.");
        for (int i = 0; i < codes.length && i < 5; i++) {
            w.empty("CodeMatiere" + (i + 1), "CodeMatiere", codes[i]);
        }
        w.element("Objet", tx.subject());
        w.element("ClassificationDateVersion", tx.classificationDate() == null ? "" : tx.classificationDate().toString());
        w.file("Document", document);
        w.start("Annexes").attr("Nombre", String.valueOf(annexes.size()));
        annexes.forEach(a -> w.file("Annexe", a));
        w.end();
        w.element("DocumentPapier", tx.documentPapier() ? "O" : "N");
    }
}
