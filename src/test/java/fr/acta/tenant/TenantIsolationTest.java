package fr.acta.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.support.Leftovers;
import fr.acta.testdata.SamplePdfs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * A person of one collectivité can neither read nor detect anything of another: on every endpoint,
 * the answer is the 404 given for what does not exist, body for body. The operator's staff sees all.
 */
class TenantIsolationTest extends ApiTest {

    private static final String NOT_FOUND_TENANT = "Collectivité introuvable.";

    /** A demo act waiting for the adjoint's visa, created once for the class. */
    private static String demoAct;
    private static String demoNumber;
    private static String demoDocument;
    private static String demoTask;

    @BeforeEach
    void a_demo_act_waits_for_a_visa() {
        if (demoAct != null) {
            return;
        }
        demoNumber = Acts.uniqueNumber("ISO");
        Api.Response r = as("secretaire").multipart("/api/v1/tenants/demo/acts", Acts.deliberation(demoNumber,
                "deliberation"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        demoAct = r.json("$.id");
        demoDocument = r.json("$.documents[0].id");
        demoTask = Acts.awaitTask(as("adjoint"), "demo", demoAct);
    }

    // --- addressing another collectivité at all ---------------------------------------------------

    @Test
    void every_endpoint_of_another_collectivite_answers_404_as_for_one_that_does_not_exist() {
        Map<String, BiFunction<Api, String, Api.Response>> endpoints = endpoints();
        for (String user : List.of("secretaire.voisine", "maire.voisine")) {
            Api voisine = as(user);
            endpoints.forEach((name, call) -> {
                Api.Response foreign = call.apply(voisine, "demo");
                Api.Response unknown = call.apply(voisine, "nulle-part");
                assertThat(foreign.status()).as(user + " " + name + " " + foreign).isEqualTo(404);
                assertThat(foreign.contentType()).as(name).isEqualTo("application/problem+json");
                assertThat(foreign.<String>json("$.detail")).as(name).isEqualTo(NOT_FOUND_TENANT);
                assertThat(foreign.<List<Object>>json("$.errors")).as(name).isEmpty();
                assertThat(withoutInstance(foreign)).as(name).isEqualTo(withoutInstance(unknown));
            });
        }
    }

    @Test
    void a_demo_user_addressing_voisine_gets_the_same_404() {
        Api secretaire = as("secretaire");
        endpoints().forEach((name, call) -> {
            Api.Response foreign = call.apply(secretaire, "voisine");
            assertThat(foreign.status()).as(name + " " + foreign).isEqualTo(404);
            assertThat(withoutInstance(foreign)).as(name).isEqualTo(withoutInstance(call.apply(secretaire, "nulle-part")));
        });
    }

    @Test
    void addressing_another_collectivite_changes_nothing_there() {
        Leftovers before = Leftovers.take(jdbc, home());
        String number = Acts.uniqueNumber("ISO");
        assertThat(as("secretaire.voisine").multipart("/api/v1/tenants/demo/acts",
                Acts.deliberation(number, "deliberation")).status()).isEqualTo(404);
        Leftovers.assertNothingLeftSince(before, jdbc, home());
        assertThat(jdbc.queryForObject("select count(*) from act where number = ?", Long.class, number)).isZero();

        assertThat(as("maire.voisine").put("/api/v1/tenants/demo/classification", MediaType.APPLICATION_XML,
                voisineClassification()).status()).isEqualTo(404);
        assertThat(as("secretaire").get("/api/v1/tenants/demo/classification").<String>json("$.dateClassification"))
                .isEqualTo("2026-03-15");

        assertThat(Acts.decide(as("maire.voisine"), "demo", demoTask, "APPROVE", null).status()).isEqualTo(404);
        assertThat(as("adjoint").get("/api/v1/tenants/demo/tasks").text()).contains(demoTask);
        assertThat(Acts.state(as("secretaire"), "demo", demoAct)).isEqualTo("IN_CIRCUIT");
    }

    // --- another collectivité's records through one's own -------------------------------------------

    @Test
    void a_demo_act_read_through_voisine_is_404_as_a_missing_act() {
        Api voisine = as("secretaire.voisine");
        String missing = UUID.randomUUID().toString();
        Api.Response foreign = voisine.get("/api/v1/tenants/voisine/acts/" + demoAct);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.<String>json("$.detail")).isEqualTo("Acte introuvable.");
        assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(voisine.get("/api/v1/tenants/voisine/acts/" + missing)));
    }

    @Test
    void a_demo_document_read_through_voisine_is_404_as_a_missing_document() {
        Api voisine = as("secretaire.voisine");
        Api.Response foreign = voisine.get("/api/v1/tenants/voisine/acts/" + demoAct + "/documents/" + demoDocument);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).isEqualTo("application/problem+json");
        assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(voisine.get("/api/v1/tenants/voisine/acts/"
                + UUID.randomUUID() + "/documents/" + UUID.randomUUID())));
        // nor with one of voisine's own acts
        String own = Acts.submit(voisine, "voisine", "deliberation");
        assertThat(withoutInstance(voisine.get("/api/v1/tenants/voisine/acts/" + own + "/documents/" + demoDocument)))
                .isEqualTo(withoutInstance(foreign));
    }

    @Test
    void a_demo_act_resubmitted_through_voisine_is_404_as_a_missing_act() {
        Api voisine = as("secretaire.voisine");
        Api.Response foreign = voisine.multipart("/api/v1/tenants/voisine/acts/" + demoAct + "/resubmission",
                resubmission());
        Api.Response missing = voisine.multipart("/api/v1/tenants/voisine/acts/" + UUID.randomUUID() + "/resubmission",
                resubmission());
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(missing));
    }

    @Test
    void a_demo_task_decided_through_voisine_is_404_as_a_missing_task() {
        Api maire = as("maire.voisine");
        Api.Response foreign = Acts.decide(maire, "voisine", demoTask, "APPROVE", null);
        Api.Response missing = Acts.decide(maire, "voisine", UUID.randomUUID().toString(), "APPROVE", null);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.<String>json("$.detail")).isEqualTo("Tâche introuvable.");
        assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(missing));
        assertThat(as("adjoint").get("/api/v1/tenants/demo/tasks").text()).contains(demoTask);
    }

    @Test
    void voisine_task_list_never_shows_demo_tasks() {
        String own = Acts.submit(as("secretaire.voisine"), "voisine", "arrete");
        String ownTask = Acts.awaitTask(as("maire.voisine"), "voisine", own);
        List<String> ids = as("maire.voisine").get("/api/v1/tenants/voisine/tasks").json("$[*].id");
        List<String> acts = as("maire.voisine").get("/api/v1/tenants/voisine/tasks").json("$[*].actId");
        assertThat(ids).contains(ownTask).doesNotContain(demoTask);
        assertThat(acts).doesNotContain(demoAct);
        assertThat(voisineActIds()).containsAll(acts);
    }

    @Test
    void voisine_act_list_never_shows_demo_acts() {
        Api voisine = as("secretaire.voisine");
        String own = Acts.submit(voisine, "voisine", "deliberation");
        Api.Response list = voisine.get("/api/v1/tenants/voisine/acts?size=200");
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = list.json("$.content[*].id");
        assertThat(ids).contains(own).doesNotContain(demoAct);
        assertThat(voisineActIds()).containsAll(ids);
        assertThat(list.<Integer>json("$.totalElements")).isEqualTo(voisineActIds().size());

        Api.Response search = voisine.get("/api/v1/tenants/voisine/acts?q=" + demoNumber);
        assertThat(search.<Integer>json("$.totalElements")).isZero();
        assertThat(voisine.get("/api/v1/tenants/voisine/acts?state=IN_CIRCUIT&size=200")
                .<List<String>>json("$.content[*].id")).doesNotContain(demoAct);
    }

    @Test
    void voisine_sees_its_own_classification_and_circuits() {
        Api voisine = as("secretaire.voisine");
        assertThat(voisine.get("/api/v1/tenants/voisine/classification").<String>json("$.dateClassification"))
                .isEqualTo("2026-01-20");
        assertThat(voisine.get("/api/v1/tenants/voisine/circuits").<List<String>>json("$[*].code"))
                .containsExactlyInAnyOrder("arrete", "cachet", "deliberation");
    }

    // --- the operator's staff ------------------------------------------------------------------------

    @Test
    void the_operateur_reads_both_collectivites() {
        Api operateur = as("operateur");
        assertThat(operateur.get("/api/v1/tenants/demo/acts/" + demoAct).status()).isEqualTo(200);
        assertThat(operateur.get("/api/v1/tenants/demo/acts/" + demoAct + "/documents/" + demoDocument).status())
                .isEqualTo(200);
        assertThat(operateur.get("/api/v1/tenants/demo/acts?q=" + demoNumber).<Integer>json("$.totalElements"))
                .isEqualTo(1);
        assertThat(operateur.get("/api/v1/tenants/voisine/acts").status()).isEqualTo(200);
        for (String tenant : List.of("demo", "voisine")) {
            assertThat(operateur.get("/api/v1/tenants/" + tenant + "/classification").status()).isEqualTo(200);
            assertThat(operateur.get("/api/v1/tenants/" + tenant + "/circuits").status()).isEqualTo(200);
            assertThat(operateur.get("/api/v1/tenants/" + tenant + "/tasks").status()).isEqualTo(200);
        }
        // the operator's staff holds no desk: a collectivité's visa stays with its desks
        assertThat(operateur.get("/api/v1/tenants/demo/tasks").text()).doesNotContain(demoTask);
        assertThat(operateur.get("/api/v1/tenants/nulle-part/acts").<String>json("$.detail")).isEqualTo(NOT_FOUND_TENANT);
    }

    // --- authentication --------------------------------------------------------------------------------

    @Test
    void without_credentials_every_endpoint_answers_401_problem() {
        Api anonymous = anonymous();
        endpoints().forEach((name, call) -> {
            Api.Response r = call.apply(anonymous, "demo");
            assertThat(r.status()).as(name + " " + r).isEqualTo(401);
            assertThat(r.contentType()).as(name).startsWith("application/problem+json");
            assertThat(r.headers().getFirst("WWW-Authenticate")).as(name).startsWith("Basic");
            assertThat(r.<String>json("$.detail")).as(name).isEqualTo("Authentification requise.");
            assertThat(withoutInstance(r)).as(name).isEqualTo(withoutInstance(call.apply(anonymous, "nulle-part")));
        });
    }

    @Test
    void a_wrong_password_or_an_unknown_user_answers_401_alike() {
        Api.Response wrongPassword = as("secretaire", "pas-le-bon").get("/api/v1/tenants/demo/acts");
        Api.Response unknownUser = as("inconnu", "demo").get("/api/v1/tenants/demo/acts");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(withoutInstance(unknownUser)).isEqualTo(withoutInstance(wrongPassword));
        // the right password still works after a wrong one
        assertThat(as("secretaire").get("/api/v1/tenants/demo/acts").status()).isEqualTo(200);
        assertThat(as("secretaire", "pas-le-bon").get("/api/v1/tenants/demo/acts").status()).isEqualTo(401);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** Every endpoint of the API, addressed to a collectivité, on the demo act, document and task. */
    private Map<String, BiFunction<Api, String, Api.Response>> endpoints() {
        Map<String, BiFunction<Api, String, Api.Response>> e = new LinkedHashMap<>();
        e.put("act", (api, t) -> api.get(base(t) + "/acts/" + demoAct));
        e.put("acts list", (api, t) -> api.get(base(t) + "/acts?q=" + demoNumber));
        e.put("document", (api, t) -> api.get(base(t) + "/acts/" + demoAct + "/documents/" + demoDocument));
        e.put("submission", (api, t) -> api.multipart(base(t) + "/acts",
                Acts.deliberation(Acts.uniqueNumber("ISO"), "deliberation")));
        e.put("resubmission", (api, t) -> api.multipart(base(t) + "/acts/" + demoAct + "/resubmission", resubmission()));
        e.put("tasks", (api, t) -> api.get(base(t) + "/tasks"));
        e.put("decision", (api, t) -> api.postJson(base(t) + "/tasks/" + demoTask, "{\"decision\":\"APPROVE\"}"));
        e.put("classification", (api, t) -> api.get(base(t) + "/classification"));
        e.put("classification import", (api, t) -> api.put(base(t) + "/classification", MediaType.APPLICATION_XML,
                voisineClassification()));
        e.put("circuits", (api, t) -> api.get(base(t) + "/circuits"));
        e.put("i-Parapheur settings", (api, t) -> api.get(base(t) + "/admin/connectors/iparapheur"));
        e.put("S²LOW account", (api, t) -> api.get(base(t) + "/admin/connectors/s2low"));
        e.put("archive search", (api, t) -> api.get(base(t) + "/archives?q=acte&nature=XX"));
        e.put("archive record", (api, t) -> api.get(base(t) + "/archives/SAE-DEMO-2026-000001"));
        e.put("archive manifest", (api, t) -> api.get(base(t) + "/archives/SAE-DEMO-2026-000001/manifest"));
        e.put("archive DIP", (api, t) -> api.get(base(t) + "/archives/SAE-DEMO-2026-000001/dip"));
        e.put("expired DUAs", (api, t) -> api.get(base(t) + "/archives/retention/expired"));
        e.put("elimination", (api, t) -> api.postJson(base(t) + "/archives/SAE-DEMO-2026-000001/elimination", "{}"));
        return e;
    }

    private static String base(String tenant) {
        return "/api/v1/tenants/" + tenant;
    }

    private static Api.Multipart resubmission() {
        return new Api.Multipart().main("corrige.pdf", SamplePdfs.arrete("Saint-Aubin", "C1", "Acte corrigé"));
    }

    private List<String> voisineActIds() {
        return jdbc.queryForList("select a.id::text from act a join tenant t on t.id = a.tenant_id where t.code = 'voisine'",
                String.class);
    }

    /** A problem without its {@code instance} (the request path, which differs by construction). */
    private static Map<String, Object> withoutInstance(Api.Response r) {
        Map<String, Object> body = new LinkedHashMap<>(r.json("$"));
        body.remove("instance");
        body.put("httpStatus", r.status());
        return body;
    }

    private static byte[] voisineClassification() {
        try (InputStream in = new ClassPathResource("sample-documents/classification/RetourClassification-voisine.xml")
                .getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
