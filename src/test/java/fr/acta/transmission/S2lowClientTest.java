package fr.acta.transmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.act.Nature;
import fr.acta.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Posting, cancelling, replying and the OK/KO protocol, against a fake S²LOW requiring a client certificate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S2lowClientTest {

    static final byte[] PDF = PrefectureArchiveReaderTest.PDF;
    private FakeS2low s2low;
    private S2lowSettings settings;
    private final S2lowClient client = new S2lowClient();

    @BeforeAll
    void start() throws Exception {
        TestPki pki = new TestPki("Test S2LOW CA");
        s2low = new FakeS2low(TestPki.serverContext(pki.issue("localhost", true), pki.ca));
        TestPki.Issued account = pki.issue("Commune de Valmont", false);
        settings = new S2lowSettings(s2low.baseUrl(), account.pkcs12("p12-secret"), "p12-secret", "valmont",
                "s3cret", List.of(pki.ca));
    }

    @AfterAll
    void stop() {
        s2low.close();
    }

    private static S2low.ActRequest act() {
        return new S2low.ActRequest(Nature.DE, "9.1", "DEL_2025_014", "Délibération relative à l'éclairage public",
                LocalDate.of(2025, 3, 12), new ActesFile("99_DE", "délibération signée.pdf", PDF),
                List.of(new ActesFile("99_AU", "plan.pdf", PDF), new ActesFile("22_DP", "carte.png", PDF)),
                false, true);
    }

    @Test
    void an_act_is_posted_as_s2low_expects_it_and_its_transaction_id_returned() {
        s2low.on("/modules/actes/actes_transac_create.php", r -> FakeS2low.Reply.latin1("OK\n4242\n"));

        long id = client.postAct(settings, act());

        assertThat(id).isEqualTo(4242);
        FakeS2low.Request r = s2low.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.clientSubject()).isEqualTo("CN=Commune de Valmont");
        assertThat(r.header("Authorization")).isEqualTo("Basic dmFsbW9udDpzM2NyZXQ=");
        assertThat(r.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(r.header("Content-Length")).isNotNull();
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(fields(body, "api")).containsExactly("1");
        assertThat(fields(body, "nature_code")).containsExactly("1");
        assertThat(fields(body, "classif1")).containsExactly("9");
        assertThat(fields(body, "classif2")).containsExactly("1");
        assertThat(fields(body, "classif3")).isEmpty();
        assertThat(fields(body, "number")).containsExactly("DEL_2025_014");
        assertThat(fields(body, "subject")).containsExactly("Délibération relative à l'éclairage public");
        assertThat(fields(body, "decision_date")).containsExactly("2025-03-12");
        assertThat(fields(body, "en_attente")).containsExactly("1");
        assertThat(fields(body, "document_papier")).containsExactly("0");
        assertThat(fields(body, "type_acte")).containsExactly("99_DE");
        assertThat(fields(body, "type_pj[]")).containsExactly("99_AU", "22_DP");
        assertThat(body).contains("name=\"acte_pdf_file\"; filename=\"deliberation_signee.pdf\"")
                .contains("name=\"acte_attachments[]\"; filename=\"plan.pdf\"")
                .contains("name=\"acte_attachments[]\"; filename=\"carte.png\"");
    }

    @Test
    void a_ko_in_iso_8859_1_becomes_a_refusal_carrying_s2low_s_message() {
        s2low.on("/modules/actes/actes_transac_create.php", r -> FakeS2low.Reply.latin1(
                "KO\nUn acte portant le même numéro interne existe déjà dans la base de données.\n"
                        + "Il faut peut-être ajouter un suffixe au numéro.\n"));

        assertThatThrownBy(() -> client.postAct(settings, act()))
                .isInstanceOfSatisfying(S2lowRefusalException.class, e -> {
                    assertThat(e.kind()).isEqualTo(S2lowException.Kind.REFUSED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.s2lowMessage()).isEqualTo("Un acte portant le même numéro interne existe déjà dans "
                            + "la base de données.\nIl faut peut-être ajouter un suffixe au numéro.");
                    assertThat(e.getMessage()).startsWith("S²LOW a refusé le dépôt de l'acte DEL_2025_014 : Un acte");
                });
    }

    @Test
    void html_escaped_ko_messages_are_given_back_as_text() {
        s2low.on("/modules/actes/actes_transac_create.php", r -> FakeS2low.Reply.latin1(
                "KO\nLa télétransmission nécessite un certificat RGS<br/>Erreur : l&#039;AC n&#039;est pas &quot;RGS&quot;\n"));
        assertThatThrownBy(() -> client.postAct(settings, act()))
                .isInstanceOfSatisfying(S2lowRefusalException.class, e -> assertThat(e.s2lowMessage())
                        .isEqualTo("La télétransmission nécessite un certificat RGS\nErreur : l'AC n'est pas \"RGS\""));
    }

    @Test
    void an_act_that_breaks_s2low_s_rules_is_not_sent() {
        int before = s2low.received.size();
        S2low.ActRequest bad = new S2low.ActRequest(Nature.DE, "9", "del-14", "", LocalDate.of(2025, 3, 12),
                new ActesFile("DE", "acte.docx", PDF), List.of(), false, false);
        assertThatThrownBy(() -> client.postAct(settings, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).contains("number", "subject", "classification",
                                "mainDocument.codeTypePj", "mainDocument.fileName"));
        assertThat(s2low.received).hasSize(before);
    }

    @Test
    void cancellation_posts_the_transaction_and_returns_the_annulation_transaction() {
        s2low.on("/modules/actes/actes_transac_cancel.php", r -> FakeS2low.Reply.latin1("OK\n4250\n"));
        assertThat(client.cancel(settings, 4242)).isEqualTo(4250);
        String body = s2low.last().bodyText();
        assertThat(fields(body, "api")).containsExactly("1");
        assertThat(fields(body, "id")).containsExactly("4242");

        s2low.on("/modules/actes/actes_transac_cancel.php", r -> FakeS2low.Reply.latin1(
                "KO\nImpossible d'annuler une transaction qui n'est pas en état « Acquittement reçu ».\n"));
        assertThatThrownBy(() -> client.cancel(settings, 4242)).isInstanceOfSatisfying(S2lowRefusalException.class,
                e -> assertThat(e.s2lowMessage()).contains("« Acquittement reçu »"));
    }

    @Test
    void a_reply_to_the_prefecture_accepts_both_answer_forms_of_the_script() {
        s2low.on("/modules/actes/actes_transac_reponse_create.php",
                r -> FakeS2low.Reply.latin1("OK : id généré : 4300\n"));
        S2low.Reply reply = new S2low.Reply(4260, false, new ActesFile("99_AU", "réponse.pdf", PDF),
                List.of(new ActesFile("99_AU", "pièce.pdf", PDF)));
        assertThat(client.reply(settings, reply)).isEqualTo(4300);
        String body = new String(s2low.last().body(), StandardCharsets.UTF_8);
        assertThat(fields(body, "id")).containsExactly("4260");
        assertThat(fields(body, "type_envoie")).containsExactly("4");
        assertThat(fields(body, "type_pj[]")).containsExactly("99_AU");

        s2low.on("/modules/actes/actes_transac_reponse_create.php", r -> FakeS2low.Reply.latin1("OK\n4301\n"));
        assertThat(client.reply(settings, new S2low.Reply(4260, true, reply.document(), List.of()))).isEqualTo(4301);
        assertThat(fields(new String(s2low.last().body(), StandardCharsets.UTF_8), "type_envoie")).containsExactly("3");

        s2low.on("/modules/actes/actes_transac_reponse_create.php", r -> FakeS2low.Reply.latin1("KO : Accès refusé"));
        assertThatThrownBy(() -> client.reply(settings, reply)).isInstanceOfSatisfying(S2lowRefusalException.class,
                e -> assertThat(e.s2lowMessage()).isEqualTo("Accès refusé"));
    }

    @Test
    void an_answer_that_is_neither_ok_nor_ko_is_a_protocol_error_and_a_5xx_is_retryable() {
        s2low.on("/api/test-connexion.php", r -> FakeS2low.Reply.latin1("<html>maintenance</html>"));
        assertThatThrownBy(() -> client.testConnection(settings)).isInstanceOfSatisfying(S2lowException.class,
                e -> assertThat(e.kind()).isEqualTo(S2lowException.Kind.PROTOCOL));

        s2low.on("/api/test-connexion.php", r -> new FakeS2low.Reply(503, Map.of(), new byte[0]));
        assertThatThrownBy(() -> client.testConnection(settings)).isInstanceOfSatisfying(S2lowException.class,
                e -> assertThat(e.retryable()).isTrue());

        s2low.on("/api/test-connexion.php", r -> FakeS2low.Reply.latin1("OK\n"));
        client.testConnection(settings);
    }

    /** The values of a multipart field, in order. */
    static List<String> fields(String body, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)\r\n--",
                Pattern.DOTALL).matcher(body);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
