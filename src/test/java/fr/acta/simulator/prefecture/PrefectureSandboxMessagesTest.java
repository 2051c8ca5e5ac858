package fr.acta.simulator.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import fr.acta.simulator.prefecture.S2lowClient.Part;
import fr.acta.simulator.prefecture.S2lowClient.Reply;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The préfecture's letters (courrier simple, demande de pièces complémentaires, lettre d'observations,
 * déféré) in @ctes format, listed, read and answered; any raw message through the administrator API;
 * the classification served and announced; a ready-made tar.gz envelope.
 */
class PrefectureSandboxMessagesTest extends ApiTest {

    private static final String ADMIN = "/api/v1/sandbox/prefecture";

    private S2lowClient s2low;
    private Api operator;

    @BeforeEach
    void reset() {
        s2low = new S2lowClient(port, "demo", "demo");
        operator = as("operateur");
        assertThat(operator.delete(ADMIN + "/settings").status()).isEqualTo(200);
    }

    /** The sandbox's settings are shared by every test of the JVM: leave them as found. */
    @org.junit.jupiter.api.AfterEach
    void restoreSettings() {
        assertThat(as("operateur").delete("/api/v1/sandbox/prefecture/settings").status()).isEqualTo(200);
    }

    private long acknowledgedAct() {
        long id = s2low.createValid(S2lowClient.number());
        assertThat(s2low.status(id).lines()[1]).isEqualTo("4");
        return id;
    }

    private long issue(long act, String type) {
        Api.Response r = operator.postJson(ADMIN + "/transactions/" + act + "/messages", "{\"type\":\"" + type + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    private Reply reply(long letter, String typeEnvoie, boolean apiInQuery) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (!apiInQuery) {
            form.add("api", "1");
        }
        form.add("id", String.valueOf(letter));
        if (typeEnvoie != null) {
            form.add("type_envoie", typeEnvoie);
        }
        form.add("type_acte", "99_DE");
        form.add("acte_pdf_file", new Part("reponse.pdf", SamplePdfs.annex("Réponse", 1), null).entity("acte_pdf_file"));
        return s2low.post("/modules/actes/actes_transac_reponse_create.php" + (apiInQuery ? "?api=1" : ""), form);
    }

    private byte[] message(long transaction) {
        Reply files = s2low.get("/modules/actes/actes_transac_get_files_list.php?transaction=" + transaction);
        Integer xmlId = JsonPath.read(files.text(), "$[0].id");
        return s2low.get("/modules/actes/actes_download_file.php?file=" + xmlId).body();
    }

    @Test
    void each_letter_of_the_prefecture_is_a_real_actes_message_listed_until_read() {
        long act = acknowledgedAct();
        Map<String, String> roots = Map.of("COURRIER_SIMPLE", "CourrierSimple", "DEMANDE_PIECES_COMPLEMENTAIRES",
                "DemandePieceComplementaire", "LETTRE_OBSERVATIONS", "LettreObservations", "DEFERE_TA", "DefereTA");
        Map<String, Integer> types = Map.of("COURRIER_SIMPLE", 2, "DEMANDE_PIECES_COMPLEMENTAIRES", 3,
                "LETTRE_OBSERVATIONS", 4, "DEFERE_TA", 5);
        for (String kind : roots.keySet()) {
            long letter = issue(act, kind);
            int type = types.get(kind);
            String expectedStatus = type == 3 || type == 4 ? "7" : "21";
            assertThat(s2low.status(letter).text()).isEqualTo("OK\n" + expectedStatus + "\n");
            String list = s2low.get("/modules/actes/api/list_document_prefecture.php").text();
            assertThat(JsonPath.<List<Integer>>read(list, "$[?(@.id == " + letter + ")].related_transaction_id"))
                    .containsExactly((int) act);
            assertThat(JsonPath.<List<String>>read(list, "$[?(@.id == " + letter + ")].type"))
                    .containsExactly(String.valueOf(type));
            byte[] xml = message(letter);
            ActesSchema.validate(xml);
            assertThat(new String(xml, StandardCharsets.ISO_8859_1)).contains("<actes:" + roots.get(kind));
            assertThat(s2low.get("/modules/actes/api/document_prefecture_mark_as_read.php?transaction_id=" + letter)
                    .text()).isEqualTo("{\"result\":\"ok\"}");
            assertThat(s2low.get("/modules/actes/api/list_document_prefecture.php").text())
                    .doesNotContain("\"id\":" + letter + ",");
        }
    }

    @Test
    void replies_to_letters_are_accepted_and_acknowledged_by_the_prefecture() {
        long act = acknowledgedAct();
        long demand = issue(act, "DEMANDE_PIECES_COMPLEMENTAIRES");
        Reply pieces = reply(demand, "4", false);
        assertThat(pieces.text()).matches("OK\n[0-9]+\n");
        long piecesId = Long.parseLong(pieces.lines()[1]);
        String status = s2low.status(piecesId).text();
        assertThat(status).startsWith("OK\n4\n").contains("<actes:ARPieceComplementaire");
        ActesSchema.validate(status.substring(5).getBytes(StandardCharsets.ISO_8859_1));
        ActesSchema.validate(message(piecesId));
        assertThat(new String(message(piecesId), StandardCharsets.ISO_8859_1)).contains("<actes:PieceComplementaire");

        long observations = issue(act, "LETTRE_OBSERVATIONS");
        Reply rejection = reply(observations, "3", true);
        assertThat(rejection.text()).matches("OK : id généré : [0-9]+\n");
        long rejectionId = Long.parseLong(rejection.text().replaceAll("[^0-9]", ""));
        assertThat(s2low.status(rejectionId).text()).startsWith("OK\n4\n").contains("ARReponseRejetLettreObservations");
        assertThat(new String(message(rejectionId), StandardCharsets.ISO_8859_1)).contains("<actes:RejetLettreObservations");

        long courrier = issue(act, "COURRIER_SIMPLE");
        Reply answer = reply(courrier, null, false);
        long answerId = Long.parseLong(answer.lines()[1]);
        assertThat(s2low.status(answerId).text()).isEqualTo("OK\n3\n");
        // no files list before an acknowledgement (S²LOW's rule); the administrator sees the files
        Integer answerXml = operator.get(ADMIN + "/transactions/" + answerId).json("$.files[0].id");
        byte[] answerMessage = s2low.get("/modules/actes/actes_download_file.php?file=" + answerXml).body();
        ActesSchema.validate(answerMessage);
        assertThat(new String(answerMessage, StandardCharsets.ISO_8859_1)).contains("<actes:ReponseCourrierSimple");

        assertThat(reply(observations, null, true).text())
                .isEqualTo("KO : Erreur lors de la génération de l'acte : Vous devez choisir un type de réponse");
        long defere = issue(act, "DEFERE_TA");
        assertThat(reply(defere, "4", false).text())
                .isEqualTo("KO\nErreur lors de la génération de l&#039;acte : Mauvais type de transaction.\n");

        String exchanges = s2low.get("/modules/actes/actes_transac_get_document.php?id=" + act).text();
        assertThat(exchanges.split("\n")).contains("3-4-" + piecesId, "4-4-" + rejectionId, "2-3-" + answerId,
                "5-21-" + defere);
    }

    @Test
    void the_administrator_answers_with_any_raw_prefecture_xml() {
        assertThat(operator.put(ADMIN + "/settings", MediaType.APPLICATION_JSON,
                "{\"postedToWaitingMs\":3600000}".getBytes()).status()).isEqualTo(200);
        String number = S2lowClient.number();
        long id = s2low.createValid(number);
        assertThat(s2low.status(id).lines()[1]).isEqualTo("1");
        String ar = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:ARActe xmlns:actes=\"http://www.interieur."
                + "gouv.fr/ACTES#v1.1-20040216\" actes:IDActe=\"069-210690004-20260101-" + number + "-DE\" "
                + "actes:DateReception=\"2026-01-02\"><actes:ClassificationDateVersionEnCours>2026-01-01"
                + "</actes:ClassificationDateVersionEnCours></actes:ARActe>";
        byte[] bytes = ar.getBytes(StandardCharsets.ISO_8859_1);
        Api.Response answered = operator.post(ADMIN + "/transactions/" + id + "/answer", MediaType.APPLICATION_XML,
                bytes);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.<Integer>json("$.status")).isEqualTo(4);
        assertThat(answered.<String>json("$.uniqueId")).isEqualTo("069-210690004-20260101-" + number + "-DE");
        assertThat(s2low.get("/modules/actes/actes_transac_get_ARActe.php?id=" + id).body()).isEqualTo(bytes);

        long other = s2low.createValid(S2lowClient.number());
        String anomaly = "<actes:AnomalieActe xmlns:actes=\"http://www.interieur.gouv.fr/ACTES#v1.1-20040216\">"
                + "<actes:Date>2026-01-02</actes:Date><actes:Nature>999</actes:Nature><actes:Detail>ODT-VERIF-17 : "
                + "inconnu</actes:Detail></actes:AnomalieActe>";
        operator.post(ADMIN + "/transactions/" + other + "/answer", MediaType.APPLICATION_XML, anomaly.getBytes());
        assertThat(s2low.status(other).text()).startsWith("OK\n-1\n").endsWith("999 - ODT-VERIF-17 : inconnu");

        String courrier = "<actes:CourrierSimple xmlns:actes=\"http://www.interieur.gouv.fr/ACTES#v1.1-20040216\" "
                + "actes:IDActe=\"x\" actes:DateCourrierPref=\"2026-01-03\"><actes:Document><actes:NomFichier>"
                + "lettre.pdf</actes:NomFichier></actes:Document></actes:CourrierSimple>";
        Api.Response letter = operator.post(ADMIN + "/transactions/" + id + "/answer", MediaType.APPLICATION_XML,
                courrier.getBytes());
        assertThat(letter.<Integer>json("$.type")).isEqualTo(2);
        assertThat(letter.<Integer>json("$.status")).isEqualTo(21);
        assertThat(letter.<List<String>>json("$.files[*].name")).contains("lettre.pdf");

        Api.Response notXml = operator.post(ADMIN + "/transactions/" + id + "/answer", MediaType.APPLICATION_XML,
                "<oops".getBytes());
        assertThat(notXml.status()).isEqualTo(400);
        assertThat(notXml.contentType()).startsWith("application/problem+json");
        assertThat(notXml.errorFields()).containsExactly("body");
        assertThat(as("secretaire").post(ADMIN + "/transactions/" + id + "/answer", MediaType.APPLICATION_XML,
                bytes).status()).isEqualTo(403);
    }

    @Test
    void the_classification_served_and_the_version_announced_are_set_by_the_administrator() {
        Reply served = s2low.get("/modules/actes/actes_classification_fetch.php?api=1");
        assertThat(served.text()).contains("<actes:DateClassification>2026-03-15</actes:DateClassification>");
        String newer = served.text().replace("2026-03-15", "2026-06-01");
        assertThat(operator.put(ADMIN + "/classification", MediaType.APPLICATION_XML,
                newer.getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(200);
        assertThat(s2low.get("/modules/actes/actes_classification_fetch.php?api=1").text())
                .contains("2026-06-01").doesNotContain("2026-03-15</actes:DateClassification>");
        assertThat(operator.put(ADMIN + "/settings", MediaType.APPLICATION_JSON,
                "{\"announcedClassification\":\"2026-07-01\"}".getBytes()).status()).isEqualTo(200);
        long id = s2low.createValid(S2lowClient.number());
        String ar = s2low.status(id).text();
        assertThat(ar).contains("<actes:ClassificationDateVersion>2026-06-01</actes:ClassificationDateVersion>")
                .contains("<actes:ClassificationDateVersionEnCours>2026-07-01</actes:ClassificationDateVersionEnCours>");

        Reply request = s2low.get("/modules/actes/actes_classification_request.php?api=1");
        long requestId = Long.parseLong(request.lines()[1]);
        assertThat(s2low.status(requestId).text()).startsWith("OK\n4\n").contains("RetourClassification");
        assertThat(operator.put(ADMIN + "/classification", MediaType.APPLICATION_XML, "<x/>".getBytes()).status())
                .isEqualTo(400);
    }

    @Test
    void a_ready_made_envelope_is_read_and_its_acts_recorded() throws Exception {
        String number = S2lowClient.number();
        String today = LocalDate.now().toString().replace("-", "");
        String stem = "069-210690004-" + today + "-" + number + "-AR-1-1";
        String acte = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><actes:Acte xmlns:actes=\"http://www.interieur."
                + "gouv.fr/ACTES#v1.1-20040216\" actes:Date=\"" + LocalDate.now() + "\" actes:NumeroInterne=\"" + number
                + "\" actes:CodeNatureActe=\"2\"><actes:CodeMatiere1 actes:CodeMatiere=\"6\"/><actes:CodeMatiere2 "
                + "actes:CodeMatiere=\"1\"/><actes:Objet>Arrêté de circulation</actes:Objet><actes:Classification"
                + "DateVersion>2026-03-15</actes:ClassificationDateVersion><actes:Document><actes:NomFichier>99_AR-"
                + stem + "_1.pdf</actes:NomFichier></actes:Document><actes:Annexes actes:Nombre=\"0\"/>"
                + "<actes:DocumentPapier>N</actes:DocumentPapier></actes:Acte>";
        String envelope = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><actes:EnveloppeCLMISILL xmlns:actes=\""
                + "http://www.interieur.gouv.fr/ACTES#v1.1-20040216\" xmlns:insee=\"http://xml.insee.fr/schema\">"
                + "<actes:Emetteur><actes:IDCL insee:SIREN=\"210690004\" actes:Departement=\"069\" "
                + "actes:Arrondissement=\"1\" actes:Nature=\"31\"/></actes:Emetteur><actes:AdressesRetour>"
                + "<actes:Email>mairie@valmont.test</actes:Email></actes:AdressesRetour><actes:FormulairesEnvoyes>"
                + "<actes:Formulaire><actes:NomFichier>" + stem + "_0.xml</actes:NomFichier></actes:Formulaire>"
                + "</actes:FormulairesEnvoyes></actes:EnveloppeCLMISILL>";
        byte[] tar = tarGz(Map.of("EACT--210690004--" + today + "-1.xml", envelope.getBytes(StandardCharsets.ISO_8859_1),
                stem + "_0.xml", acte.getBytes(StandardCharsets.ISO_8859_1),
                "99_AR-" + stem + "_1.pdf", SamplePdfs.arrete("Valmont", number, "Circulation")));
        String archiveName = "SBX-EACT--210690004--" + today + "-1.tar.gz";
        Reply submitted = submit(archiveName, tar);
        assertThat(submitted.text()).matches("OK\n1\n[0-9]+\n");
        long id = Long.parseLong(submitted.lines()[2]);
        assertThat(s2low.status(id).text()).startsWith("OK\n4\n").contains("actes:IDActe=\"069-210690004-" + today
                + "-" + number + "-AR\"");
        String files = s2low.get("/modules/actes/actes_transac_get_files_list.php?transaction=" + id).text();
        assertThat(JsonPath.<List<String>>read(files, "$[*].name")).containsExactly(stem + "_0.xml",
                "99_AR-" + stem + "_1.pdf");

        assertThat(submit("mauvais-nom.tar.gz", tar).text()).startsWith("KO\nL&#039;archive n&#039;a pas un nom valide");
        assertThat(submit(archiveName, tar).text()).isEqualTo("KO\nUn numéro interne d&#039;acte entre en conflit avec "
                + "un acte existant dans la base de données.\n");
    }

    private Reply submit(String name, byte[] tar) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("api", "1");
        form.add("enveloppe", new Part(name, tar, null).entity("enveloppe"));
        return s2low.post("/modules/actes/actes_transac_submit.php", form);
    }

    private static byte[] tarGz(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
