package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Circuits as data: parallel rules, delegation, droit de remords, annotations, and their administration. */
class ParapheurCircuitTest extends ApiTest {

    private Api admin() {
        return as("admin");
    }

    private void circuit(String code, String json) {
        Api.Response r = admin().put("/api/v1/tenants/demo/admin/circuits/" + code,
                org.springframework.http.MediaType.APPLICATION_JSON, json.getBytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void with_rule_ALL_every_desk_of_the_step_must_act() {
        circuit("conjoint", """
                {"name":"Visa conjoint","steps":[{"kind":"VISA","rule":"ALL","desks":["Adjoint","Maire"]}]}""");
        String actId = Acts.submit(as("secretaire"), "demo", "conjoint");
        String adjointTask = Acts.awaitTask(as("adjoint"), "demo", actId);
        String maireTask = Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(Acts.decide(as("adjoint"), "demo", adjointTask, "VISA", null).status()).isEqualTo(204);
        assertThat(Acts.state(as("secretaire"), "demo", actId)).isEqualTo("IN_CIRCUIT");
        assertThat(Acts.decide(as("maire"), "demo", maireTask, "VISA", null).status()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
    }

    @Test
    void with_rule_ANY_the_first_desk_decides_for_the_step() {
        circuit("premier", """
                {"name":"Premier visa","steps":[{"kind":"VISA","rule":"ANY","desks":["Adjoint","Maire"]}]}""");
        String actId = Acts.submit(as("secretaire"), "demo", "premier");
        String adjointTask = Acts.awaitTask(as("adjoint"), "demo", actId);
        Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(Acts.decide(as("adjoint"), "demo", adjointTask, "VISA", null).status()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
        assertThat(as("maire").get("/api/v1/tenants/demo/tasks").text()).doesNotContain(actId);
    }

    @Test
    void a_delegate_acts_en_l_absence_de_the_holder_and_a_nature_filter_limits_it() {
        LocalDate today = LocalDate.now(TaskWorkService.PARIS);
        Api.Response onlyAr = admin().postJson("/api/v1/tenants/demo/admin/desks/Maire/delegations",
                "{\"delegateDesk\":\"Adjoint\",\"from\":\"%s\",\"to\":\"%s\",\"natures\":[\"AR\"]}"
                        .formatted(today, today.plusDays(7)));
        assertThat(onlyAr.status()).as(onlyAr.toString()).isEqualTo(201);
        String actId = Acts.submit(as("secretaire"), "demo", "arrete"); // a délibération (DE) on the maire's desk
        Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(as("adjoint").get("/api/v1/tenants/demo/tasks").text()).doesNotContain(actId);
        assertThat(admin().delete("/api/v1/tenants/demo/admin/delegations/" + onlyAr.json("$.id")).status())
                .isEqualTo(204);

        Api.Response all = admin().postJson("/api/v1/tenants/demo/admin/desks/Maire/delegations",
                "{\"delegateDesk\":\"Adjoint\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(today.minusDays(1), today));
        assertThat(all.status()).isEqualTo(201);
        try {
            String task = Acts.awaitTask(as("adjoint"), "demo", actId);
            Map<String, Object> view = as("adjoint").get("/api/v1/tenants/demo/tasks").<List<Map<String, Object>>>json("$")
                    .stream().filter(t -> t.get("id").equals(task)).findFirst().orElseThrow();
            assertThat(view).containsEntry("onBehalfOf", "Maire").containsEntry("desk", "Maire");
            assertThat(Acts.sign(as("adjoint"), "demo", task).status()).isEqualTo(204);
            Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
            assertThat(as("secretaire").get("/api/v1/tenants/demo/acts/" + actId).text())
                    .contains("en l'absence du bureau Maire");
        } finally {
            admin().delete("/api/v1/tenants/demo/admin/delegations/" + all.json("$.id"));
        }
    }

    @Test
    void droit_de_remords_takes_a_visa_back_while_the_next_step_has_not_acted() {
        String actId = Acts.submit(as("secretaire"), "demo", "deliberation");
        String first = Acts.awaitTask(as("adjoint"), "demo", actId);
        assertThat(Acts.decide(as("adjoint"), "demo", first, "VISA", null).status()).isEqualTo(204);
        Acts.awaitTask(as("maire"), "demo", actId);

        assertThat(as("maire").postJson("/api/v1/tenants/demo/acts/" + actId + "/remorse", "").status())
                .as("only the previous step's actor may take it back").isEqualTo(409);
        assertThat(as("adjoint").postJson("/api/v1/tenants/demo/acts/" + actId + "/remorse", "").status())
                .isEqualTo(204);
        String again = Acts.awaitTask(as("adjoint"), "demo", actId);
        assertThat(again).isNotEqualTo(first);
        assertThat(as("maire").get("/api/v1/tenants/demo/tasks").text()).doesNotContain(actId);
        assertThat(as("secretaire").get("/api/v1/tenants/demo/acts/" + actId).text()).contains("DECISION_TAKEN_BACK");

        assertThat(Acts.decide(as("adjoint"), "demo", again, "VISA", null).status()).isEqualTo(204);
        String maire = Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(Acts.sign(as("maire"), "demo", maire).status()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
        assertThat(as("adjoint").postJson("/api/v1/tenants/demo/acts/" + actId + "/remorse", "").status())
                .isEqualTo(409);
    }

    @Test
    void a_private_annotation_is_seen_by_its_desk_only() {
        String actId = Acts.submit(as("secretaire"), "demo", "arrete");
        String task = Acts.awaitTask(as("maire"), "demo", actId);
        Api.Response r = as("maire").postJson("/api/v1/tenants/demo/tasks/" + task,
                "{\"decision\":\"SIGN\",\"password\":\"demo\",\"annotation\":\"Conforme\",\"privateAnnotation\":\"A revoir avec le DGS\"}");
        assertThat(r.status()).isEqualTo(204);
        assertThat(as("maire").get("/api/v1/tenants/demo/acts/" + actId).text()).contains("Conforme", "A revoir avec le DGS");
        assertThat(as("secretaire").get("/api/v1/tenants/demo/acts/" + actId).text()).contains("Conforme")
                .doesNotContain("A revoir avec le DGS");
    }

    @Test
    void a_running_act_keeps_the_circuit_it_started_with() {
        circuit("evolutif", """
                {"name":"Évolutif","steps":[{"kind":"VISA","desks":["Adjoint"]},{"kind":"VISA","desks":["Maire"]}]}""");
        String actId = Acts.submit(as("secretaire"), "demo", "evolutif");
        String task = Acts.awaitTask(as("adjoint"), "demo", actId);
        circuit("evolutif", """
                {"name":"Évolutif","steps":[{"kind":"VISA","desks":["Adjoint"]}]}""");
        assertThat(Acts.decide(as("adjoint"), "demo", task, "VISA", null).status()).isEqualTo(204);
        Acts.awaitTask(as("maire"), "demo", actId);
    }

    @Test
    void circuit_administration_checks_its_input_and_its_callers() {
        Api.Response bad = admin().put("/api/v1/tenants/demo/admin/circuits/faux",
                org.springframework.http.MediaType.APPLICATION_JSON,
                "{\"name\":\"Faux\",\"natures\":[\"XX\"],\"steps\":[{\"kind\":\"VISA\",\"desks\":[\"Inconnu\"]}]}".getBytes());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).contains("natures[0]", "steps[0].desks[0]");
        assertThat(as("secretaire").get("/api/v1/tenants/demo/admin/circuits").status()).isEqualTo(403);
        assertThat(as("maire.voisine").get("/api/v1/tenants/demo/admin/circuits").status()).isEqualTo(404);
        assertThat(as("operateur").get("/api/v1/tenants/voisine/admin/desks").status()).isEqualTo(200);
        Api.Response desk = admin().put("/api/v1/tenants/demo/admin/desks/DGS",
                org.springframework.http.MediaType.APPLICATION_JSON,
                "{\"name\":\"Directeur général des services\",\"members\":[\"maire.voisine\"]}".getBytes());
        assertThat(desk.status()).isEqualTo(400);
        assertThat(desk.errorFields()).containsExactly("members[0]");
    }
}
