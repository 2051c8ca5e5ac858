package fr.acta.simulator.prefecture;

import java.util.Map;

/** S²LOW's {@code actes_natures}: code, abbreviation, description. */
final class Natures {

    private static final Map<String, String[]> NATURES = Map.of(
            "1", new String[] {"DE", "Délibérations"},
            "2", new String[] {"AR", "Actes réglementaires"},
            "3", new String[] {"AI", "Actes individuels"},
            "4", new String[] {"CC", "Contrats et conventions"},
            "5", new String[] {"BF", "Documents budgétaires et financiers"},
            "6", new String[] {"AU", "Autres"});

    private Natures() {
    }

    static boolean known(String code) {
        return code != null && NATURES.containsKey(code.strip());
    }

    static String shortName(String code) {
        return known(code) ? NATURES.get(code.strip())[0] : "";
    }

    static String description(String code) {
        return known(code) ? NATURES.get(code.strip())[1] : null;
    }
}
