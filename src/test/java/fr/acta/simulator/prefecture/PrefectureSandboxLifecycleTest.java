package fr.acta.simulator.prefecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import fr.acta.simulator.prefecture.S2lowClient.Reply;
import fr.acta.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.w3c.dom.Element;

/**
 * An act's life in the sandbox: 1 → 2 → 3 → 4 at the configured pace, a real ARActe with its IDActe,
 * the files list in S²LOW's order, the stamped act, the bordereau, an anomaly on demand, the
 * cancellation and its ARAnnulation, and the state kept in the tables.
 */
class PrefectureSandboxLifecycleTest extends ApiTest {

    private static final String NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";

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

    private void delays(long ms) {
        assertThat(as("operateur").put("/api/v1/sandbox/prefecture/settings",
                org.springframework.http.MediaType.APPLICATION_JSON, ("{\"postedToWaitingMs\":" + ms
                        + ",\"waitingToSentMs\":" + ms + ",\"sentToAnswerMs\":" + ms + "}").getBytes()).status())
                .isEqualTo(200);
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    @Test
    void the_status_moves_from_posted_to_acknowledged_at_the_configured_pace() {
        delays(300);
        String number = S2lowClient.number();
        long id = s2low.createValid(number);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> s2low.status(id).lines()[1].equals("4"));
        List<Map<String, Object>> history = as("operateur").get("/api/v1/sandbox/prefecture/transactions/" + id)
                .json("$.history");
        assertThat(history).extracting(h -> h.get("status")).containsExactly(1, 2, 3, 4);
        Instant previous = null;
        for (Map<String, Object> h : history) {
            Instant at = Instant.parse((String) h.get("at"));
            if (previous != null) {
                assertThat(Duration.between(previous, at)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
            previous = at;
        }
    }

    @Test
    void with_long_delays_the_act_stays_posted_until_the_administrator_advances_it() {
        delays(3_600_000);
        long id = s2low.createValid(S2lowClient.number());
        assertThat(s2low.status(id).text()).isEqualTo("OK\n1\n");
        assertThat(s2low.get("/modules/actes/actes_transac_get_files_list.php?transaction=" + id).body())
                .isEqualTo("KO\nPas d'acquittement recu".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(as("operateur").postJson("/api/v1/sandbox/prefecture/transactions/" + id + "/advance", "{}")
                .<Integer>json("$.status")).isEqualTo(4);
        assertThat(s2low.status(id).lines()[1]).isEqualTo("4");
    }

    @Test
    void the_acknowledgement_is_a_real_aracte_with_the_idacte_and_the_files_follow_s2low_order() throws Exception {
        String number = S2lowClient.number();
        long id = s2low.createValid(number);
        Reply status = s2low.status(id);
        assertThat(status.contentType()).isEqualToIgnoringCase("text/plain;charset=ISO-8859-1");
        String text = status.text();
        assertThat(text).startsWith("OK\n4\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        byte[] xml = text.substring("OK\n4\n".length()).getBytes(StandardCharsets.ISO_8859_1);
        ActesSchema.validate(xml);
        Element ar = parse(xml);
        assertThat(ar.getLocalName()).isEqualTo("ARActe");
        assertThat(ar.getNamespaceURI()).isEqualTo(NS);
        String decision = LocalDate.now().minusDays(2).toString().replace("-", "");
        String idActe = "069-210690004-" + decision + "-" + number + "-DE";
        assertThat(ar.getAttributeNS(NS, "IDActe")).isEqualTo(idActe)
                .matches("[0|9][0-9][A|B|0-9]-[0-9]{9}-[0-9]{8}-[a-zA-Z0-9_]{1,15}-\\p{Lu}{2}");
        assertThat(ar.getAttributeNS(NS, "DateReception")).isEqualTo(LocalDate.now(ZoneId.of("Europe/Paris")).toString());
        assertThat(ar.getElementsByTagNameNS(NS, "ClassificationDateVersionEnCours").item(0).getTextContent())
                .isEqualTo("2026-03-15");
        // the same ARActe on its own endpoint
        Reply arActe = s2low.get("/modules/actes/actes_transac_get_ARActe.php?id=" + id);
        assertThat(arActe.contentType()).startsWith("application/xml");
        assertThat(arActe.body()).isEqualTo(xml);

        Reply files = s2low.get("/modules/actes/actes_transac_get_files_list.php?transaction=" + id);
        List<String> names = JsonPath.read(files.text(), "$[*].name");
        String stem = "069-210690004-" + decision + "-" + number + "-DE-1-1";
        assertThat(names).containsExactly(stem + "_0.xml", "99_DE-" + stem + "_1.pdf", "99_DE-" + stem + "_2.pdf");
        assertThat(JsonPath.<List<String>>read(files.text(), "$[*].posted_filename"))
                .containsExactly("", "deliberation.pdf", "annexe.pdf");
        Integer xmlId = JsonPath.read(files.text(), "$[0].id");
        Reply message = s2low.get("/modules/actes/actes_download_file.php?file=" + xmlId);
        ActesSchema.validate(message.body());
        assertThat(parse(message.body()).getLocalName()).isEqualTo("Acte");

        Integer acteId = JsonPath.read(files.text(), "$[1].id");
        Reply stamped = s2low.get("/modules/actes/actes_download_file.php?file=" + acteId
                + "&tampon=true&date_affichage=2026-03-20");
        assertThat(stamped.contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(stamped.body())) {
            String page = new PDFTextStripper().getText(pdf);
            assertThat(page).contains("Reçu en préfecture le").contains("Publié le 20/03/2026")
                    .contains("ID : " + idActe);
        }
        Reply plain = s2low.get("/modules/actes/actes_download_file.php?file=" + acteId);
        assertThat(plain.headers().getContentDisposition().getFilename()).isEqualTo("deliberation.pdf");

        Reply bordereau = s2low.get("/modules/actes/actes_create_pdf.php?trans_id=" + id);
        try (PDDocument pdf = Loader.loadPDF(bordereau.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Bordereau d'acquittement").contains(idActe);
        }
    }

    @Test
    void the_next_act_is_answered_with_an_anomaly_when_ordered_then_acknowledged_again() throws Exception {
        assertThat(as("operateur").postJson("/api/v1/sandbox/prefecture/next-anomaly",
                "{\"nature\":\"002\",\"detail\":\"ODT-VERIF-01 : Classification périmée\"}").status()).isEqualTo(200);
        long failed = s2low.createValid(S2lowClient.number());
        long next = s2low.createValid(S2lowClient.number());
        String text = s2low.status(failed).text();
        assertThat(text).startsWith("OK\n-1\n<?xml").endsWith("</actes:AnomalieActe>"
                + "Anomalie signalee par le MIAT : 002 - ODT-VERIF-01 : Classification périmée");
        byte[] xml = text.substring("OK\n-1\n".length(), text.indexOf("Anomalie signalee"))
                .getBytes(StandardCharsets.ISO_8859_1);
        ActesSchema.validate(xml);
        assertThat(parse(xml).getElementsByTagNameNS(NS, "Nature").item(0).getTextContent()).isEqualTo("002");
        assertThat(s2low.status(next).lines()[1]).isEqualTo("4");
    }

    @Test
    void an_acknowledged_act_is_cancelled_with_an_arannulation() throws Exception {
        long id = s2low.createValid(S2lowClient.number());
        assertThat(s2low.status(id).lines()[1]).isEqualTo("4");
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("api", "1");
        form.add("id", String.valueOf(id));
        Reply cancel = s2low.post("/modules/actes/actes_transac_cancel.php", form);
        assertThat(cancel.text()).matches("OK\n[0-9]+\n");
        long cancelId = Long.parseLong(cancel.lines()[1]);
        String text = s2low.status(cancelId).text();
        assertThat(text).startsWith("OK\n4\n");
        byte[] xml = text.substring(5).getBytes(StandardCharsets.ISO_8859_1);
        ActesSchema.validate(xml);
        assertThat(parse(xml).getLocalName()).isEqualTo("ARAnnulation");
        assertThat(s2low.status(id).lines()[1]).isEqualTo("0");
        assertThat(s2low.post("/modules/actes/actes_transac_cancel.php", form).text())
                .isEqualTo("KO\nImpossible d&#039;annuler une transaction qui n&#039;est pas en état « Acquittement reçu ».\n");
    }

    @Test
    void a_transaction_is_kept_in_the_tables_and_found_again_by_its_standard_name() {
        delays(3_600_000);
        String number = S2lowClient.number();
        long id = s2low.createValid(number);
        Map<String, Object> row = jdbc.queryForMap("select siren, type, number, last_status, outcome "
                + "from sandbox_prefecture_transaction where id = ?", id);
        assertThat(row).containsEntry("siren", "210690004").containsEntry("number", number)
                .containsEntry("outcome", "ACK");
        assertThat(((Number) row.get("last_status")).intValue()).isEqualTo(1);
        assertThat(jdbc.queryForList("select status from sandbox_prefecture_status where transaction_id = ?",
                Integer.class, id)).containsExactly(1);
        assertThat(jdbc.queryForObject("select count(*) from sandbox_prefecture_file where transaction_id = ?",
                Integer.class, id)).isEqualTo(3);
        // a client that crashed before recording the id finds the act by the name of its message
        String decision = LocalDate.now().minusDays(2).toString().replace("-", "");
        Reply found = s2low.get("/modules/actes/actes_transac_get_status.php?unique_id=069-210690004-" + decision
                + "-" + number + "-DE-1-1");
        assertThat(found.text()).isEqualTo("OK\n1\n");
        Reply listed = s2low.get("/modules/actes/api/list_actes.php?status_id=1&limit=1000");
        List<String> numbers = JsonPath.read(listed.text(), "$.transactions[*].number");
        assertThat(numbers).contains(number);
        List<Map<String, Object>> admin = as("operateur").get("/api/v1/sandbox/prefecture/transactions?number="
                + number).json("$");
        assertThat(admin).singleElement().satisfies(t -> assertThat(t.get("id")).isEqualTo((int) id));
    }

    @Test
    void an_act_left_waiting_is_posted_through_the_nonce_confirmation() {
        Map<String, String> fields = S2lowClient.fields(S2lowClient.number());
        fields.put("en_attente", "1");
        Reply posted = s2low.create(fields, new S2lowClient.Part("d.pdf", S2lowClient.pdf("X"), null), List.of());
        long id = Long.parseLong(posted.lines()[1]);
        assertThat(s2low.status(id).text()).isEqualTo("OK\n17\n");
        String nonce = JsonPath.read(s2low.get("/api/get-nounce.php").text(), "$.nounce");
        String hash = S2lowConfirmController.sha256("demo:" + nonce);
        S2lowClient browser = new S2lowClient(port, null, null);
        String back = "http://localhost/retour?erreur=%%ERROR%%&message=%%MESSAGE%%";
        Reply wrong = browser.getEncoded("/modules/actes/actes_transac_post_confirm_api.php?id=" + id + "&nounce=" + nonce
                + "&login=demo&hash=0000&url_return={back}".replace("{back}", java.net.URLEncoder.encode(back,
                StandardCharsets.UTF_8)));
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.headers().getLocation().toString()).contains("erreur=1");
        String fresh = JsonPath.read(s2low.get("/api/get-nounce.php").text(), "$.nounce");
        Reply confirmed = browser.getEncoded("/modules/actes/actes_transac_post_confirm_api.php?id=" + id + "&nounce=" + fresh
                + "&login=demo&hash=" + S2lowConfirmController.sha256("demo:" + fresh) + "&url_return="
                + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8));
        assertThat(confirmed.headers().getLocation().toString()).startsWith("http://localhost/retour?erreur=0&message=");
        assertThat(s2low.status(id).lines()[1]).isEqualTo("4");
        assertThat(hash).hasSize(64);
    }

    @Test
    void every_text_reply_is_iso_8859_1() {
        Reply ko = s2low.create(S2lowClient.fields("bad-number"), null, List.of());
        byte[] expected = "KO\nLe numéro n&#039;est pas correct\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ko.body()).isEqualTo(expected);
        assertThat(new String(ko.body(), StandardCharsets.ISO_8859_1)).contains("numéro");
        assertThat(indexOf(ko.body(), new byte[] {(byte) 0xC3, (byte) 0xA9})).isEqualTo(-1);
        assertThat(indexOf(ko.body(), new byte[] {(byte) 0xE9})).isPositive();
        Reply statusNames = s2low.get("/modules/actes/api/actes_status.php");
        assertThat(statusNames.text()).contains("\"4\":\"Acquittement re\\u00E7u\"");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
