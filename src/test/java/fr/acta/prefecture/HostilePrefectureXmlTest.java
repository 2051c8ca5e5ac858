package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * A hostile tiers de télétransmission answers with an XXE or a billion-laughs document. The sandbox's
 * administrator route refuses them (it parses without DTDs), so the test writes them straight into
 * the sandbox's tables, as a compromised S²LOW would serve them. Acta never expands them nor reads a
 * file: an acknowledgement it cannot read stops its step (a failing job, then an incident), and an
 * anomaly it cannot read still sends the act back with S²LOW's own message.
 */
class HostilePrefectureXmlTest extends SandboxedTransmissionTest {

    private static final String NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";
    private static final String MARKER = "ACTA-XXE-SECRET-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void reset() {
        resetSandbox();
    }

    @Test
    void an_acknowledgement_with_an_external_entity_is_not_parsed_and_its_step_fails_visibly() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), MARKER);
        prefectureSilent();
        String actId = signedAct("demo", "secretaire", "maire");
        String number = awaitTransmission("demo", actId, 1, "POSTED").json("$.number");
        long transaction = ((Number) sandboxTransaction(number).get("id")).longValue();
        byte[] xxe = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE actes:ARActe [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<actes:ARActe xmlns:actes=\"" + NS + "\" actes:IDActe=\"069-210690004-"
                + "20261112-" + number + "-DE\" actes:DateReception=\"2026-11-20\"><actes:Objet>&xxe;</actes:Objet>"
                + "</actes:ARActe>").getBytes(StandardCharsets.ISO_8859_1);

        Api.Response viaAdmin = operator().post(SANDBOX + "/transactions/" + transaction + "/answer",
                MediaType.APPLICATION_XML, xxe);
        assertThat(viaAdmin.status()).as("the sandbox itself refuses DTDs").isEqualTo(400);
        assertThat(viaAdmin.errorFields()).containsExactly("body");

        served(transaction, 4, "Reçu par le MIAT le 2026-11-20", xxe);
        String processInstance = transmissionProcess(actId);
        Map<String, Object> job = awaitFailingJob(processInstance);
        String failure = (String) job.get("exceptionMessage");
        assertThat(failure).contains("DTD").doesNotContain(MARKER);
        Api admin = as("admin");
        assertThat(admin.get("/engine-rest/job/" + job.get("id") + "/stacktrace").text()).contains("DTD")
                .doesNotContain(MARKER);

        Api.Response act = act("demo", actId);
        assertThat(act.<String>json("$.state")).isEqualTo("TRANSMITTED");
        assertThat(act.<List<String>>json("$.documents[*].role")).doesNotContain("ARACTE", "STAMPED");
        assertThat(act.text()).doesNotContain(MARKER);

        // after its last retry the step becomes an incident with the same message
        assertThat(admin.put("/engine-rest/job/" + job.get("id") + "/retries", MediaType.APPLICATION_JSON,
                "{\"retries\":1}".getBytes()).status()).isEqualTo(204);
        assertThat(admin.postJson("/engine-rest/job/" + job.get("id") + "/execute", "{}").status()).isEqualTo(500);
        List<Map<String, Object>> incidents = admin.get("/engine-rest/incident?processInstanceId=" + processInstance)
                .json("$");
        assertThat(incidents).singleElement().satisfies(i -> assertThat((String) i.get("incidentMessage"))
                .contains("DTD").doesNotContain(MARKER));
        assertThat(Acts.state(as("secretaire"), "demo", actId)).isEqualTo("TRANSMITTED");
    }

    @Test
    void an_anomaly_with_a_billion_laughs_is_not_expanded_and_the_act_comes_back_with_s2lows_message() {
        prefectureSilent();
        String actId = signedAct("demo", "secretaire", "maire");
        String number = awaitTransmission("demo", actId, 1, "POSTED").json("$.number");
        long transaction = ((Number) sandboxTransaction(number).get("id")).longValue();
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE actes:AnomalieActe [\n"
                + "<!ENTITY lol \"lol\">\n<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        bomb.append("]>\n<actes:AnomalieActe xmlns:actes=\"").append(NS).append("\"><actes:Nature>999</actes:Nature>"
                + "<actes:Detail>&lol9;</actes:Detail></actes:AnomalieActe>");

        served(transaction, -1, "Anomalie signalee par le MIAT : 999 - Enveloppe rejetée",
                bomb.toString().getBytes(StandardCharsets.ISO_8859_1));
        Acts.awaitState(as("secretaire"), "demo", actId, "TRANSMISSION_ERROR");
        Api.Response act = act("demo", actId);
        assertThat(act.<String>json("$.transmission.error")).isEqualTo("Réponse de la préfecture illisible ou refusée "
                + "par Acta (XML non conforme ou dangereux) ; S²LOW indique : Anomalie signalee par le MIAT : 999 - "
                + "Enveloppe rejetée");
        assertThat(act.text()).doesNotContain("lollol").doesNotContain("ENTITY");
        assertThat(act.text().length()).isLessThan(200_000);
    }

    /** What a hostile S²LOW serves for the transaction from now on. */
    private void served(long transaction, int status, String message, byte[] xml) {
        jdbc.update("insert into sandbox_prefecture_status (transaction_id, status, at, message, flux_retour) "
                + "values (?, ?, now(), ?, ?)", transaction, status, message, xml);
        jdbc.update("update sandbox_prefecture_transaction set last_status = ?, outcome = 'NONE' where id = ?", status,
                transaction);
    }

    /** The act's instance of the prefecture-transmission process. */
    private String transmissionProcess(String actId) {
        List<String> ids = as("admin").get("/engine-rest/process-instance?processDefinitionKey=prefecture-transmission"
                + "&businessKey=" + actId).json("$[*].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private Map<String, Object> awaitFailingJob(String processInstance) {
        Object[] found = new Object[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Map<String, Object>> jobs = as("admin").get("/engine-rest/job?withException=true&processInstanceId="
                    + processInstance).json("$");
            jobs.stream().findFirst().ifPresent(j -> found[0] = j);
            return !jobs.isEmpty();
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) found[0];
        return job;
    }
}
