package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * An acknowledged act is cancelled through S²LOW: the annulation leaves once, its ARAnnulation is
 * kept and the act becomes CANCELLED; an act that is not acknowledged cannot be, and only its
 * submitter or an administrator may ask.
 */
class CancellationTest extends ApiTest {

    @Test
    void an_acknowledged_act_is_cancelled_and_its_ar_annulation_kept() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long tx = Letters.transaction(secretaire, actId);
        String path = "/api/v1/tenants/demo/acts/" + actId + "/cancellation";

        Api.Response asked = secretaire.postJson(path, "{}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.<String>json("$.transmission.cancellation.requestedBy")).isEqualTo("secretaire");
        Acts.awaitState(secretaire, "demo", actId, "CANCELLED");

        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<String>json("$.transmission.status")).isEqualTo("CANCELLED");
        assertThat(act.<String>json("$.transmission.cancellation.transactionId")).isNotBlank();
        assertThat(act.<String>json("$.transmission.cancellation.receivedAt")).isNotBlank();
        assertThat(act.<List<String>>json("$.transmission.history[*].label"))
                .contains("Annulation demandée", "Annulation déposée sur S²LOW", "Annulation acquittée");
        assertThat(act.<List<String>>json("$.history[*].event"))
                .contains("CANCELLATION_REQUESTED", "CANCELLATION_POSTED", "CANCELLED");
        String arId = act.<List<String>>json("$.documents[?(@.role == 'ARANNULATION')].id").get(0);
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/documents/" + arId).text())
                .contains("ARAnnulation");

        Api operator = as("operateur");
        assertThat(operator.get(Letters.SANDBOX + "/transactions/" + tx).<Integer>json("$.status")).isEqualTo(0);
        List<Map<String, Object>> annulations = operator.get(Letters.SANDBOX
                + "/transactions?siren=210690004&type=6&limit=1000").json("$[?(@.relatedId == " + tx + ")]");
        assertThat(annulations).hasSize(1);

        Api.Response again = secretaire.postJson(path, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.<String>json("$.detail")).isEqualTo("L'acte est déjà annulé.");
    }

    @Test
    void only_an_acknowledged_act_may_be_cancelled_by_its_submitter_or_an_administrator() {
        Api secretaire = as("secretaire");
        String inCircuit = Acts.submit(secretaire, "demo", "arrete");
        Api.Response notSent = secretaire.postJson("/api/v1/tenants/demo/acts/" + inCircuit + "/cancellation", "{}");
        assertThat(notSent.status()).isEqualTo(409);
        assertThat(notSent.contentType()).startsWith("application/problem+json");
        assertThat(notSent.<String>json("$.detail")).contains("n'a pas été transmis à la préfecture");

        Api operator = as("operateur");
        assertThat(operator.put(Letters.SANDBOX + "/settings", MediaType.APPLICATION_JSON,
                "{\"postedToWaitingMs\":3600000}".getBytes()).status()).isEqualTo(200);
        String actId;
        try {
            actId = Acts.submit(secretaire, "demo", "arrete");
            Acts.sign(as("maire"), "demo", Acts.awaitTask(as("maire"), "demo", actId));
            Acts.awaitState(secretaire, "demo", actId, "TRANSMITTED");
        } finally {
            assertThat(operator.delete(Letters.SANDBOX + "/settings").status()).isEqualTo(200);
        }
        String path = "/api/v1/tenants/demo/acts/" + actId + "/cancellation";
        Api.Response pending = secretaire.postJson(path, "{}");
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.<String>json("$.detail")).startsWith("Seul un acte dont la préfecture a accusé réception")
                .contains("TRANSMITTED");

        operator.postJson(Letters.SANDBOX + "/transactions/" + Letters.transaction(secretaire, actId) + "/advance", "{}");
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        Api.Response byMaire = as("maire").postJson(path, "{}");
        assertThat(byMaire.status()).isEqualTo(403);
        assertThat(byMaire.contentType()).startsWith("application/problem+json");
        assertThat(as("secretaire.voisine").postJson(path, "{}").status()).isEqualTo(404);
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).<String>json("$.transmission.status"))
                .isEqualTo("ACKNOWLEDGED");

        assertThat(as("admin").postJson(path, "{}").status()).isEqualTo(202);
        Acts.awaitState(secretaire, "demo", actId, "CANCELLED");
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).<String>json("$.history[-1].actor"))
                .isEqualTo("acta");
    }
}
