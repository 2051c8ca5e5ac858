package fr.acta.act;

import fr.acta.classification.CurrentClassification;
import fr.acta.common.FieldViolation;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The rules of the contrôle de légalité that an act's metadata must meet at intake. */
final class ActRules {

    static final Pattern NUMBER = Pattern.compile("[A-Z0-9]([A-Z0-9_]{0,13}[A-Z0-9])?");
    private static final Pattern MATIERE = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,2}){1,4}");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private ActRules() {
    }

    /**
     * Checks the metadata; violations go to {@code errors}. Returns the checked metadata when there
     * is none.
     */
    static ActMetadata.Checked check(ActMetadata m, CurrentClassification classification,
                                     Predicate<String> circuitExists, LocalDate today, List<FieldViolation> errors) {
        int before = errors.size();
        Nature nature = Nature.parse(m.nature()).orElse(null);
        if (nature == null) {
            errors.add(new FieldViolation("nature", "La nature doit être l'une de : DE, AR, AI, CC, BF, AU."));
        }
        if (m.number() == null || !NUMBER.matcher(m.number()).matches()) {
            errors.add(new FieldViolation("number", "Le numéro interne comporte de 1 à 15 caractères parmi A-Z, "
                    + "0-9 et « _ », sans « _ » au début ni à la fin."));
        }
        String subject = m.subject() == null ? "" : m.subject().strip();
        if (subject.isEmpty() || subject.length() > 499 || subject.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            errors.add(new FieldViolation("subject", "L'objet est obligatoire, sur une seule ligne, de 499 caractères au plus."));
        }
        LocalDate decisionDate = null;
        try {
            decisionDate = m.decisionDate() == null ? null : LocalDate.parse(m.decisionDate());
        } catch (DateTimeParseException e) {
            decisionDate = null;
        }
        if (decisionDate == null) {
            errors.add(new FieldViolation("decisionDate", "La date de décision est obligatoire, au format AAAA-MM-JJ."));
        } else if (decisionDate.isAfter(today)) {
            errors.add(new FieldViolation("decisionDate", "La date de décision ne peut pas être dans le futur."));
        } else if (decisionDate.getYear() < 1900) {
            errors.add(new FieldViolation("decisionDate", "La date de décision est invalide."));
        }
        if (m.matiere() == null || !MATIERE.matcher(m.matiere()).matches()) {
            errors.add(new FieldViolation("matiere", "La matière s'écrit avec au moins 2 niveaux (ex. 5.2)."));
        } else if (classification != null && !classification.hasMatiere(m.matiere())) {
            errors.add(new FieldViolation("matiere", "La matière " + m.matiere()
                    + " n'existe pas dans la classification en vigueur."));
        }
        List<String> annexTypes = m.annexTypes() == null ? List.of() : m.annexTypes();
        if (nature != null && classification != null) {
            if (classification.nature(nature.name()).isEmpty()) {
                errors.add(new FieldViolation("nature", "La nature " + nature.name()
                        + " n'est pas ouverte par la préfecture dans la classification en vigueur."));
            } else {
                if (m.mainDocumentType() == null || !classification.allowsTypology(nature.name(), m.mainDocumentType())) {
                    errors.add(new FieldViolation("mainDocumentType", "La typologie « " + m.mainDocumentType()
                            + " » n'est pas autorisée pour la nature " + nature.name() + "."));
                }
                for (int i = 0; i < annexTypes.size(); i++) {
                    if (!classification.allowsTypology(nature.name(), annexTypes.get(i))) {
                        errors.add(new FieldViolation("annexTypes[" + i + "]", "La typologie « " + annexTypes.get(i)
                                + " » n'est pas autorisée pour la nature " + nature.name() + "."));
                    }
                }
            }
        }
        if (m.circuit() == null || !circuitExists.test(m.circuit())) {
            errors.add(new FieldViolation("circuit", "Le circuit « " + m.circuit() + " » n'existe pas dans la collectivité."));
        }
        if (m.legalityControl() == null) {
            errors.add(new FieldViolation("legalityControl",
                    "Indiquez si l'acte est soumis au contrôle de légalité (true ou false)."));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ActMetadata.Checked(nature, m.number(), subject, decisionDate, m.matiere(), m.mainDocumentType(),
                List.copyOf(annexTypes), m.circuit(), m.legalityControl());
    }

    /** {@code {DEPT}-{SIREN}-{YYYYMMDD}-{NUMINTERNE}-{NAT}}, as the préfecture will return it. */
    static String idActe(String departement, String siren, LocalDate decisionDate, String number, Nature nature) {
        return departement + "-" + siren + "-" + COMPACT.format(decisionDate) + "-" + number + "-" + nature.name();
    }
}
