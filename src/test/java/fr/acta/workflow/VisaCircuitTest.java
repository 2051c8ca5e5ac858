package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisaCircuitTest extends ApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_deliberation_goes_through_adjoint_then_maire_and_completes() {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", "deliberation");

        String adjointTask = Acts.awaitTask(as("adjoint"), "demo", actId);
        Map<String, Object> task = as("adjoint").get("/api/v1/tenants/demo/tasks").<List<Map<String, Object>>>json("$")
                .stream().filter(t -> t.get("id").equals(adjointTask)).findFirst().orElseThrow();
        assertThat(task).containsEntry("kind", "VISA").containsEntry("desk", "Adjoint");
        assertThat(task.get("dueAt")).isNotNull();
        assertThat((Map<String, Object>) task.get("act")).containsEntry("nature", "DE").containsEntry("state", "IN_CIRCUIT");
        assertThat(Acts.state(secretaire, "demo", actId)).isEqualTo("IN_CIRCUIT");

        // the maire has nothing yet: the steps are in order
        assertThat(as("maire").get("/api/v1/tenants/demo/tasks").text()).doesNotContain(actId);
        assertThat(Acts.decide(as("adjoint"), "demo", adjointTask, "APPROVE", "Vu").status()).isEqualTo(204);

        String maireTask = Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(Acts.sign(as("maire"), "demo", maireTask).status()).isEqualTo(204);

        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        Acts.awaitEvent(secretaire, "demo", actId, "COMPLETED");
        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<String>>json("$.history[*].event")).containsSubsequence("SUBMITTED", "CIRCUIT_STARTED",
                "VISA_APPROVED", "SIGNED", "BORDEREAU", "TRANSMITTED", "ACKNOWLEDGED", "COMPLETED");
        // the circuit's documents, then the contrôle de légalité's (package, AR, bordereau, two stamped copies)
        assertThat(act.<List<String>>json("$.documents[*].role")).containsExactlyInAnyOrder("MAIN", "ANNEX", "SIGNED",
                "BORDEREAU", "TRANSMISSION_PACKAGE", "ARACTE", "ACK_BORDEREAU", "STAMPED", "STAMPED", "ARCHIVE_PACKAGE");
        assertThat(act.<List<String>>json("$.signatures[*].indication")).containsExactly("TOTAL_PASSED");
        assertThat(act.<List<String>>json("$.signatures[*].level")).containsExactly("LT");
        assertThat(act.<List<String>>json("$.history[*].actor")).contains("adjoint", "maire");
    }

    @Test
    void a_rejection_returns_the_act_to_its_submitter_who_corrects_and_resubmits() {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", "arrete");
        String task = Acts.awaitTask(as("maire"), "demo", actId);

        Api.Response tooShort = Acts.decide(as("maire"), "demo", task, "REJECT", "no");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.errorFields()).containsExactly("annotation");

        assertThat(Acts.decide(as("maire"), "demo", task, "REJECT", "Montant erroné à l'article 2").status())
                .isEqualTo(204);
        Acts.awaitState(secretaire, "demo", actId, "REJECTED");
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).text()).contains("Montant erroné à l'article 2");

        Api.Response resubmitted = secretaire.multipart("/api/v1/tenants/demo/acts/" + actId + "/resubmission",
                new Api.Multipart().main("corrige.pdf", SamplePdfs.arrete("Valmont", "A1", "Arrêté corrigé")));
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        assertThat(resubmitted.<String>json("$.documents[0].name")).isEqualTo("corrige.pdf");

        String again = Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(again).isNotEqualTo(task);
        assertThat(Acts.sign(as("maire"), "demo", again).status()).isEqualTo(204);
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
    }

    @Test
    void a_task_of_another_desk_cannot_be_decided() {
        String actId = Acts.submit(as("secretaire"), "demo", "deliberation");
        String task = Acts.awaitTask(as("adjoint"), "demo", actId);
        assertThat(Acts.decide(as("maire"), "demo", task, "APPROVE", null).status()).isEqualTo(404);
        assertThat(Acts.decide(as("maire.voisine"), "voisine", task, "APPROVE", null).status()).isEqualTo(404);
        assertThat(Acts.decide(as("adjoint"), "demo", task, "MAYBE", null).errorFields()).containsExactly("decision");
    }
}
