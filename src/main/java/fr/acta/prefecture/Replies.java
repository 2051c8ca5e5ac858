package fr.acta.prefecture;

import fr.acta.transmission.TransactionType;

/** How the history and the API name a letter and its reply, in French. */
final class Replies {

    private Replies() {
    }

    /** "au courrier simple du 12/03/2026", "à la lettre d'observations"… */
    static String toLetter(Letter letter) {
        String when = letter.letterDate() == null ? "" : " du " + LetterReception.FRENCH.format(letter.letterDate());
        return switch (letter.type()) {
            case COURRIER_SIMPLE -> "au courrier simple";
            case DEMANDE_PIECES_COMPLEMENTAIRES -> "à la demande de pièces complémentaires";
            case LETTRE_OBSERVATIONS -> "à la lettre d'observations";
            case DEFERE_TA -> "au déféré";
            default -> "au message " + letter.remoteId();
        } + when;
    }

    /** "Réponse" or "Refus", as the collectivité chose. */
    static String kind(String replyKind) {
        return Letter.REFUSAL.equals(replyKind) ? "Refus" : "Réponse";
    }

    /** The API's name of a letter's type. */
    static String typeName(Letter letter) {
        return TransactionType.of(letter.typeCode()).map(Enum::name).orElse("INCONNU");
    }
}
