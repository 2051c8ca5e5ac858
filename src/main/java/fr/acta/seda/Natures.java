package fr.acta.seda;

import java.util.Map;

/** The @ctes natures, by their two-letter code, with the French name written as {@code DocumentType}. */
final class Natures {

    private static final Map<String, String> LABELS = Map.of(
            "DE", "Délibération",
            "AR", "Arrêté réglementaire",
            "AI", "Arrêté individuel",
            "CC", "Contrat, convention ou avenant",
            "BF", "Document budgétaire ou financier",
            "AU", "Autre acte");

    private Natures() {
    }

    static boolean known(String code) {
        return code != null && LABELS.containsKey(code);
    }

    static String label(String code) {
        return LABELS.get(code);
    }
}
