package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bulk signing: N acts signed in one request, one result per act, a bad document never blocks the others. */
class BulkSignatureTest extends ApiTest {

    static final int ACTS = 50;

    @Test
    void fifty_acts_with_one_that_cannot_be_signed() {
        Api secretaire = as("secretaire");
        List<String> acts = new ArrayList<>();
        for (int i = 0; i < ACTS - 1; i++) {
            acts.add(Acts.submit(secretaire, "demo", "arrete"));
        }
        // an image as main document passes intake but cannot carry a PAdES signature
        Api.Response image = secretaire.multipart("/api/v1/tenants/demo/acts", new Api.Multipart()
                .metadata(Acts.metadata(Acts.uniqueNumber("IMG"), "arrete", 0))
                .main("scan.png", SamplePdfs.png(200, 100)));
        assertThat(image.status()).as(image.toString()).isEqualTo(201);
        String imageAct = image.json("$.id");
        acts.add(imageAct);

        Api maire = as("maire");
        List<String> tasks = acts.stream().map(a -> Acts.awaitTask(maire, "demo", a)).toList();
        Api.Response wrong = maire.postJson("/api/v1/tenants/demo/tasks/bulk-signature",
                "{\"taskIds\":[\"" + tasks.get(0) + "\"],\"password\":\"faux\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("password");

        Api.Response started = maire.postJson("/api/v1/tenants/demo/tasks/bulk-signature",
                "{\"taskIds\":[\"" + String.join("\",\"", tasks) + "\"],\"password\":\"demo\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String url = started.json("$.url");
        assertThat(started.headers().getLocation()).hasToString(url);
        assertThat(as("adjoint").get(url).status()).as("a job is its requester's").isEqualTo(404);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> maire.get(url).<Integer>json("$.done") == ACTS);
        Api.Response job = maire.get(url);
        assertThat(job.<Integer>json("$.total")).isEqualTo(ACTS);
        assertThat(job.<Integer>json("$.signed")).isEqualTo(ACTS - 1);
        assertThat(job.<Integer>json("$.refused")).isEqualTo(1);
        List<Map<String, Object>> refused = job.json("$.items[?(@.status == 'REFUSED')]");
        assertThat(refused).singleElement().satisfies(item -> {
            assertThat(item.get("taskId")).isEqualTo(tasks.get(ACTS - 1));
            assertThat((String) item.get("message")).contains("PDF");
        });
        for (String act : acts.subList(0, ACTS - 1)) {
            Acts.awaitState(secretaire, "demo", act, "ACKNOWLEDGED");
        }
        // the refused act is still waiting for its signature, untouched
        assertThat(Acts.state(secretaire, "demo", imageAct)).isEqualTo("IN_CIRCUIT");
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + imageAct).<List<Object>>json("$.signatures")).isEmpty();
    }
}
