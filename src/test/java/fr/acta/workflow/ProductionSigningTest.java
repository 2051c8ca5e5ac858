package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.signature.LocalPki;
import fr.acta.signature.Pkcs12Samples;
import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing as in production: the local PKI issues no keys (the collectivité uploads its own
 * certificates) and the time-stamping authority is an outside service, here unreachable. A desk
 * without a usable certificate, or a level that needs the TSA, gets a clear French refusal: no
 * signature, no signed document, the task stays open; a seal step ends as an incident saying why.
 */
@TestPropertySource(properties = {"acta.test.instance=production-signing", "acta.signature.issue-local-keys=false"})
class ProductionSigningTest extends ApiTest {

    static final String TSA = "http://127.0.0.1:" + closedPort() + "/tsa";

    @DynamicPropertySource
    static void unreachableTsa(DynamicPropertyRegistry registry) {
        registry.add("acta.signature.tsa-url", () -> TSA);
    }

    @Autowired
    LocalPki pki;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void a_desk_without_a_certificate_cannot_sign_until_one_is_uploaded() {
        String desk = deskWithCircuit("SansCert", "B", "SIGNATURE");
        String actId = Acts.submit(as("secretaire"), "demo", desk.toLowerCase());
        String task = Acts.awaitTask(as("maire"), "demo", actId);

        Api.Response refused = Acts.sign(as("maire"), "demo", task);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>json("$.detail")).isEqualTo("Aucun certificat de signature n'est configuré pour le "
                + "bureau " + desk + " : un administrateur doit en déposer un (PKCS#12).");
        assertNothingSigned(actId, task);
        assertThat(as("admin").get(certificates("desk", desk)).<List<Object>>json("$")).as("no key issued").isEmpty();

        assertThat(upload("desk", desk).status()).isEqualTo(201);
        assertThat(Acts.sign(as("maire"), "demo", task).status()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
        Api.Response act = as("secretaire").get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<String>json("$.signatures[0].level")).as("B needs no TSA").isEqualTo("B");
        assertThat(act.<String>json("$.signatures[0].indication")).isEqualTo("TOTAL_PASSED");
    }

    @Test
    void with_the_tsa_down_a_persons_signature_is_refused_and_the_task_stays_open() {
        for (String level : new String[] {"T", null}) { // null: the collectivité's default, LT
            String desk = deskWithCircuit("Horodatage", level, "SIGNATURE");
            assertThat(upload("desk", desk).status()).isEqualTo(201);
            String actId = Acts.submit(as("secretaire"), "demo", desk.toLowerCase());
            String task = Acts.awaitTask(as("maire"), "demo", actId);

            Api.Response refused = Acts.sign(as("maire"), "demo", task);

            String label = level == null ? "PAdES-BASELINE-LT" : "PAdES-BASELINE-T";
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.<String>json("$.detail"))
                    .isEqualTo("Niveau de signature " + label + " non atteint : horodatage indisponible (" + TSA + ")");
            assertNothingSigned(actId, task);
        }
    }

    @Test
    void with_the_tsa_down_a_seal_step_ends_as_an_incident_that_says_why() {
        String desk = deskWithCircuit("Sceau", null, "SEAL");
        assertThat(upload("seal", desk).status()).isEqualTo(201);
        String actId = Acts.submit(as("secretaire"), "demo", desk.toLowerCase());

        ProcessInstance circuit = await().atMost(Duration.ofSeconds(90)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("signature-circuit").variableValueEquals(Variables.ACT_ID, actId).singleResult(),
                pi -> pi != null);
        Job job = await().atMost(Duration.ofSeconds(90)).until(() -> management.createJobQuery()
                .processInstanceId(circuit.getId()).withException().singleResult(), j -> j != null);
        assertThat(job.getExceptionMessage()).contains("non atteint");
        for (int attempt = 0; attempt < 5 && incidents(circuit).isEmpty(); attempt++) {
            try {
                management.executeJob(job.getId()); // the remaining retries, without waiting a minute for each
            } catch (RuntimeException expected) {
                // the TSA is still down
            }
        }

        List<Incident> incidents = incidents(circuit);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("applySeal");
        assertThat(incidents.get(0).getIncidentMessage())
                .isEqualTo("Niveau de signature PAdES-BASELINE-LT non atteint : horodatage indisponible (" + TSA + ")");
        Api.Response act = as("secretaire").get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<Object>>json("$.signatures")).isEmpty();
        assertThat(act.<List<Object>>json("$.documents[?(@.role == 'SIGNED')]")).isEmpty();
        assertThat(act.<String>json("$.state")).isEqualTo("IN_CIRCUIT");
    }

    @Test
    void a_revoked_certificate_is_not_used_and_must_be_replaced_by_an_upload() {
        String desk = deskWithCircuit("Revoque", "B", "SIGNATURE");
        String keyId = upload("desk", desk).json("$.id");
        Api.Response revoked = as("admin").postJson(certificates("desk", desk) + "/" + keyId + "/revocation",
                "{\"reason\":\"AFFILIATION_CHANGED\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.<java.util.Map<String, Object>>json("$").get("replacement")).as("no key issued").isNull();
        assertThat(revoked.<String>json("$.message")).contains("déposez un nouveau certificat");

        String actId = Acts.submit(as("secretaire"), "demo", desk.toLowerCase());
        String task = Acts.awaitTask(as("maire"), "demo", actId);
        Api.Response refused = Acts.sign(as("maire"), "demo", task);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.<String>json("$.detail")).startsWith("Le certificat de signature du bureau " + desk
                + " a été révoqué le ").endsWith(" : un administrateur doit déposer un nouveau certificat (PKCS#12).");
        assertNothingSigned(actId, task);

        assertThat(upload("desk", desk).status()).isEqualTo(201);
        assertThat(Acts.sign(as("maire"), "demo", task).status()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
    }

    /** No signature, no signed version, no SIGNED event; the act still in its circuit and the task still open. */
    private void assertNothingSigned(String actId, String task) {
        Api.Response act = as("secretaire").get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<Object>>json("$.signatures")).isEmpty();
        assertThat(act.<List<Object>>json("$.documents[?(@.role == 'SIGNED')]")).isEmpty();
        assertThat(act.<List<String>>json("$.history[*].event")).doesNotContain("SIGNED");
        assertThat(act.<String>json("$.state")).isEqualTo("IN_CIRCUIT");
        assertThat(as("maire").get("/api/v1/tenants/demo/tasks").<List<String>>json("$[*].id")).contains(task);
    }

    private List<Incident> incidents(ProcessInstance circuit) {
        return runtime.createIncidentQuery().processInstanceId(circuit.getId()).list();
    }

    private static String certificates(String kind, String desk) {
        return "/api/v1/tenants/demo/admin/certificates/" + kind + "/" + desk;
    }

    private Api.Response upload(String kind, String desk) {
        Api.Response r = as("admin").multipart(certificates(kind, desk), new Api.Multipart()
                .file("file", "cle.p12", Pkcs12Samples.issuedBy(pki, "Jeanne Martin"))
                .field("password", Pkcs12Samples.PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    /** A desk held by the maire and a one-step circuit of that kind at that level (null: the collectivité's). */
    private String deskWithCircuit(String prefix, String level, String kind) {
        String code = prefix + Acts.uniqueNumber("").replace("_", "");
        Api.Response desk = as("admin").put("/api/v1/tenants/demo/admin/desks/" + code, MediaType.APPLICATION_JSON,
                ("{\"name\":\"Bureau " + code + "\",\"members\":[\"maire\"]}").getBytes());
        assertThat(desk.status()).as(desk.toString()).isEqualTo(200);
        String levelJson = level == null ? "" : "\"signatureLevel\":\"" + level + "\",";
        Api.Response circuit = as("admin").put("/api/v1/tenants/demo/admin/circuits/" + code.toLowerCase(),
                MediaType.APPLICATION_JSON, ("{\"name\":\"Circuit " + code + "\"," + levelJson + "\"steps\":[{\"kind\":\""
                        + kind + "\",\"rule\":\"ANY\",\"desks\":[\"" + code + "\"]}]}").getBytes());
        assertThat(circuit.status()).as(circuit.toString()).isEqualTo(200);
        return code;
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
