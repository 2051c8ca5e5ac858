package fr.acta.seda;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import java.time.DateTimeException;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks a transfer request must pass before anything is written; every broken rule is named
 * with its field and a French message, all at once.
 */
final class RequestRules {

    private static final String TOKEN = "[\\p{L}\\p{N}_.:/-]+";

    private RequestRules() {
    }

    static void check(SedaTransferRequest r, SedaVersion version) {
        List<FieldViolation> v = new ArrayList<>();
        if (version == null) {
            v.add(new FieldViolation("version", "La version SEDA est obligatoire (2.1, 2.2 ou 2.3)."));
        }
        if (r == null) {
            v.add(new FieldViolation("request", "La demande de transfert est vide."));
            throw new ValidationException("Le transfert SEDA ne peut pas être construit.", v);
        }
        identifier(v, "messageIdentifier", r.messageIdentifier(), "L'identifiant du message", true);
        identifier(v, "archivalAgreement", r.archivalAgreement(), "L'accord de versement", false);
        identifier(v, "archivalAgency", r.archivalAgency(), "L'identifiant du service d'archives", true);
        identifier(v, "transferringAgency", r.transferringAgency(), "L'identifiant du service versant", true);
        if (r.originatingAgency() == null || r.originatingAgency().siren() == null
                || !r.originatingAgency().siren().matches("\\d{9}")) {
            v.add(new FieldViolation("originatingAgency.siren",
                    "Le SIREN de la collectivité (service producteur) doit compter 9 chiffres."));
        }
        if (r.originatingAgency() == null || blank(r.originatingAgency().name())) {
            v.add(new FieldViolation("originatingAgency.name", "Le nom de la collectivité est obligatoire."));
        }
        act(v, r.act());
        rules(v, r.rules());
        objects(v, r.objects());
        if (!v.isEmpty()) {
            throw new ValidationException("Le transfert SEDA ne peut pas être construit : "
                    + v.get(0).message() + (v.size() > 1 ? " (et " + (v.size() - 1) + " autre(s) erreur(s))" : ""), v);
        }
    }

    private static void act(List<FieldViolation> v, SedaTransferRequest.Act act) {
        if (act == null) {
            v.add(new FieldViolation("act", "Les métadonnées de l'acte sont obligatoires."));
            return;
        }
        if (blank(act.objet())) {
            v.add(new FieldViolation("act.objet", "L'objet de l'acte est obligatoire."));
        }
        if (!Natures.known(act.nature())) {
            v.add(new FieldViolation("act.nature", "La nature de l'acte doit être DE, AR, AI, CC, BF ou AU."));
        }
        if (blank(act.numero())) {
            v.add(new FieldViolation("act.numero", "Le numéro de l'acte est obligatoire."));
        }
        if (act.decisionDate() == null) {
            v.add(new FieldViolation("act.decisionDate", "La date de décision de l'acte est obligatoire."));
        }
        if (act.matiere() != null && !act.matiere().matches("\\d+(\\.\\d+){0,4}")) {
            v.add(new FieldViolation("act.matiere", "La matière doit être un code de la classification, comme 9.1."));
        }
        identifier(v, "act.idActe", act.idActe(), "L'IDActe", false);
        identifier(v, "act.actaId", act.actaId(), "L'identifiant Acta de l'acte", false);
    }

    private static void rules(List<FieldViolation> v, ManagementRules rules) {
        if (rules == null || rules.appraisal() == null) {
            v.add(new FieldViolation("rules.appraisal", "La règle de durée d'utilité administrative est obligatoire."));
        } else {
            ManagementRules.Appraisal a = rules.appraisal();
            if (duration(a.duration()) == null) {
                v.add(new FieldViolation("rules.appraisal.duration", "La durée d'utilité administrative « "
                        + a.duration() + " » n'est pas une durée ISO 8601 positive comme P1Y ou P10Y."));
            }
            if (a.finalAction() == null) {
                v.add(new FieldViolation("rules.appraisal.finalAction",
                        "Le sort final (conservation ou destruction) est obligatoire."));
            }
            identifier(v, "rules.appraisal.ruleId", a.ruleId(), "L'identifiant de la règle de DUA", false);
        }
        if (rules == null || rules.access() == null) {
            v.add(new FieldViolation("rules.access", "La règle de communicabilité est obligatoire."));
        } else {
            identifier(v, "rules.access.ruleId", rules.access().ruleId(),
                    "L'identifiant de la règle de communicabilité", true);
        }
    }

    private static void objects(List<FieldViolation> v, List<SedaTransferRequest.DataObject> objects) {
        if (objects.isEmpty()) {
            v.add(new FieldViolation("objects", "Le transfert doit contenir au moins un fichier : l'acte."));
            return;
        }
        long acts = objects.stream().filter(o -> o != null && o.role() == ObjectRole.SIGNED_ACT).count();
        if (acts != 1) {
            v.add(new FieldViolation("objects", "Le transfert doit contenir l'acte lui-même une fois et une seule ("
                    + acts + " trouvé(s))."));
        }
        for (int i = 0; i < objects.size(); i++) {
            SedaTransferRequest.DataObject o = objects.get(i);
            String field = "objects[" + i + "]";
            if (o == null || o.role() == null) {
                v.add(new FieldViolation(field + ".role", "Le rôle du fichier n° " + (i + 1) + " est obligatoire."));
                continue;
            }
            if (blank(o.fileName())) {
                v.add(new FieldViolation(field + ".fileName", "Le nom du fichier n° " + (i + 1) + " est obligatoire."));
            }
            if (o.content() == null || o.content().length == 0) {
                v.add(new FieldViolation(field + ".content", "Le fichier « " + o.fileName() + " » est vide."));
            }
        }
    }

    /** The DUA as an ISO-8601 period (years, months, weeks, days), not negative, or null. */
    static Period duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Period p = Period.parse(value.strip().toUpperCase(Locale.ROOT));
            return p.isNegative() ? null : p;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void identifier(List<FieldViolation> v, String field, String value, String what,
                                   boolean required) {
        if (blank(value)) {
            if (required) {
                v.add(new FieldViolation(field, what + " est obligatoire."));
            }
        } else if (!value.strip().matches(TOKEN) || value.strip().length() > 255) {
            v.add(new FieldViolation(field, what + " « " + value + " » ne doit contenir que des lettres, des chiffres "
                    + "et les signes _ . : / - (255 caractères au plus)."));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
