package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.testdata.SamplePdfs;
import fr.acta.transmission.ActesFile;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowSettings;
import fr.acta.act.Nature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The préfecture answers an anomaly: the act comes back to its submitter in TRANSMISSION_ERROR with
 * the préfecture's message, is corrected and sent again (a new sending, a new transaction), and is
 * acknowledged; the sandbox never holds two transactions of one sending.
 */
class TransmissionAnomalyTest extends SandboxedTransmissionTest {

    @Autowired
    S2lowClient s2low;

    @BeforeEach
    @AfterEach
    void reset() {
        resetSandbox();
    }

    @Test
    void an_anomaly_sends_the_act_back_and_the_corrected_act_is_acknowledged() {
        Api.Response ordered = operator().postJson(SANDBOX + "/next-anomaly", "{\"nature\":\"002\",\"detail\":"
                + "\"ODT-VERIF-01 : Votre acte a été transmis avec une date de classification qui n'est pas à jour\"}");
        assertThat(ordered.status()).isEqualTo(200);
        String actId = signedAct("demo", "secretaire", "maire");
        Acts.awaitState(as("secretaire"), "demo", actId, "TRANSMISSION_ERROR");

        Api.Response refused = act("demo", actId);
        String number = refused.json("$.number");
        assertThat(refused.<String>json("$.transmission.status")).isEqualTo("ERROR");
        assertThat(refused.<Integer>json("$.transmission.attempt")).isEqualTo(1);
        assertThat(refused.<String>json("$.transmission.error")).isEqualTo("Anomalie sur l'acte (nature 002) : "
                + "ODT-VERIF-01 : Votre acte a été transmis avec une date de classification qui n'est pas à jour");
        assertThat(refused.<List<String>>json("$.history[*].event")).containsSubsequence("TRANSMITTED",
                "TRANSMISSION_ERROR", "RETURNED_TO_SUBMITTER");
        assertThat(refused.<List<String>>json("$.history[?(@.event == 'TRANSMISSION_ERROR')].detail").get(0))
                .contains("ODT-VERIF-01");
        assertThat(sandboxTransaction(number).get("status")).isEqualTo(-1);

        String corrected = Acts.uniqueNumber("C");
        Api.Response resubmitted = resubmit(as("secretaire"), "demo", actId, corrected);
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        Api.Response acknowledged = awaitTransmission("demo", actId, 2, "ACKNOWLEDGED");
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
        assertThat(acknowledged.<String>json("$.transmission.idActe")).contains("-" + corrected + "-");
        assertThat(acknowledged.<List<Integer>>json("$.transmission.history[*].attempt")).contains(1, 2);
        assertThat(sandboxTransaction(number).get("status")).as("the refused sending, once").isEqualTo(-1);
        assertThat(sandboxTransaction(corrected).get("status")).as("the corrected sending, once").isEqualTo(4);
    }

    @Test
    void a_raw_anomaly_then_a_resubmission_under_the_same_number_is_refused_by_s2low_and_never_duplicated() {
        prefectureSilent();
        String actId = signedAct("demo", "secretaire", "maire");
        Api.Response sent = awaitTransmission("demo", actId, 1, "POSTED");
        String number = sent.json("$.number");
        Object transaction = sandboxTransaction(number).get("id");
        assertThat(sent.<String>json("$.transmission.transactionId")).isEqualTo(transaction.toString());
        Api.Response answered = operator().post(SANDBOX + "/transactions/" + transaction + "/answer",
                MediaType.APPLICATION_XML, anomalieActe("003", "Acte incomplet : l'annexe citée à l'article 2 "
                        + "manque").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        Acts.awaitState(as("secretaire"), "demo", actId, "TRANSMISSION_ERROR");
        assertThat(act("demo", actId).<String>json("$.transmission.error"))
                .isEqualTo("Anomalie sur l'acte (nature 003) : Acte incomplet : l'annexe citée à l'article 2 manque");
        resetSandbox();

        // sent again under the same number: S²LOW refuses it, nothing new on the sandbox
        assertThat(resubmit(as("secretaire"), "demo", actId, number).status()).isEqualTo(200);
        Api.Response again = awaitTransmission("demo", actId, 2, "ERROR");
        assertThat(again.<String>json("$.transmission.error")).contains("même numéro interne");
        assertThat(again.<Map<String, Object>>json("$.transmission")).doesNotContainKey("transactionId");
        Acts.awaitState(as("secretaire"), "demo", actId, "TRANSMISSION_ERROR");
        assertThat(sandboxTransaction(number).get("status")).isEqualTo(-1);

        String corrected = Acts.uniqueNumber("C");
        assertThat(resubmit(as("secretaire"), "demo", actId, corrected).status()).isEqualTo(200);
        awaitTransmission("demo", actId, 3, "ACKNOWLEDGED");
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
        assertThat(sandboxTransaction(number).get("status")).isEqualTo(-1);
        assertThat(sandboxTransaction(corrected).get("status")).isEqualTo(4);
    }

    @Test
    void an_act_posted_to_the_sandbox_is_found_again_by_its_number_whatever_its_status() {
        S2lowSettings settings = S2lowSettings.sandbox(URI.create("http://localhost:" + port + "/s2low-sandbox"),
                "demo", "demo");
        prefectureSilent();
        String waiting = Acts.uniqueNumber("F");
        long posted = s2low.postAct(settings, request(waiting));
        Optional<S2low.Transaction> found = s2low.findByNumber(settings, waiting);
        assertThat(found).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo(posted);
            assertThat(t.number()).isEqualTo(waiting);
            assertThat(t.type()).isEqualTo(1);
        });
        resetSandbox();
        String acknowledged = Acts.uniqueNumber("F");
        long other = s2low.postAct(settings, request(acknowledged));
        assertThat(s2low.status(settings, other).code()).isEqualTo(4);
        assertThat(s2low.findByNumber(settings, acknowledged)).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo(other);
            assertThat(t.statusCode()).isEqualTo(4);
        });
        assertThat(s2low.findByNumber(settings, Acts.uniqueNumber("INCONNU"))).isEmpty();
        Map<String, Object> listed = sandboxTransaction(acknowledged);
        assertThat(listed.get("id")).isEqualTo((int) other);
    }

    private static S2low.ActRequest request(String number) {
        byte[] pdf = SamplePdfs.deliberation("Valmont-sur-Saône", "R", "Recherche par numéro", 1_000);
        return new S2low.ActRequest(Nature.AR, "7.1", number, "Recherche par numéro", LocalDate.now().minusDays(1),
                new ActesFile("99_AR", "arrete.pdf", pdf), List.of(), false, false);
    }
}
