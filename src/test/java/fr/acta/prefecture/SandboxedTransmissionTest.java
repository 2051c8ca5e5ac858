package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests that bend the sandbox préfecture (delays, anomalies, classification served,
 * accounts): they get an Acta of their own, so that no other test's act meets their settings.
 */
@TestPropertySource(properties = "acta.test.instance=transmission-robust")
abstract class SandboxedTransmissionTest extends ApiTest {

    static final String SANDBOX = "/api/v1/sandbox/prefecture";

    Api operator() {
        return as("operateur");
    }

    /** Default delays (0 in tests), no anomaly ordered, the configured classification served. */
    void resetSandbox() {
        assertThat(operator().delete(SANDBOX + "/settings").status()).isEqualTo(200);
    }

    /** The préfecture keeps the acts it received without answering, until told to. */
    void prefectureSilent() {
        Api.Response r = operator().put(SANDBOX + "/settings", MediaType.APPLICATION_JSON,
                "{\"sentToAnswerMs\":3600000}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** Submits an arrêté and has the maire sign it; returns the act id. */
    String signedAct(String tenant, String secretary, String mayor) {
        String actId = Acts.submit(as(secretary), tenant, "arrete");
        assertThat(Acts.sign(as(mayor), tenant, Acts.awaitTask(as(mayor), tenant, actId)).status()).isEqualTo(204);
        return actId;
    }

    Api.Response act(String tenant, String actId) {
        return as("operateur").get("/api/v1/tenants/" + tenant + "/acts/" + actId);
    }

    /** Waits until the act's latest sending is this attempt in this state; returns the act. */
    Api.Response awaitTransmission(String tenant, String actId, int attempt, String status) {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Api.Response a = act(tenant, actId);
                return a.text().contains("\"transmission\"") && a.<Integer>json("$.transmission.attempt") == attempt
                        && status.equals(a.json("$.transmission.status"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Act " + actId + " did not reach " + status + " (attempt " + attempt + "): "
                    + act(tenant, actId).text() + "\nFailing jobs: "
                    + as("admin").get("/engine-rest/job?withException=true").text(), e);
        }
        return act(tenant, actId);
    }

    /** The sandbox's transmissions (type 1) bearing this number. */
    List<Map<String, Object>> sandboxTransactions(String number) {
        return operator().get(SANDBOX + "/transactions?type=1&number=" + number).json("$");
    }

    /** The one sandbox transmission of this number. */
    Map<String, Object> sandboxTransaction(String number) {
        List<Map<String, Object>> found = sandboxTransactions(number);
        assertThat(found).as("transmissions of %s on the sandbox", number).hasSize(1);
        return found.get(0);
    }

    /** Corrects an act sent back by the préfecture: new metadata under this number. */
    Api.Response resubmit(Api submitter, String tenant, String actId, String number) {
        return submitter.multipart("/api/v1/tenants/" + tenant + "/acts/" + actId + "/resubmission",
                new Api.Multipart().metadata(Acts.metadata(number, "arrete", 1)));
    }

    static String anomalieActe(String nature, String detail) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:AnomalieActe xmlns:actes=\"http://www.interieur"
                + ".gouv.fr/ACTES#v1.1-20040216\"><actes:Date>2026-11-20</actes:Date><actes:Nature>" + nature
                + "</actes:Nature><actes:Detail>" + detail + "</actes:Detail>"
                + "<actes:ClassificationDateVersionEnCours>2026-03-15</actes:ClassificationDateVersionEnCours>"
                + "</actes:AnomalieActe>";
    }
}
