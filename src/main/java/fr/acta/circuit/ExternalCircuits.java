package fr.acta.circuit;

import fr.acta.circuit.CircuitSpecs.CircuitSpec;
import fr.acta.circuit.CircuitSpecs.IparapheurSpec;
import fr.acta.common.FieldViolation;
import java.util.List;

/**
 * The rules of a circuit carried out in the i-Parapheur: its type and sous-type are required and
 * define the steps there, so it has no steps, desks or signature level in Acta; a circuit of Acta's
 * own parapheur has no i-Parapheur typology.
 */
final class ExternalCircuits {

    private static final int MAX = 255;

    private ExternalCircuits() {
    }

    /** The typology, stripped, for an external circuit; null otherwise. Problems go to {@code errors}. */
    static IparapheurSpec check(CircuitEngine engine, CircuitSpec spec, List<FieldViolation> errors) {
        IparapheurSpec typology = spec == null ? null : spec.iparapheur();
        if (engine == CircuitEngine.ACTA) {
            if (typology != null) {
                errors.add(new FieldViolation("iparapheur", "Seul un circuit exécuté dans le i-Parapheur "
                        + "(engine IPARAPHEUR) a un type et un sous-type i-Parapheur."));
            }
            return null;
        }
        String type = typology == null ? null : strip(typology.type());
        String subtype = typology == null ? null : strip(typology.subtype());
        if (type == null || type.length() > MAX) {
            errors.add(new FieldViolation("iparapheur.type",
                    "Le type i-Parapheur est obligatoire pour un circuit exécuté dans le i-Parapheur (255 caractères au plus)."));
        }
        if (subtype == null || subtype.length() > MAX) {
            errors.add(new FieldViolation("iparapheur.subtype",
                    "Le sous-type i-Parapheur est obligatoire pour un circuit exécuté dans le i-Parapheur (255 caractères au plus)."));
        }
        if (spec != null && spec.steps() != null && !spec.steps().isEmpty()) {
            errors.add(new FieldViolation("steps", "Un circuit exécuté dans le i-Parapheur n'a pas d'étapes dans Acta : "
                    + "son sous-type les définit dans le i-Parapheur."));
        }
        if (spec != null && spec.signatureLevel() != null) {
            errors.add(new FieldViolation("signatureLevel", "Le niveau de signature d'un circuit exécuté dans le "
                    + "i-Parapheur est celui de son type, pas celui d'Acta."));
        }
        return new IparapheurSpec(type, subtype);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
