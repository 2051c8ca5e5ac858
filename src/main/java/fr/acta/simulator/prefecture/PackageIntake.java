package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.S2lowText.Ko;
import fr.acta.simulator.prefecture.SandboxProperties.Account;
import fr.acta.simulator.prefecture.SandboxStore.NewFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code actes_transac_submit.php}: a ready-made @ctes envelope ({@code .tar.gz} with the
 * EnveloppeCLMISILL, the Acte messages and their files), read with the sandbox's own code. Each act is
 * checked as S²LOW checks an imported one; the files keep their names from the archive.
 */
@Component
@SandboxEnabled
class PackageIntake {

    private static final int MAX_ENTRIES = 200;
    private static final Pattern CODE_PREFIX = Pattern.compile("^([A-Z0-9_]{5})-.*");

    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final SandboxSettings settings;
    private final SandboxProperties properties;
    private final TransactionTemplate tx;

    PackageIntake(SandboxStore store, SandboxLifecycle lifecycle, SandboxSettings settings,
                  SandboxProperties properties, TransactionTemplate tx) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.properties = properties;
        this.tx = tx;
    }

    List<Long> submit(Account account, PostedForm form) {
        MultipartFile upload = form.file("enveloppe");
        if (upload == null) {
            throw new Ko("Pas de fichier archive spécifié.");
        }
        String archiveName = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename();
        String tri = properties.trigramme().isEmpty() ? "[A-Z0-9]{3}" : Pattern.quote(properties.trigramme());
        if (!archiveName.matches(tri + "-EACT--[0-9]{9}--[0-9]{8}-[0-9]+\\.tar\\.gz")) {
            throw new Ko("L'archive n'a pas un nom valide : " + archiveName
                    + " n'est pas de la forme TRI-EACT--SIREN--AAAAMMJJ-N.tar.gz");
        }
        Map<String, byte[]> entries = read(upload);
        String envelopeName = archiveName.substring(4, archiveName.length() - ".tar.gz".length()) + ".xml";
        byte[] envelopeXml = entries.get(envelopeName);
        Document envelope = envelopeXml == null ? null : ActesXml.parse(envelopeXml);
        if (envelope == null || !"EnveloppeCLMISILL".equals(envelope.getDocumentElement().getLocalName())) {
            throw new Ko("Erreur d'importation de l'enveloppe :\nEnveloppe " + envelopeName + " absente ou illisible.");
        }
        Element idcl = ActesXml.descendants(envelope.getDocumentElement(), "IDCL").stream().findFirst().orElse(null);
        String siren = idcl == null ? null : idcl.getAttributeNS(ActesXml.INSEE, "SIREN");
        if (!account.siren().equals(siren)) {
            throw new Ko("Erreur d'importation de l'enveloppe :\nLe SIREN de l'enveloppe (" + siren
                    + ") n'est pas celui de la collectivité.");
        }
        List<Tx> drafts = new ArrayList<>();
        List<List<NewFile>> files = new ArrayList<>();
        Instant now = Instant.now();
        SandboxLifecycle.Plan plan = lifecycle.plan(now);
        for (Element form1 : ActesXml.descendants(envelope.getDocumentElement(), "Formulaire")) {
            String messageName = ActesXml.text(form1, "NomFichier");
            byte[] message = messageName == null ? null : entries.get(messageName);
            if (message == null) {
                throw new Ko("Erreur d'importation transaction : Fichier XML introuvable.");
            }
            Document doc = ActesXml.parse(message);
            if (doc == null) {
                throw new Ko("Erreur d'importation transaction : Impossible d'importer le fichier message XML.");
            }
            Element acte = doc.getDocumentElement();
            if (!"Acte".equals(acte.getLocalName())) {
                throw new Ko("Erreur d'importation transaction : Mauvais type de transaction.");
            }
            Tx draft = draft(account, acte, now, plan);
            List<NewFile> transactionFiles = new ArrayList<>();
            transactionFiles.add(new NewFile(messageName, messageName, "text/xml", message, null));
            transactionFiles.add(file(entries, ActesXml.text(ActesXml.child(acte, "Document"), "NomFichier"), draft,
                    true, null));
            Element annexes = ActesXml.child(acte, "Annexes");
            for (Element annex : annexes == null ? List.<Element>of() : ActesXml.descendants(annexes, "Annexe")) {
                transactionFiles.add(file(entries, ActesXml.text(annex, "NomFichier"), draft, false,
                        transactionFiles.get(1).mimetype()));
            }
            if (store.numberExists(account.siren(), draft.number())) {
                throw new Ko("Un numéro interne d'acte entre en conflit avec un acte existant dans la base de données.");
            }
            drafts.add(draft);
            files.add(transactionFiles);
        }
        if (drafts.isEmpty()) {
            throw new Ko("Erreur d'importation de l'enveloppe :\nAucun formulaire dans l'enveloppe.");
        }
        try {
            return tx.execute(status -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < drafts.size(); i++) {
                    long id = store.insert(drafts.get(i));
                    settings.takeNextAnomaly().ifPresent(a -> store.setOutcome(id, Tx.ANOMALY, a.nature(), a.detail()));
                    store.addStatus(id, 1, now, "Dépôt initial", null);
                    store.addFiles(id, files.get(i));
                    ids.add(id);
                }
                return ids;
            });
        } catch (DuplicateKeyException e) {
            throw new Ko("Un numéro interne d'acte entre en conflit avec un acte existant dans la base de données.");
        }
    }

    private Tx draft(Account account, Element acte, Instant now, SandboxLifecycle.Plan plan) {
        String number = nz(ActesXml.attr(acte, "NumeroInterne"));
        String nature = nz(ActesXml.attr(acte, "CodeNatureActe"));
        LocalDate decision = ActeIntake.date(nz(ActesXml.attr(acte, "Date")));
        LocalDate classificationDate = ActeIntake.date(nz(ActesXml.text(acte, "ClassificationDateVersion")));
        StringBuilder classification = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            String code = nz(ActesXml.attr(ActesXml.child(acte, "CodeMatiere" + i), "CodeMatiere"));
            if (!code.matches("[0-9]+") || code.equals("0")) {
                if (i <= 2) {
                    throw new Ko("Erreur lors de l'enregistrement de la transaction.\n"
                            + "Les deux premiers niveaux de classification sont obligatoires.");
                }
                break;
            }
            classification.append(i > 1 ? "." : "").append(code);
        }
        String subject = nz(ActesXml.text(acte, "Objet"));
        StringBuilder invalid = new StringBuilder();
        if (nature.isEmpty()) {
            invalid.append("Nature de l'acte doit être présent.\n");
        }
        if (!Natures.known(nature)) {
            invalid.append("Description nature de l'acte doit être présent.\n");
        }
        if (subject.isEmpty()) {
            invalid.append("Objet de l'acte doit être présent.\n");
        } else if (subject.length() > 499) {
            invalid.append("Le champ Objet de l'acte est trop long (499 caractères maxi autorisés).\n");
        }
        if (number.isEmpty()) {
            invalid.append("Numéro de l'acte doit être présent.\n");
        } else {
            if (number.length() > 15) {
                invalid.append("Le champ Numéro de l'acte est trop long (15 caractères maxi autorisés).\n");
            }
            if (!ActeIntake.NUMBER.matcher(number).matches()) {
                invalid.append("Le champ Numéro de l'acte ne peut contenir que des chiffres, des lettres en majuscules et _");
            }
        }
        if (classificationDate == null) {
            invalid.append("Date classification matières/sous-matières utilisée doit être présent.\n");
        }
        if (decision == null) {
            invalid.append("Date de la décision doit être présent.\n");
        }
        if (!invalid.isEmpty()) {
            throw new Ko("Erreur lors de l'enregistrement de la transaction.\n" + invalid);
        }
        String papier = nz(ActesXml.text(acte, "DocumentPapier"));
        return new Tx(0, account.siren(), account.department(), account.login(), 1, null, false, nature, number,
                subject, decision, classification.toString(), classificationDate, papier.equals("O"), null, null,
                false, Tx.ACK, null, null, null, now, plan.waitingAt(), plan.sentAt(), plan.answerAt(), 1);
    }

    /** A document of the archive, checked as S²LOW's addFile checks an act's or an annex's type. */
    private static NewFile file(Map<String, byte[]> entries, String name, Tx draft, boolean acte, String acteMime) {
        byte[] content = name == null ? null : entries.get(name);
        if (content == null) {
            throw new Ko("Erreur d'importation transaction : Fichier non présent : " + name);
        }
        String mime = FileTypes.mime(content);
        String extension = FileTypes.extension(mime);
        String error = null;
        if (acte && !extension.equals("pdf") && !extension.equals("xml")) {
            error = "Le fichier de l'acte \" " + name + " \" est de type \" " + mime + " \". Fichier PDF ou XML requis.";
        } else if (acte && extension.equals("xml") && !"5".equals(draft.natureCode())) {
            error = "Seuls les documents budgétaires et financiers peuvent être au format XML.";
        } else if (!acte && extension.isEmpty()) {
            error = "Le fichier attaché \" " + name + " \" est de type \" " + mime
                    + " \". Fichier PDF, XML, PNG ou JPEG requis.";
        } else if (!acte && "application/xml".equals(acteMime) && !extension.equals("pdf")) {
            error = "Les pièces jointes doivent être au format PDF avec un acte au format XML";
        }
        if (error != null) {
            throw new Ko("Erreur d'importation transaction : " + error);
        }
        var code = CODE_PREFIX.matcher(name);
        return new NewFile(name, name, mime, content, code.matches() ? code.group(1) : null);
    }

    /** The flat archive's regular files by name, within the size and count limits. */
    private Map<String, byte[]> read(MultipartFile upload) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long max = properties.maxArchiveSize().toBytes();
        long total = 0;
        try (InputStream in = upload.getInputStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String name = entry.getName();
                if (name.contains("/") || name.contains("\\") || entries.size() >= MAX_ENTRIES) {
                    throw new Ko("Erreur d'importation de l'enveloppe :\nL'archive doit être plate et compter au plus "
                            + MAX_ENTRIES + " fichiers.");
                }
                byte[] content = tar.readNBytes((int) Math.min(max - total + 1, Integer.MAX_VALUE - 16));
                total += content.length;
                if (total > max) {
                    throw new Ko("La taille totale des fichiers est trop importante (max : " + max + ")");
                }
                entries.put(name, content);
            }
        } catch (IOException e) {
            throw new Ko("Erreur d'importation de l'enveloppe :\nL'archive n'est pas un fichier .tar.gz lisible.");
        }
        return entries;
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
