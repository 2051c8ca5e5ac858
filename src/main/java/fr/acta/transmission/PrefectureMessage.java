package fr.acta.transmission;

import java.time.LocalDate;
import java.util.List;

/**
 * A message from the préfecture (through S²LOW or in a return archive), read leniently: every field
 * the message does not carry is null (or empty), codes are kept as written, and {@link #xml()} holds
 * the text as received.
 *
 * @param kind               what the message is
 * @param rootElement        its root element's local name, as received
 * @param idActe             the act's IDActe (root attribute, or {@code InfosCourrierPref} for AR of replies)
 * @param date               the message's own date: {@code DateReception} for AR messages, {@code Date}
 *                           for anomalies, {@code DateCourrierPref} for courriers, {@code DateDepot} for a
 *                           déféré, {@code DateClassification} for classification answers
 * @param letterDate         {@code DateCourrierPref} of the préfecture letter an AR of a reply refers to
 * @param classificationDate {@code ClassificationDateVersionEnCours} (or {@code DateClassification}): the
 *                           classification the préfecture holds now
 * @param anomalyCode        the anomaly's {@code Nature}, e.g. {@code 002} or {@code 999} (any code is kept)
 * @param detail             the anomaly's {@code Detail}
 * @param motif              {@code Motif} (lettre d'observations), {@code DescriptionPieces} (demande de
 *                           pièces) or {@code NatureIllegalite} (déféré)
 * @param files              the file names the message lists ({@code NomFichier}), outside {@code ActeRecu}
 * @param acteRecu           the echo of the transmitted act in an ARActe or AnomalieActe
 * @param siren              the collectivité's SIREN in an envelope ({@code IDCL} or {@code Destinataire})
 * @param xml                the message's text, decoded, as received
 */
public record PrefectureMessage(Kind kind, String rootElement, String idActe, LocalDate date, LocalDate letterDate,
                                LocalDate classificationDate, String anomalyCode, String detail, String motif,
                                List<String> files, EchoedActe acteRecu, String siren, String xml) {

    public PrefectureMessage {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * The messages the préfecture sends, with their @ctes flow code ({@code T-F}) where one exists.
     * Codes 3-5, 4-5 and 5-1 follow TdT implementations rather than a published table.
     */
    public enum Kind {
        AR_ACTE("1-2", "ARActe", "Accusé de réception de l'acte"),
        ANOMALIE_ACTE("1-3", "AnomalieActe", "Anomalie sur l'acte"),
        ANOMALIE_ENVELOPPE(null, "AnomalieEnveloppe", "Anomalie sur l'enveloppe"),
        COURRIER_SIMPLE("2-1", "CourrierSimple", "Courrier simple"),
        DEMANDE_PIECE_COMPLEMENTAIRE("3-1", "DemandePieceComplementaire", "Demande de pièces complémentaires"),
        AR_PIECE_COMPLEMENTAIRE("3-5", "ARPieceComplementaire",
                "Accusé de réception de la réponse à la demande de pièces complémentaires"),
        LETTRE_OBSERVATIONS("4-1", "LettreObservations", "Lettre d'observations"),
        AR_REPONSE_LETTRE_OBSERVATIONS("4-5", "ARReponseRejetLettreObservations",
                "Accusé de réception de la réponse à la lettre d'observations"),
        DEFERE_TA("5-1", "DefereTA", "Déféré au tribunal administratif"),
        AR_ANNULATION("6-2", "ARAnnulation", "Accusé de réception de l'annulation"),
        RETOUR_CLASSIFICATION("7-2", "RetourClassification", "Classification des actes"),
        CLASSIFICATION_SANS_CHANGEMENT(null, "ReponseClassificationSansChangement", "Classification inchangée"),
        ENVELOPPE(null, "EnveloppeMISILLCL", "Enveloppe de la préfecture"),
        UNKNOWN(null, null, "Message non reconnu");

        private final String flux;
        private final String root;
        private final String label;

        Kind(String flux, String root, String label) {
            this.flux = flux;
            this.root = root;
            this.label = label;
        }

        /** The {@code T-F} flow code of file names, or null when none is known. */
        public String flux() {
            return flux;
        }

        /** The French label, for people. */
        public String label() {
            return label;
        }

        static Kind ofRoot(String localName) {
            for (Kind k : values()) {
                if (localName.equals(k.root)) {
                    return k;
                }
            }
            return UNKNOWN;
        }
    }

    /**
     * The act as the préfecture echoes it ({@code ActeRecu}).
     *
     * @param classification the matière path, e.g. {@code 9.1}
     * @param annexCount     {@code Annexes@Nombre}, or -1 when absent or unreadable
     */
    public record EchoedActe(LocalDate decisionDate, String number, String natureCode, String classification,
                             String subject, LocalDate classificationDate, String document, int annexCount) {
    }
}
