package fr.acta.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.testdata.SamplePdfs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers to submit acts and drive them through their circuit over the API. */
public final class Acts {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final byte[] MAIN = SamplePdfs.deliberation("Valmont-sur-Saône", "T", "Objet de test", 30_000);
    private static final byte[] ANNEX = SamplePdfs.annex("Plan de financement", 1);

    private Acts() {
    }

    /** A number no other test uses in this JVM. */
    public static String uniqueNumber(String prefix) {
        return prefix + "_" + System.nanoTime() % 1_000_000 + "_" + COUNTER.incrementAndGet();
    }

    public static String metadata(String number, String circuit, int annexes) {
        String annexTypes = String.join(",", java.util.Collections.nCopies(annexes, "\"99_DE\""));
        return """
                {"nature":"DE","number":"%s","subject":"Approbation du budget primitif 2026",
                 "decisionDate":"2026-11-12","matiere":"7.1","mainDocumentType":"99_DE",
                 "annexTypes":[%s],"circuit":"%s","legalityControl":true}
                """.formatted(number, annexTypes, circuit);
    }

    public static Api.Multipart deliberation(String number, String circuit) {
        return new Api.Multipart().metadata(metadata(number, circuit, 1)).main("deliberation.pdf", MAIN)
                .annex("annexe.pdf", ANNEX);
    }

    /** Submits a délibération with one annex; returns the act id. */
    public static String submit(Api api, String tenant, String circuit) {
        Api.Response r = api.multipart("/api/v1/tenants/" + tenant + "/acts", deliberation(uniqueNumber("T"), circuit));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json("$.id");
    }

    public static String state(Api api, String tenant, String actId) {
        return api.get("/api/v1/tenants/" + tenant + "/acts/" + actId).json("$.state");
    }

    /**
     * Waits until the act reaches the state. {@code ACKNOWLEDGED} (exécutoire) is reached once the
     * préfecture's acknowledgement is recorded, even if the archiving that follows has moved the act
     * on since (ARCHIVING, ARCHIVED…).
     */
    public static void awaitState(Api api, String tenant, String actId, String state) {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> reached(api, tenant, actId, state));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Api admin = new Api(api.baseUrl(), "admin", "demo");
            throw new AssertionError("Act " + actId + " did not reach " + state + ": "
                    + api.get("/api/v1/tenants/" + tenant + "/acts/" + actId).text()
                    + "\nFailing jobs: " + admin.get("/engine-rest/job?withException=true").text()
                    + "\nIncidents: " + admin.get("/engine-rest/incident").text(), e);
        }
    }

    private static boolean reached(Api api, String tenant, String actId, String state) {
        if (!"ACKNOWLEDGED".equals(state)) {
            return state.equals(state(api, tenant, actId));
        }
        Api.Response act = api.get("/api/v1/tenants/" + tenant + "/acts/" + actId);
        return List.of("ACKNOWLEDGED", "ARCHIVING", "ARCHIVED", "ARCHIVE_ERROR").contains(act.<String>json("$.state"))
                && act.<List<String>>json("$.history[*].event").contains("ACKNOWLEDGED");
    }

    /** Waits until the act's history holds the event (the lifecycle's last steps run after its state is set). */
    public static void awaitEvent(Api api, String tenant, String actId, String event) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> api
                .get("/api/v1/tenants/" + tenant + "/acts/" + actId).<java.util.List<String>>json("$.history[*].event")
                .contains(event));
    }

    /** Waits for the person's visa task on the act and returns its id. */
    public static String awaitTask(Api api, String tenant, String actId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> tasks = api.get("/api/v1/tenants/" + tenant + "/tasks").json("$");
            return tasks.stream().filter(t -> actId.equals(t.get("actId"))).findFirst()
                    .map(t -> id[0] = (String) t.get("id")).isPresent();
        });
        return id[0];
    }

    /** Signs a SIGNATURE task, confirming with the demo password. */
    public static Api.Response sign(Api api, String tenant, String taskId) {
        return api.postJson("/api/v1/tenants/" + tenant + "/tasks/" + taskId, "{\"decision\":\"SIGN\",\"password\":\"demo\"}");
    }

    public static Api.Response decide(Api api, String tenant, String taskId, String decision, String annotation) {
        String body = annotation == null ? "{\"decision\":\"%s\"}".formatted(decision)
                : "{\"decision\":\"%s\",\"annotation\":\"%s\"}".formatted(decision, annotation);
        return api.postJson("/api/v1/tenants/" + tenant + "/tasks/" + taskId, body);
    }
}
