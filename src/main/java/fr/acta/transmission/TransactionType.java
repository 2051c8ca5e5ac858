package fr.acta.transmission;

import java.util.Arrays;
import java.util.Optional;

/** The types of @ctes transactions on S²LOW, with their French labels. */
public enum TransactionType {
    TRANSMISSION(1, "Transmission d'acte"),
    COURRIER_SIMPLE(2, "Courrier simple"),
    DEMANDE_PIECES_COMPLEMENTAIRES(3, "Demande de pièces complémentaires"),
    LETTRE_OBSERVATIONS(4, "Lettre d'observations"),
    DEFERE_TA(5, "Déféré au tribunal administratif"),
    ANNULATION(6, "Annulation"),
    DEMANDE_CLASSIFICATION(7, "Demande de classification");

    private final int code;
    private final String label;

    TransactionType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<TransactionType> of(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
