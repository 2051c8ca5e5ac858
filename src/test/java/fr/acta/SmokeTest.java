package fr.acta;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import org.junit.jupiter.api.Test;

class SmokeTest extends ApiTest {

    @Test
    void health_is_public_and_other_actuator_endpoints_are_for_administrators() {
        Api anonymous = new Api("http://localhost:" + port, null, null);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(as("secretaire").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(as("admin").get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void the_api_is_documented_with_openapi() {
        Api anonymous = new Api("http://localhost:" + port, null, null);
        Api.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text()).contains("/api/v1/tenants/{tenant}/acts", "/api/v1/tenants/{tenant}/tasks",
                "/api/v1/tenants/{tenant}/classification");
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void the_demo_collectivites_are_loaded_with_their_classification() {
        var classification = as("secretaire").get("/api/v1/tenants/demo/classification");
        assertThat(classification.status()).as(classification.toString()).isEqualTo(200);
        assertThat(classification.<String>json("$.dateClassification")).isEqualTo("2026-03-15");
        assertThat(as("maire.voisine").get("/api/v1/tenants/voisine/classification").<String>json("$.dateClassification"))
                .isEqualTo("2026-01-20");
        assertThat(as("secretaire").get("/api/v1/tenants/demo/circuits").text()).contains("deliberation", "arrete");
    }
}
