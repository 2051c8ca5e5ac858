package fr.acta;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.ApiTest;
import org.junit.jupiter.api.Test;

class SmokeTest extends ApiTest {

    @Test
    void health_is_public_and_the_demo_classification_is_loaded() {
        assertThat(new fr.acta.support.Api("http://localhost:" + port, null, null).get("/actuator/health").status())
                .isEqualTo(200);
        var classification = as("secretaire").get("/api/v1/tenants/demo/classification");
        assertThat(classification.status()).as(classification.toString()).isEqualTo(200);
        assertThat(classification.text()).contains("99_DE");
    }
}
