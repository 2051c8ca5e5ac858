package fr.acta.transmission;

import fr.acta.act.Nature;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What {@link S2lowClient} sends and receives. */
public final class S2low {

    private S2low() {
    }

    /**
     * An act to post ({@code actes_transac_create.php}); S²LOW builds the @ctes package itself.
     *
     * @param classification        the matière, e.g. {@code 3.2} (sent as {@code classif1..5})
     * @param mainDocument          the act, with its typology ({@code type_acte})
     * @param annexes               the annexes, each with its typology ({@code type_pj[]}, same order)
     * @param paperDocuments        {@code document_papier}
     * @param awaitingConfirmation  {@code en_attente}: the transaction waits (status 17) for an agent's RGS
     *                              confirmation, see {@link S2lowClient#confirmationLink}
     */
    public record ActRequest(Nature nature, String classification, String number, String subject,
                             LocalDate decisionDate, ActesFile mainDocument, List<ActesFile> annexes,
                             boolean paperDocuments, boolean awaitingConfirmation) {
        public ActRequest {
            annexes = annexes == null ? List.of() : List.copyOf(annexes);
        }
    }

    /**
     * A reply to a préfecture letter ({@code actes_transac_reponse_create.php}).
     *
     * @param relatedTransactionId the S²LOW transaction of the préfecture's letter (type 2, 3 or 4)
     * @param refusal              {@code type_envoie} 3 (refus / rejet) when true, 4 (envoi / réponse) when false
     * @param document             the reply letter, with its typology
     * @param annexes              the pieces sent, each with its typology
     */
    public record Reply(long relatedTransactionId, boolean refusal, ActesFile document, List<ActesFile> annexes) {
        public Reply {
            annexes = annexes == null ? List.of() : List.copyOf(annexes);
        }
    }

    /**
     * A transaction's status ({@code actes_transac_get_status.php}).
     *
     * @param code       the status code as S²LOW sent it
     * @param status     that code's meaning, empty for a code this version does not know
     * @param message    for status -1, S²LOW's error message (without the préfecture's XML); otherwise null
     * @param fluxRetour the document S²LOW attaches to the status (the ARActe XML for status 4, the AnomalieActe
     *                   for -1), possibly empty
     */
    public record Status(long transactionId, int code, Optional<ActesStatus> status, String message,
                         byte[] fluxRetour) {

        /** The French label of the status, or a French phrase naming an unknown code. */
        public String label() {
            return status.map(ActesStatus::label).orElse("Statut S²LOW inconnu (" + code + ")");
        }
    }

    /** One file of a transaction ({@code actes_transac_get_files_list.php}): index 0 is the XML message. */
    public record File(long id, String name, String postedFilename, String mimetype, long size, String signature) {
    }

    /** A transaction of the collectivité's list ({@code api/list_actes.php}), with the status it was listed under. */
    public record Transaction(long id, String number, String subject, LocalDate decisionDate, String natureLabel,
                              String classification, int type, int statusCode) {
    }

    /** An unread document of the préfecture ({@code api/list_document_prefecture.php}). */
    public record PrefectureDocument(long transactionId, int typeCode, Optional<TransactionType> type, String number,
                                     String idActe, long relatedTransactionId, int lastStatusCode) {
    }

    /** One exchange of a transmitted act ({@code actes_transac_get_document.php}): {@code type-status-id}. */
    public record Exchange(int typeCode, Optional<TransactionType> type, int statusCode, long transactionId) {
    }
}
