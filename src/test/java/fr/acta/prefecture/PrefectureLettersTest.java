package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The préfecture's letters reach the act's submitter as tasks with their documents; replies and
 * refusals go back through S²LOW once and their accusés de réception are recorded on the letter;
 * the mailbox never records a letter twice.
 */
class PrefectureLettersTest extends ApiTest {

    private static final byte[] LETTER = SamplePdfs.annex("Réponse de la commune", 1);
    private static final byte[] PIECE = SamplePdfs.annex("Rapport de présentation", 2);

    @Test
    void each_letter_arrives_as_a_task_of_the_submitter_with_its_document() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long tx = Letters.transaction(secretaire, actId);
        Api operator = as("operateur");
        Map<String, String> labels = Map.of("COURRIER_SIMPLE", "Courrier simple", "DEMANDE_PIECES_COMPLEMENTAIRES",
                "Demande de pièces complémentaires", "LETTRE_OBSERVATIONS", "Lettre d'observations");
        for (String type : labels.keySet()) {
            long letter = Letters.issue(operator, tx, type, "Texte " + type);
            Map<String, Object> m = Letters.awaitMessage(secretaire, actId, letter);
            assertThat(m).containsEntry("type", type).containsEntry("label", labels.get(type))
                    .containsEntry("state", "AWAITING_REPLY").containsEntry("replyExpected", true);
            assertThat((String) m.get("date")).isNotBlank();
            if (!type.equals("COURRIER_SIMPLE")) {
                assertThat((String) m.get("detail")).isEqualTo("Texte " + type);
            }
            List<Map<String, Object>> docs = (List<Map<String, Object>>) m.get("documents");
            assertThat(docs).singleElement().satisfies(d -> assertThat(d).containsEntry("mediaType", "application/pdf"));
            Api.Response pdf = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/documents/" + docs.get(0).get("id"));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Letters.replyTasks(secretaire, actId).size() == 3);
        assertThat(Letters.replyTasks(as("maire"), actId)).isEmpty();
        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<String>>json("$.history[?(@.event == 'PREFECTURE_LETTER')].detail"))
                .hasSize(3).anyMatch(d -> d.startsWith("Lettre d'observations du ") && d.contains("secretaire"));
        assertThat(act.<List<String>>json("$.documents[*].role")).contains("PREFECTURE_LETTER");
        // letters leave the act exécutoire (and archived, once the archive has taken it)
        assertThat(act.<String>json("$.state")).isIn("ACKNOWLEDGED", "ARCHIVING", "ARCHIVED");
    }

    @Test
    void a_reply_and_a_refusal_reach_the_prefecture_once_and_their_acknowledgements_are_recorded() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long tx = Letters.transaction(secretaire, actId);
        Api operator = as("operateur");
        long demand = Letters.issue(operator, tx, "DEMANDE_PIECES_COMPLEMENTAIRES", "Le rapport de présentation");
        long observations = Letters.issue(operator, tx, "LETTRE_OBSERVATIONS", "Compétence non visée");
        Object demandId = Letters.awaitMessage(secretaire, actId, demand).get("id");
        Object observationsId = Letters.awaitMessage(secretaire, actId, observations).get("id");

        Api.Response pieces = secretaire.multipart(Letters.replyPath(actId, demandId), new Api.Multipart()
                .field("refusal", "false").file("letter", "reponse.pdf", LETTER)
                .file("pieces", "rapport.pdf", PIECE).field("pieceTypes", "99_DE"));
        assertThat(pieces.status()).as(pieces.toString()).isEqualTo(202);
        assertThat(pieces.<String>json("$.reply.kind")).isEqualTo("REPONSE");
        assertThat(pieces.<List<String>>json("$.reply.documents[*].typeCode")).containsExactly("99_DE", "99_DE");
        Api.Response again = secretaire.multipart(Letters.replyPath(actId, demandId), new Api.Multipart()
                .field("refusal", "false").file("letter", "reponse.pdf", LETTER));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.<String>json("$.detail")).contains("déjà reçu une réponse");

        Api.Response refusal = as("admin").multipart(Letters.replyPath(actId, observationsId), new Api.Multipart()
                .field("refusal", "true").file("letter", "refus.pdf", LETTER));
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(202);

        Map<String, Object> answered = Letters.awaitMessageState(secretaire, actId, demand, "REPLY_ACKNOWLEDGED");
        Map<String, Object> refused = Letters.awaitMessageState(secretaire, actId, observations, "REPLY_ACKNOWLEDGED");
        assertThat(answered).extractingByKey("reply").satisfies(r -> assertThat((Map<String, Object>) r)
                .containsEntry("by", "secretaire").containsKey("acknowledgedOn").containsKey("sentAt"));
        assertThat(Letters.replyTasks(secretaire, actId)).isEmpty();

        long replyTx = Long.parseLong((String) ((Map<String, Object>) answered.get("reply")).get("transactionId"));
        Api.Response onSandbox = operator.get(Letters.SANDBOX + "/transactions/" + replyTx);
        assertThat(onSandbox.<Integer>json("$.type")).isEqualTo(3);
        assertThat(onSandbox.<Integer>json("$.relatedId")).isEqualTo((int) demand);
        assertThat(onSandbox.<Integer>json("$.typeReponse")).isEqualTo(4);
        assertThat(onSandbox.<Integer>json("$.status")).isEqualTo(4);
        assertThat(onSandbox.<List<String>>json("$.files[*].name")).hasSize(3);
        long refusalTx = Long.parseLong((String) ((Map<String, Object>) refused.get("reply")).get("transactionId"));
        Api.Response refusalOnSandbox = operator.get(Letters.SANDBOX + "/transactions/" + refusalTx);
        assertThat(refusalOnSandbox.<Integer>json("$.type")).isEqualTo(4);
        assertThat(refusalOnSandbox.<Integer>json("$.typeReponse")).isEqualTo(3);
        // exactly one reply per letter reached the préfecture
        List<Map<String, Object>> replies = operator.get(Letters.SANDBOX + "/transactions?siren=210690004&limit=1000")
                .json("$[?(@.relatedId == " + demand + " || @.relatedId == " + observations + ")]");
        assertThat(replies).hasSize(2);

        Api.Response ar = secretaire.get(Letters.replyPath(actId, demandId) + "/ar");
        assertThat(ar.status()).isEqualTo(200);
        assertThat(ar.text()).contains("ARPieceComplementaire");
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).<List<String>>json("$.history[*].event"))
                .contains("PREFECTURE_REPLY_REQUESTED", "PREFECTURE_REPLY_SENT", "PREFECTURE_REPLY_ACKNOWLEDGED");
    }

    @Test
    void a_reply_to_a_courrier_simple_is_sent_and_needs_no_acknowledgement() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long letter = Letters.issue(as("operateur"), Letters.transaction(secretaire, actId), "COURRIER_SIMPLE", null);
        Object id = Letters.awaitMessage(secretaire, actId, letter).get("id");
        assertThat(secretaire.multipart(Letters.replyPath(actId, id), new Api.Multipart().field("refusal", "false")
                .file("letter", "reponse.pdf", LETTER)).status()).isEqualTo(202);
        Map<String, Object> replied = Letters.awaitMessageState(secretaire, actId, letter, "REPLIED");
        long replyTx = Long.parseLong((String) ((Map<String, Object>) replied.get("reply")).get("transactionId"));
        Api.Response onSandbox = as("operateur").get(Letters.SANDBOX + "/transactions/" + replyTx);
        assertThat(onSandbox.<Integer>json("$.type")).isEqualTo(2);
        assertThat(onSandbox.<Integer>json("$.relatedId")).isEqualTo((int) letter);
    }

    @Test
    void a_reply_refused_by_s2low_comes_back_to_the_submitter_with_the_reason() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long letter = Letters.issue(as("operateur"), Letters.transaction(secretaire, actId), "LETTRE_OBSERVATIONS", null);
        Object id = Letters.awaitMessage(secretaire, actId, letter).get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> read(letter));
        // S²LOW no longer knows the letter the reply is about: it answers KO
        jdbc.update("update prefecture_message set remote_id = ? where id = ?::uuid", "9" + letter, id);
        assertThat(secretaire.multipart(Letters.replyPath(actId, id), new Api.Multipart().field("refusal", "false")
                .file("letter", "reponse.pdf", LETTER)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> Letters.messages(secretaire, actId).get(0)
                .get("reply") instanceof Map<?, ?> r && r.get("error") != null);
        Map<String, Object> back = Letters.messages(secretaire, actId).get(0);
        assertThat(back).containsEntry("state", "AWAITING_REPLY").containsEntry("replyExpected", true);
        assertThat((String) ((Map<String, Object>) back.get("reply")).get("error")).contains("Mauvais type de transaction");
        await().atMost(Duration.ofSeconds(30)).until(() -> Letters.replyTasks(secretaire, actId).size() == 1);
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).<List<String>>json("$.history[*].event"))
                .contains("PREFECTURE_REPLY_REFUSED");

        jdbc.update("update prefecture_message set remote_id = ? where id = ?::uuid", String.valueOf(letter), id);
        assertThat(secretaire.multipart(Letters.replyPath(actId, id), new Api.Multipart().field("refusal", "false")
                .file("letter", "reponse.pdf", LETTER)).status()).isEqualTo(202);
        Map<String, Object> answered = Letters.awaitMessageState(secretaire, actId, letter, "REPLY_ACKNOWLEDGED");
        assertThat((List<?>) ((Map<String, Object>) answered.get("reply")).get("documents")).hasSize(1);
    }

    @Test
    void bad_replies_are_refused_in_french_with_their_fields() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long tx = Letters.transaction(secretaire, actId);
        long courrier = Letters.issue(as("operateur"), tx, "COURRIER_SIMPLE", null);
        Object id = Letters.awaitMessage(secretaire, actId, courrier).get("id");
        String path = Letters.replyPath(actId, id);

        Api.Response empty = secretaire.multipart(path, new Api.Multipart().field("other", "x"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.errorFields()).contains("refusal", "letter");

        Api.Response refusal = secretaire.multipart(path, new Api.Multipart().field("refusal", "true")
                .file("letter", "refus.pdf", LETTER));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.errorFields()).containsExactly("refusal");
        assertThat(refusal.text()).contains("Un courrier simple appelle une réponse");

        Api.Response notPdf = secretaire.multipart(path, new Api.Multipart().field("refusal", "false")
                .file("letter", "reponse.png", SamplePdfs.png(20, 20)).file("pieces", "a.pdf", PIECE)
                .file("pieces", "b.pdf", PIECE).field("pieceTypes", "9_DE"));
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.errorFields()).contains("letter", "pieceTypes", "pieceTypes[0]");

        Api.Response encrypted = secretaire.multipart(path, new Api.Multipart().field("refusal", "false")
                .file("letter", "reponse.pdf", SamplePdfs.encryptedPdf()));
        assertThat(encrypted.status()).isEqualTo(400);
        assertThat(encrypted.errorFields()).containsExactly("letter");

        Api.Response other = as("maire").multipart(path, new Api.Multipart().field("refusal", "false")
                .file("letter", "reponse.pdf", LETTER));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        Api.Response unknown = secretaire.multipart(Letters.replyPath(actId, java.util.UUID.randomUUID()),
                new Api.Multipart().field("refusal", "false").file("letter", "reponse.pdf", LETTER));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(as("secretaire.voisine").get("/api/v1/tenants/demo/acts/" + actId + "/prefecture-messages")
                .status()).isEqualTo(404);

        // nothing was kept nor sent: the letter still waits for its answer
        assertThat(Letters.message(secretaire, actId, courrier).orElseThrow())
                .containsEntry("state", "AWAITING_REPLY").doesNotContainKey("reply");
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).<List<String>>json("$.documents[*].role"))
                .doesNotContain("PREFECTURE_REPLY");
    }

    @Test
    void a_letter_read_twice_by_the_mailbox_is_recorded_once() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long letter = Letters.issue(as("operateur"), Letters.transaction(secretaire, actId), "LETTRE_OBSERVATIONS", null);
        Letters.awaitMessage(secretaire, actId, letter);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(letter));
        // the mark as read is lost: S²LOW lists the letter again, and the mailbox reads it again
        jdbc.update("update sandbox_prefecture_transaction set read = false where id = ?", letter);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(letter));
        assertThat(Letters.messages(secretaire, actId)).hasSize(1);
        assertThat(Letters.replyTasks(secretaire, actId)).hasSize(1);
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId)
                .<List<String>>json("$.history[?(@.event == 'PREFECTURE_LETTER')].event")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from prefecture_message where remote_id = ?", Integer.class,
                String.valueOf(letter))).isEqualTo(1);
    }

    private boolean read(long letter) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select read from sandbox_prefecture_transaction where id = ?",
                Boolean.class, letter));
    }
}
