package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.S2lowText.Ko;
import fr.acta.simulator.prefecture.SandboxProperties.Account;
import fr.acta.simulator.prefecture.SandboxStore.NewFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code actes_transac_create.php}: S²LOW's checks in S²LOW's order, with its messages, then the
 * transaction, its workflow's first row and its files (XML message built here) in one database
 * transaction: all or nothing.
 */
@Component
@SandboxEnabled
class ActeIntake {

    static final Pattern NUMBER = Pattern.compile("^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$");
    private static final Pattern CODE_PJ = Pattern.compile("^[A-Z0-9_]{5}$");
    private static final Pattern CODE = Pattern.compile("^[0-9]+$");

    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final SandboxSettings settings;
    private final SandboxClassifications classifications;
    private final SandboxProperties properties;
    private final TransactionTemplate tx;

    ActeIntake(SandboxStore store, SandboxLifecycle lifecycle, SandboxSettings settings,
               SandboxClassifications classifications, SandboxProperties properties, TransactionTemplate tx) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.classifications = classifications;
        this.properties = properties;
        this.tx = tx;
    }

    /** A checked file: its bytes, type and typology. */
    record Checked(MultipartFile part, byte[] content, String mime, String extension, String codePj) {
    }

    long create(Account account, PostedForm form) {
        if (form.fileCount() > properties.maxFileUploads()) {
            throw new Ko("Le nombre d'annexes est trop important (max : " + properties.maxFileUploads() + ")");
        }
        String number = form.text("number");
        if (!NUMBER.matcher(number).matches()) {
            throw new Ko("Le numéro n'est pas correct");
        }
        LocalDate decisionDate = date(form.text("decision_date"));
        if (decisionDate != null && decisionDate.isAfter(LocalDate.now(Names.PARIS))) {
            throw new Ko("La date de décision est une date dans le futur");
        }
        if (store.numberExists(account.siren(), number)) {
            throw new Ko("Un acte portant le même numéro interne existe déjà dans la base de données.\n"
                    + "Il faut peut-être ajouter un suffixe au numéro.");
        }
        MultipartFile actePart = form.file("acte_pdf_file");
        if (actePart == null) {
            throw new Ko("Aucun fichier acte n'a été posté ");
        }
        String typeActe = form.text("type_acte");
        if (typeActe.isEmpty()) {
            throw new Ko("Erreur lors de la réception du fichier " + actePart.getOriginalFilename()
                    + " : typologie absente");
        }
        String natureCode = form.text("nature_code");
        String[] classif = new String[5];
        for (int i = 0; i < 5; i++) {
            classif[i] = form.text("classif" + (i + 1));
        }
        StringBuilder errors = new StringBuilder();
        Checked acte = read(actePart, typeActe);
        String acteError = checkActe(acte, natureCode, classif);
        if (acteError != null) {
            errors.append("Erreur de validation du fichier de l'acte :\n").append(acteError).append('\n');
        }
        List<MultipartFile> annexParts = form.files("acte_attachments");
        List<String> typesPj = form.list("type_pj");
        List<Checked> annexes = new ArrayList<>();
        for (int i = 0; i < annexParts.size(); i++) {
            MultipartFile part = annexParts.get(i);
            String codePj = i < typesPj.size() ? typesPj.get(i).strip() : "";
            if (codePj.isEmpty()) {
                throw new Ko("Erreur lors de la réception du fichier annexe " + part.getOriginalFilename()
                        + " : typologie absente");
            }
            Checked annex = read(part, codePj);
            String annexError = checkAnnex(annex, acte);
            if (annexError != null) {
                errors.append("Erreur de validation d'un fichier de pièce jointe :\n").append(annexError).append('\n');
            }
            annexes.add(annex);
        }
        if (!errors.isEmpty()) {
            throw new Ko(errors.toString());
        }
        long total = acte.content().length + annexes.stream().mapToLong(a -> a.content().length).sum();
        if (total > properties.maxArchiveSize().toBytes()) {
            throw new Ko("La taille totale des fichiers est trop importante (max : " + properties.maxArchiveSize().toBytes()
                    + ")");
        }
        String classification = classification(classif);
        String subject = form.text("subject");
        StringBuilder invalid = new StringBuilder();
        if (natureCode.isEmpty()) {
            invalid.append("Nature de l'acte doit être présent.\n");
        }
        if (!Natures.known(natureCode)) {
            invalid.append("Description nature de l'acte doit être présent.\n");
        }
        if (subject.isEmpty()) {
            invalid.append("Objet de l'acte doit être présent.\n");
        } else if (subject.length() > 499) {
            invalid.append("Le champ Objet de l'acte est trop long (499 caractères maxi autorisés).\n");
        }
        if (decisionDate == null) {
            invalid.append("Date de la décision doit être présent.\n");
        }
        if (!invalid.isEmpty()) {
            throw new Ko("Erreur lors de l'enregistrement de la transaction :\n" + invalid);
        }
        Instant now = Instant.now();
        boolean waiting = form.flag("en_attente");
        SandboxLifecycle.Plan plan = waiting ? new SandboxLifecycle.Plan(null, null, null) : lifecycle.plan(now);
        Tx draft = new Tx(0, account.siren(), account.department(), account.login(), 1, null, false, natureCode,
                number, subject, decisionDate, classification, classifications.served(account.siren()).date(),
                form.flag("document_papier"), null, null, false, Tx.ACK, null, null, null, now, plan.waitingAt(),
                plan.sentAt(), plan.answerAt(), waiting ? 17 : 1);
        List<NewFile> files = files(draft, acte, annexes);
        try {
            return tx.execute(status -> {
                long id = store.insert(draft);
                settings.takeNextAnomaly().ifPresent(a -> store.setOutcome(id, Tx.ANOMALY, a.nature(), a.detail()));
                store.addStatus(id, waiting ? 17 : 1, now, waiting ? "Dépôt dans un état d'attente" : "Dépôt initial",
                        null);
                store.addFiles(id, files);
                return id;
            });
        } catch (DuplicateKeyException e) {
            throw new Ko("Erreur lors de l'enregistrement de la transaction :\n"
                    + "Une transaction avec le même numéro existe déjà dans la base.");
        }
    }

    /** File 0 the act's XML message, 1 the act, 2+ the annexes, named as S²LOW names them. */
    static List<NewFile> files(Tx tx, Checked acte, List<Checked> annexes) {
        List<NewFile> documents = new ArrayList<>();
        documents.add(new NewFile(Names.document(tx, "1-1", acte.codePj(), 1, acte.extension()),
                acte.part().getOriginalFilename(), acte.mime(), acte.content(), acte.codePj()));
        for (int i = 0; i < annexes.size(); i++) {
            Checked a = annexes.get(i);
            String extension = a.extension().isEmpty() ? extensionOf(a.part().getOriginalFilename()) : a.extension();
            documents.add(new NewFile(Names.document(tx, "1-1", a.codePj(), i + 2, extension),
                    a.part().getOriginalFilename(), a.mime(), a.content(), a.codePj()));
        }
        byte[] xml = PrefectureXml.acte(tx, documents.get(0).name(),
                documents.stream().skip(1).map(NewFile::name).toList());
        List<NewFile> all = new ArrayList<>();
        all.add(new NewFile(Names.xml(tx, "1-1"), null, "text/xml", xml, null));
        all.addAll(documents);
        return all;
    }

    static Checked read(MultipartFile part, String codePj) {
        try {
            byte[] content = part.getBytes();
            String mime = FileTypes.mime(content);
            return new Checked(part, content, mime, FileTypes.extension(mime), codePj);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkActe(Checked acte, String natureCode, String[] classif) {
        String name = acte.part().getOriginalFilename();
        if (!acte.extension().equals("pdf") && !acte.extension().equals("xml")) {
            return "Le fichier de l'acte \" " + name + " \" est de type \" " + acte.mime()
                    + " \". Fichier PDF ou XML requis.";
        }
        if (acte.extension().equals("xml")) {
            if (!natureCode.equals("5")) {
                return "Seuls les documents budgétaires et financiers peuvent être au format XML.";
            }
            if (!classif[0].equals("7") || !classif[1].equals("1")) {
                return "Seule la classification 7.1 est autorisée pour la transmission au format XML";
            }
        }
        return codePj(acte.codePj());
    }

    private static String checkAnnex(Checked annex, Checked acte) {
        if (annex.extension().isEmpty()) {
            return "Le fichier attaché \" " + annex.part().getOriginalFilename() + " \" est de type \" " + annex.mime()
                    + " \". Fichier PDF, XML, PNG ou JPEG requis.";
        }
        if (acte.extension().equals("xml") && !annex.extension().equals("pdf")) {
            return "Les pièces jointes doivent être au format PDF avec un acte au format XML";
        }
        return codePj(annex.codePj());
    }

    static String codePj(String codePj) {
        return CODE_PJ.matcher(codePj).matches() ? null : "Le code de la PJ doit faire 5 caractères";
    }

    /** "3.2.1" from classif1..5, or a KO when one of the first two levels is missing. */
    private static String classification(String[] classif) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            boolean present = CODE.matcher(classif[i]).matches() && !classif[i].equals("0");
            if (!present) {
                if (i < 2) {
                    throw new Ko("Erreur lors de l'enregistrement de la transaction :\n"
                            + "Les deux premiers niveaux de classification sont obligatoires.");
                }
                break;
            }
            b.append(i > 0 ? "." : "").append(classif[i]);
        }
        return b.toString();
    }

    /** A date as S²LOW keeps it (YYYY-M-D); null when absent or not one. */
    static LocalDate date(String value) {
        if (!DATE.matcher(value).matches()) {
            return null;
        }
        String[] p = value.split("-");
        try {
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String extensionOf(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "bin" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
