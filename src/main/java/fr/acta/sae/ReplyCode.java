package fr.acta.sae;

/**
 * The {@code ReplyCode}s of the archive's {@code ArchiveTransferReply}. {@code 000} (accepted) and
 * {@code 101} (refused) are the codes As@lae clients test (Pastell: accepted when the code is
 * {@code 000}); the refusals are told apart by the code's last digits and explained in the reply's
 * {@code Comment}. Declared from the most basic fault to the most specific: when a transfer has
 * several, the reply carries the first one's code and the comment lists them all. Acta's own list
 * (decision 0018): SEDA 2.x leaves the code list to each archive.
 */
enum ReplyCode {
    ACCEPTED("000", "Transfert accepté"),
    INVALID_MANIFEST("101", "Bordereau non conforme au schéma SEDA de sa version"),
    DIGEST_ALGORITHM("205", "Algorithme d'empreinte non accepté (SHA-256, SHA-384 ou SHA-512 attendu)"),
    UNREADABLE_ATTACHMENTS("201", "Pièces jointes illisibles"),
    MISSING_ATTACHMENT("202", "Pièce jointe manquante"),
    SIZE_MISMATCH("203", "Taille non conforme"),
    DIGEST_MISMATCH("204", "Empreinte non conforme"),
    INTERNAL_ERROR("300", "Erreur interne du service d'archives");

    private final String code;
    private final String label;

    ReplyCode(String code, String label) {
        this.code = code;
        this.label = label;
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }
}
