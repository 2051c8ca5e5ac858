package fr.acta.transmission;

import fr.acta.act.Nature;
import fr.acta.common.FieldViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The @ctes rules a package request must meet; every broken rule names its field in French. */
final class PackageRules {

    static final Pattern SIREN = Pattern.compile("[0-9]{9}");
    static final Pattern DEPARTEMENT = Pattern.compile("[09][0-9][AB0-9]");
    static final Pattern NUMBER = Pattern.compile("[A-Z0-9]([A-Z0-9_]{0,13}[A-Z0-9])?");
    static final Pattern MATIERE = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,2}){1,4}");
    static final Pattern CODE_TYPE_PJ = Pattern.compile("[0-9]{2}_[A-Z]{2}");
    static final Pattern ID_ACTE = Pattern.compile("[09][0-9][AB0-9]-[0-9]{9}-[0-9]{8}-[a-zA-Z0-9_]{1,15}-[A-Z]{2}");
    /** The ACTES schema's e-mail pattern. */
    static final Pattern EMAIL = Pattern.compile(
            "[_a-zA-Z0-9\\-]+(\\.[_a-zA-Z0-9\\-]+)*@[a-zA-Z0-9\\-]+(\\.[a-zA-Z0-9\\-]+)*\\.[a-zA-Z]{2,6}");
    static final Set<String> EXTENSIONS = Set.of("pdf", "jpg", "png", "xml");
    /** Acte and annexes together (the limit Pastell states for the ministry). */
    static final long MAX_TOTAL_BYTES = 150L * 1024 * 1024;
    static final int MAX_SUBJECT = 499;

    private PackageRules() {
    }

    static List<FieldViolation> check(ActesPackageRequest r, LocalDate sendingDate) {
        List<FieldViolation> errors = new ArrayList<>();
        if (r.siren() == null || !SIREN.matcher(r.siren()).matches()) {
            errors.add(new FieldViolation("siren", "Le SIREN comporte exactement 9 chiffres."));
        }
        if (r.departement() == null || !DEPARTEMENT.matcher(r.departement()).matches()) {
            errors.add(new FieldViolation("departement",
                    "Le département s'écrit sur 3 caractères (ex. 069, 02A, 974)."));
        }
        if (r.arrondissement() == null || !r.arrondissement().matches("[0-9]")) {
            errors.add(new FieldViolation("arrondissement", "L'arrondissement est un chiffre."));
        }
        if (r.nature() == null) {
            errors.add(new FieldViolation("nature", "La nature de l'acte est obligatoire."));
        }
        if (r.number() == null || !NUMBER.matcher(r.number()).matches()) {
            errors.add(new FieldViolation("number", "Le numéro interne comporte de 1 à 15 caractères parmi A-Z, "
                    + "0-9 et « _ », sans « _ » au début ni à la fin."));
        }
        if (r.decisionDate() == null) {
            errors.add(new FieldViolation("decisionDate", "La date de décision est obligatoire."));
        } else if (r.decisionDate().isAfter(sendingDate)) {
            errors.add(new FieldViolation("decisionDate", "La date de décision ne peut pas être dans le futur."));
        }
        String subject = r.subject() == null ? "" : r.subject().strip();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT || subject.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            errors.add(new FieldViolation("subject", "L'objet est obligatoire, sur une seule ligne, de 499 caractères au plus."));
        }
        if (r.classification() == null || !MATIERE.matcher(r.classification()).matches()) {
            errors.add(new FieldViolation("classification", "La matière s'écrit avec 2 à 5 niveaux (ex. 9.1 ou 1.2.3)."));
        }
        if (r.classificationDate() == null) {
            errors.add(new FieldViolation("classificationDate", "La date de la classification utilisée est obligatoire."));
        }
        if (r.previousIdActe() != null && !ID_ACTE.matcher(r.previousIdActe()).matches()) {
            errors.add(new FieldViolation("previousIdActe", "L'identifiant de l'acte précédent n'est pas un IDActe valide."));
        }
        checkDocuments(r, errors);
        checkSender(r.sender(), errors);
        return errors;
    }

    private static void checkDocuments(ActesPackageRequest r, List<FieldViolation> errors) {
        long total = 0;
        if (r.mainDocument() == null) {
            errors.add(new FieldViolation("mainDocument", "Le document de l'acte est obligatoire."));
        } else {
            checkFile("mainDocument", r.mainDocument(), r.nature() == Nature.BF, errors);
            total += length(r.mainDocument());
        }
        for (int i = 0; i < r.annexes().size(); i++) {
            ActesFile annex = r.annexes().get(i);
            if (annex == null) {
                errors.add(new FieldViolation("annexes[" + i + "]", "Annexe absente."));
                continue;
            }
            checkFile("annexes[" + i + "]", annex, true, errors);
            total += length(annex);
        }
        if (total > MAX_TOTAL_BYTES) {
            errors.add(new FieldViolation("annexes", "L'acte et ses annexes dépassent ensemble 150 Mo."));
        }
    }

    private static void checkFile(String field, ActesFile f, boolean xmlAllowed, List<FieldViolation> errors) {
        if (f.codeTypePj() == null || !CODE_TYPE_PJ.matcher(f.codeTypePj()).matches()) {
            errors.add(new FieldViolation(field + ".codeTypePj",
                    "La typologie de la pièce s'écrit comme 99_DE (2 chiffres, « _ », 2 lettres majuscules)."));
        }
        String ext = f.extension();
        if (ext == null || !EXTENSIONS.contains(ext) || (ext.equals("xml") && !xmlAllowed)) {
            errors.add(new FieldViolation(field + ".fileName", "Format refusé par @ctes pour « " + f.fileName()
                    + " » : PDF, JPG ou PNG" + (xmlAllowed ? ", ou XML" : "") + " seulement."));
            return;
        }
        if (f.content() == null || f.content().length == 0) {
            errors.add(new FieldViolation(field + ".content", "Le fichier « " + f.fileName() + " » est vide."));
        } else if (!Sniff.matches(ext, f.content())) {
            errors.add(new FieldViolation(field + ".content", "Le contenu de « " + f.fileName()
                    + " » n'est pas un fichier " + ext.toUpperCase(java.util.Locale.ROOT) + "."));
        }
    }

    private static void checkSender(ActesSender s, List<FieldViolation> errors) {
        if (s == null) {
            errors.add(new FieldViolation("sender", "Les informations d'émetteur de l'enveloppe sont obligatoires."));
            return;
        }
        if (s.collectiviteNature() == null || !s.collectiviteNature().matches("[0-9]{2}")) {
            errors.add(new FieldViolation("sender.collectiviteNature",
                    "Le code nature de la collectivité comporte 2 chiffres (ex. 31 pour une commune)."));
        }
        if (s.returnEmails().isEmpty()) {
            errors.add(new FieldViolation("sender.returnEmails",
                    "Au moins une adresse de retour est nécessaire pour les réponses de la préfecture."));
        }
        for (int i = 0; i < s.returnEmails().size(); i++) {
            String email = s.returnEmails().get(i);
            if (email == null || !EMAIL.matcher(email).matches()) {
                errors.add(new FieldViolation("sender.returnEmails[" + i + "]", "Adresse de retour invalide : " + email));
            }
        }
        if (ActesSender.present(s.referentEmail()) && !EMAIL.matcher(s.referentEmail().strip()).matches()) {
            errors.add(new FieldViolation("sender.referentEmail", "Adresse du référent invalide : " + s.referentEmail()));
        }
    }

    private static long length(ActesFile f) {
        return f.content() == null ? 0 : f.content().length;
    }

    /** Magic numbers of the formats @ctes accepts. */
    static final class Sniff {
        private Sniff() {
        }

        static boolean matches(String ext, byte[] b) {
            return switch (ext) {
                case "pdf" -> indexOf(b, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1024) >= 0;
                case "png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
                case "jpg" -> b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
                case "xml" -> firstSignificant(b) == '<';
                default -> false;
            };
        }

        private static int firstSignificant(byte[] b) {
            int i = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
            while (i < b.length && Character.isWhitespace(b[i])) {
                i++;
            }
            return i < b.length ? b[i] : -1;
        }

        private static int indexOf(byte[] data, byte[] needle, int within) {
            int end = Math.min(data.length - needle.length, within);
            outer:
            for (int i = 0; i <= end; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
