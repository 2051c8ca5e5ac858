package fr.acta.simulator.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.simulator.prefecture.S2lowClient.Part;
import fr.acta.simulator.prefecture.S2lowClient.Reply;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox refuses what S²LOW refuses, with S²LOW's very KO message (escaped by htmlspecialchars,
 * ISO-8859-1, HTTP 200), and records nothing of a refused posting.
 */
class PrefectureSandboxChecksTest extends ApiTest {

    private S2lowClient s2low;

    @BeforeEach
    void reset() {
        s2low = new S2lowClient(port, "demo", "demo");
        assertThat(as("operateur").delete("/api/v1/sandbox/prefecture/settings").status()).isEqualTo(200);
    }

    /** The sandbox's settings are shared by every test of the JVM: leave them as found. */
    @org.junit.jupiter.api.AfterEach
    void restoreSettings() {
        assertThat(as("operateur").delete("/api/v1/sandbox/prefecture/settings").status()).isEqualTo(200);
    }

    private Reply post(Map<String, String> fields) {
        String number = fields.get("number");
        return s2low.create(fields, new Part("deliberation.pdf", pdf(number), null), List.of());
    }

    private static byte[] pdf(String number) {
        return SamplePdfs.arrete("Valmont-sur-Saône", number, "Arrêté de voirie");
    }

    private void assertKo(Reply reply, String message) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualToIgnoringCase("text/plain;charset=ISO-8859-1");
        assertThat(reply.text()).isEqualTo("KO\n" + message + "\n");
        assertThat(reply.body()).isEqualTo(("KO\n" + message + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void a_valid_posting_answers_ok_and_the_transaction_id_in_iso_8859_1() {
        Reply reply = post(S2lowClient.fields(S2lowClient.number()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).matches("OK\n[0-9]+\n");
    }

    @Test
    void a_wrong_password_is_refused_as_s2low_does() {
        S2lowClient intruder = new S2lowClient(port, "demo", "wrong");
        String number = S2lowClient.number();
        assertKo(intruder.create(S2lowClient.fields(number), new Part("a.pdf", pdf(number), null), List.of()),
                "Échec de l&#039;authentification");
        Reply status = new S2lowClient(port, null, null).status(1);
        assertThat(status.body()).isEqualTo("KO\nÉchec de l'authentification".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(jdbc.queryForObject("select count(*) from sandbox_prefecture_transaction where number = ?",
                Integer.class, number)).isZero();
    }

    @Test
    void the_number_must_be_upper_case_letters_digits_and_inner_underscores() {
        for (String bad : List.of("", "abc", "_A1", "A1_", "A-1", "ABCDEFGHIJKLMNOP")) {
            Map<String, String> f = S2lowClient.fields(bad);
            assertKo(post(f), "Le numéro n&#039;est pas correct");
        }
    }

    @Test
    void the_decision_date_cannot_be_in_the_future_and_must_be_a_date() {
        Map<String, String> future = S2lowClient.fields(S2lowClient.number());
        future.put("decision_date", LocalDate.now().plusDays(3).toString());
        assertKo(post(future), "La date de décision est une date dans le futur");

        Map<String, String> french = S2lowClient.fields(S2lowClient.number());
        french.put("decision_date", "15/03/2026");
        assertKo(post(french), "Erreur lors de l&#039;enregistrement de la transaction :\n"
                + "Date de la décision doit être présent.\n");
    }

    @Test
    void a_number_already_used_by_the_collectivite_is_refused() {
        String number = S2lowClient.number();
        s2low.createValid(number);
        assertKo(post(S2lowClient.fields(number)), "Un acte portant le même numéro interne existe déjà dans la base "
                + "de données.\nIl faut peut-être ajouter un suffixe au numéro.");
        // another collectivité may use it
        Reply other = new S2lowClient(port, "voisine", "demo").create(S2lowClient.fields(number),
                new Part("a.pdf", pdf(number), null), List.of());
        assertThat(other.text()).startsWith("OK\n");
    }

    @Test
    void the_act_file_and_every_typology_are_mandatory() {
        String number = S2lowClient.number();
        assertKo(s2low.create(S2lowClient.fields(number), null, List.of()), "Aucun fichier acte n&#039;a été posté ");

        Map<String, String> noType = S2lowClient.fields(number);
        noType.remove("type_acte");
        assertKo(post(noType), "Erreur lors de la réception du fichier deliberation.pdf : typologie absente");

        Reply annexWithoutType = s2low.create(S2lowClient.fields(number), new Part("d.pdf", pdf(number), null),
                List.of(new Part("plan.pdf", SamplePdfs.annex("Plan", 1), null)));
        assertKo(annexWithoutType, "Erreur lors de la réception du fichier annexe plan.pdf : typologie absente");

        Map<String, String> badCode = S2lowClient.fields(number);
        badCode.put("type_acte", "99DE");
        assertKo(post(badCode), "Erreur de validation du fichier de l&#039;acte :\nLe code de la PJ doit faire "
                + "5 caractères\n");
    }

    @Test
    void file_types_are_checked_on_content_as_s2low_does() {
        String number = S2lowClient.number();
        Reply text = s2low.create(S2lowClient.fields(number), new Part("note.pdf", SamplePdfs.textFile(), null),
                List.of());
        assertKo(text, "Erreur de validation du fichier de l&#039;acte :\nLe fichier de l&#039;acte &quot; note.pdf "
                + "&quot; est de type &quot; text/plain &quot;. Fichier PDF ou XML requis.\n");

        byte[] xml = "<?xml version=\"1.0\"?><budget/>".getBytes(StandardCharsets.UTF_8);
        Reply xmlActe = s2low.create(S2lowClient.fields(number), new Part("budget.xml", xml, null), List.of());
        assertKo(xmlActe, "Erreur de validation du fichier de l&#039;acte :\nSeuls les documents budgétaires et "
                + "financiers peuvent être au format XML.\n");

        Map<String, String> budget = S2lowClient.fields(number);
        budget.put("nature_code", "5");
        Reply wrongMatiere = s2low.create(budget, new Part("budget.xml", xml, null), List.of());
        assertKo(wrongMatiere, "Erreur de validation du fichier de l&#039;acte :\nSeule la classification 7.1 est "
                + "autorisée pour la transmission au format XML\n");

        Reply badAnnex = s2low.create(S2lowClient.fields(number), new Part("d.pdf", pdf(number), null),
                List.of(new Part("notes.txt", SamplePdfs.textFile(), "99_DE")));
        assertKo(badAnnex, "Erreur de validation d&#039;un fichier de pièce jointe :\nLe fichier attaché &quot; "
                + "notes.txt &quot; est de type &quot; text/plain &quot;. Fichier PDF, XML, PNG ou JPEG requis.\n");
    }

    @Test
    void classification_nature_and_subject_are_checked_when_recording() {
        String number = S2lowClient.number();
        Map<String, String> oneLevel = S2lowClient.fields(number);
        oneLevel.remove("classif2");
        assertKo(post(oneLevel), "Erreur lors de l&#039;enregistrement de la transaction :\n"
                + "Les deux premiers niveaux de classification sont obligatoires.");
        Map<String, String> notInteger = S2lowClient.fields(number);
        notInteger.put("classif2", "2a");
        assertKo(post(notInteger), "Erreur lors de l&#039;enregistrement de la transaction :\n"
                + "Les deux premiers niveaux de classification sont obligatoires.");

        Map<String, String> unknownNature = S2lowClient.fields(number);
        unknownNature.put("nature_code", "9");
        assertKo(post(unknownNature), "Erreur lors de l&#039;enregistrement de la transaction :\n"
                + "Description nature de l&#039;acte doit être présent.\n");

        Map<String, String> noNatureNoSubject = S2lowClient.fields(number);
        noNatureNoSubject.remove("nature_code");
        noNatureNoSubject.put("subject", "");
        assertKo(post(noNatureNoSubject), "Erreur lors de l&#039;enregistrement de la transaction :\n"
                + "Nature de l&#039;acte doit être présent.\nDescription nature de l&#039;acte doit être présent.\n"
                + "Objet de l&#039;acte doit être présent.\n");

        Map<String, String> longSubject = S2lowClient.fields(number);
        longSubject.put("subject", "é".repeat(500));
        assertKo(post(longSubject), "Erreur lors de l&#039;enregistrement de la transaction :\n"
                + "Le champ Objet de l&#039;acte est trop long (499 caractères maxi autorisés).\n");

        assertThat(jdbc.queryForObject("select count(*) from sandbox_prefecture_transaction where number = ?",
                Integer.class, number)).isZero();
    }

    @Test
    void too_many_files_are_refused() {
        String number = S2lowClient.number();
        List<Part> annexes = new ArrayList<>();
        byte[] annex = SamplePdfs.annex("Pièce", 1);
        for (int i = 0; i < 20; i++) {
            annexes.add(new Part("piece-" + i + ".pdf", annex, "99_DE"));
        }
        Reply reply = s2low.create(S2lowClient.fields(number), new Part("d.pdf", pdf(number), null), annexes);
        assertKo(reply, "Le nombre d&#039;annexes est trop important (max : 20)");
    }

    @Test
    void cancelling_an_act_not_acknowledged_is_refused() {
        Map<String, String> waiting = S2lowClient.fields(S2lowClient.number());
        waiting.put("en_attente", "1");
        Reply posted = post(waiting);
        long id = Long.parseLong(posted.lines()[1]);
        assertThat(s2low.status(id).text()).isEqualTo("OK\n17\n");
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("api", "1");
        form.add("id", String.valueOf(id));
        assertKo(s2low.post("/modules/actes/actes_transac_cancel.php", form),
                "Impossible d&#039;annuler une transaction qui n&#039;est pas en état « Acquittement reçu ».");
        form.set("id", "");
        assertKo(s2low.post("/modules/actes/actes_transac_cancel.php", form),
                "Pas d&#039;identifiant de transaction à annuler spécifié.");
    }

    @Test
    void another_collectivite_cannot_read_a_transaction() {
        long id = s2low.createValid(S2lowClient.number());
        Reply reply = new S2lowClient(port, "voisine", "demo").status(id);
        assertThat(reply.body()).isEqualTo("KO\nAccès refusé".getBytes(StandardCharsets.ISO_8859_1));
        Reply unknown = s2low.status(987_654_321L);
        assertThat(unknown.body()).isEqualTo("KO\nNuméro de transaction invalide.".getBytes(StandardCharsets.ISO_8859_1));
    }
}
