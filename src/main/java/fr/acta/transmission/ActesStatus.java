package fr.acta.transmission;

import java.util.Arrays;
import java.util.Optional;

/** The status of an @ctes transaction on S²LOW (its {@code actes_status} table), with its French label. */
public enum ActesStatus {
    ERREUR(-1, "Erreur"),
    ANNULE(0, "Annulé"),
    POSTE(1, "Posté"),
    EN_ATTENTE_DE_TRANSMISSION(2, "En attente de transmission"),
    TRANSMIS(3, "Transmis"),
    ACQUITTEMENT_RECU(4, "Acquittement reçu"),
    VALIDE(5, "Validé"),
    REFUSE(6, "Refusé"),
    DOCUMENT_RECU(7, "Document reçu"),
    ACQUITTEMENT_ENVOYE(8, "Acquittement envoyé"),
    DOCUMENT_ENVOYE(9, "Document envoyé"),
    REFUS_D_ENVOI(10, "Refus d'envoi"),
    ACQUITTEMENT_DE_DOCUMENT_RECU(11, "Acquittement de document reçu"),
    ENVOYE_AU_SAE(12, "Envoyé au SAE"),
    ARCHIVE_PAR_LE_SAE(13, "Archivé par le SAE"),
    ERREUR_LORS_DE_L_ARCHIVAGE(14, "Erreur lors de l'archivage"),
    RECU_PAR_LE_SAE(15, "Reçu par le SAE"),
    DETRUITE(16, "Détruite"),
    EN_ATTENTE_D_ETRE_POSTEE(17, "En attente d'être postée"),
    EN_ATTENTE_D_ETRE_SIGNE(18, "En attente d'être signé"),
    EN_ATTENTE_DE_TRANSMISSION_AU_SAE(19, "En attente de transmission au SAE"),
    ERREUR_LORS_DE_L_ENVOI_AU_SAE(20, "Erreur lors de l'envoi au SAE"),
    DOCUMENT_RECU_SANS_AR(21, "Document reçu (pas d'AR)"),
    IMPOSSIBLE_D_ENVOYER_AU_SAE(22, "Impossible d'envoyer au SAE (documents indisponibles)");

    private final int code;
    private final String label;

    ActesStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The label S²LOW shows, in French. */
    public String label() {
        return label;
    }

    public static Optional<ActesStatus> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    /** The préfecture acknowledged the act (ARActe available): the act is exécutoire and may be cancelled. */
    public boolean acknowledged() {
        return this == ACQUITTEMENT_RECU;
    }

    /** The transaction waits for an agent's RGS confirmation before S²LOW posts it. */
    public boolean awaitingConfirmation() {
        return this == EN_ATTENTE_D_ETRE_POSTEE;
    }

    /** Still on its way to the préfecture: keep polling. */
    public boolean inFlight() {
        return this == POSTE || this == EN_ATTENTE_DE_TRANSMISSION || this == TRANSMIS
                || this == EN_ATTENTE_D_ETRE_POSTEE || this == EN_ATTENTE_D_ETRE_SIGNE;
    }
}
