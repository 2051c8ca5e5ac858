package fr.acta.transmission;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The multipart forms of S²LOW's upload scripts, checked against S²LOW's own rules first. */
final class S2lowUploads {

    /** {@code actes_transac_create.php}. */
    MultiValueMap<String, Object> act(S2low.ActRequest act) {
        List<FieldViolation> errors = new ArrayList<>();
        if (act.nature() == null) {
            errors.add(new FieldViolation("nature", "La nature de l'acte est obligatoire."));
        }
        if (act.number() == null || !PackageRules.NUMBER.matcher(act.number()).matches()) {
            errors.add(new FieldViolation("number", "Le numéro interne comporte de 1 à 15 caractères parmi A-Z, "
                    + "0-9 et « _ », sans « _ » au début ni à la fin."));
        }
        String subject = act.subject() == null ? "" : act.subject().strip();
        if (subject.isEmpty() || subject.length() > PackageRules.MAX_SUBJECT || subject.contains("\n") || subject.contains("\r")) {
            errors.add(new FieldViolation("subject", "L'objet est obligatoire, sur une seule ligne, de 499 caractères au plus."));
        }
        if (act.classification() == null || !PackageRules.MATIERE.matcher(act.classification()).matches()) {
            errors.add(new FieldViolation("classification", "La matière s'écrit avec 2 à 5 niveaux (ex. 9.1 ou 1.2.3)."));
        }
        if (act.decisionDate() == null) {
            errors.add(new FieldViolation("decisionDate", "La date de décision est obligatoire."));
        }
        checkFile("mainDocument", act.mainDocument(), errors);
        for (int i = 0; i < act.annexes().size(); i++) {
            checkFile("annexes[" + i + "]", act.annexes().get(i), errors);
        }
        fail(errors);

        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("api", "1");
        form.add("nature_code", act.nature().code());
        String[] levels = act.classification().split("\\.");
        for (int i = 0; i < levels.length; i++) {
            form.add("classif" + (i + 1), String.valueOf(Integer.parseInt(levels[i])));
        }
        form.add("number", act.number());
        form.add("subject", subject);
        form.add("decision_date", act.decisionDate().toString());
        form.add("document_papier", act.paperDocuments() ? "1" : "0");
        form.add("en_attente", act.awaitingConfirmation() ? "1" : "0");
        form.add("type_acte", act.mainDocument().codeTypePj());
        form.add("acte_pdf_file", part(act.mainDocument()));
        for (ActesFile annex : act.annexes()) {
            form.add("acte_attachments[]", part(annex));
            form.add("type_pj[]", annex.codeTypePj());
        }
        return form;
    }

    /** {@code actes_transac_reponse_create.php}. */
    MultiValueMap<String, Object> reply(S2low.Reply reply) {
        List<FieldViolation> errors = new ArrayList<>();
        if (reply.relatedTransactionId() <= 0) {
            errors.add(new FieldViolation("relatedTransactionId", "La transaction du courrier de la préfecture est obligatoire."));
        }
        checkFile("document", reply.document(), errors);
        for (int i = 0; i < reply.annexes().size(); i++) {
            checkFile("annexes[" + i + "]", reply.annexes().get(i), errors);
        }
        fail(errors);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("api", "1");
        form.add("id", String.valueOf(reply.relatedTransactionId()));
        form.add("type_envoie", reply.refusal() ? "3" : "4");
        form.add("type_acte", reply.document().codeTypePj());
        form.add("acte_pdf_file", part(reply.document()));
        for (ActesFile annex : reply.annexes()) {
            form.add("acte_attachments[]", part(annex));
            form.add("type_pj[]", annex.codeTypePj());
        }
        return form;
    }

    private static void checkFile(String field, ActesFile f, List<FieldViolation> errors) {
        if (f == null) {
            errors.add(new FieldViolation(field, "Le fichier est obligatoire."));
            return;
        }
        if (f.codeTypePj() == null || !PackageRules.CODE_TYPE_PJ.matcher(f.codeTypePj()).matches()) {
            errors.add(new FieldViolation(field + ".codeTypePj", "La typologie de la pièce s'écrit comme 99_DE."));
        }
        if (f.extension() == null || !PackageRules.EXTENSIONS.contains(f.extension())) {
            errors.add(new FieldViolation(field + ".fileName", "Format refusé par @ctes pour « " + f.fileName()
                    + " » : PDF, JPG, PNG ou XML seulement."));
        }
        if (f.content() == null || f.content().length == 0) {
            errors.add(new FieldViolation(field + ".content", "Le fichier « " + f.fileName() + " » est vide."));
        }
    }

    private static void fail(List<FieldViolation> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException("Envoi à S²LOW impossible : " + errors.get(0).message(), errors);
        }
    }

    private static HttpEntity<ByteArrayResource> part(ActesFile file) {
        String name = safeName(file.fileName());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(switch (file.extension()) {
            case "pdf" -> MediaType.APPLICATION_PDF;
            case "jpg" -> MediaType.IMAGE_JPEG;
            case "png" -> MediaType.IMAGE_PNG;
            case "xml" -> MediaType.APPLICATION_XML;
            default -> MediaType.APPLICATION_OCTET_STREAM;
        });
        return new HttpEntity<>(new ByteArrayResource(file.content()) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    /** ASCII letters, digits, dot, dash and underscore only (accents dropped), as Pastell sends them. */
    static String safeName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isBlank() ? "document" : safe;
    }
}
