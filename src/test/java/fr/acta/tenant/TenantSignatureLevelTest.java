package fr.acta.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The collectivité's default PAdES level, read and changed by its administrators, and used by the next acts. */
class TenantSignatureLevelTest extends ApiTest {

    private static final String LEVEL = "/api/v1/tenants/demo/admin/signature-level";

    @Test
    void an_administrator_reads_and_changes_the_default_level_and_new_acts_follow_it() {
        try {
            assertThat(as("admin").get(LEVEL).<String>json("$.level")).isEqualTo("LT");
            Api.Response changed = put("admin", "{\"level\":\" b \"}");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.<String>json("$.level")).isEqualTo("B");
            assertThat(as("admin").get(LEVEL).<String>json("$.level")).isEqualTo("B");

            String actId = Acts.submit(as("secretaire"), "demo", "cachet");
            Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
            Api.Response act = as("secretaire").get("/api/v1/tenants/demo/acts/" + actId);
            assertThat(act.<String>json("$.signatures[0].level")).isEqualTo("B");
            assertThat(act.<String>json("$.signatures[0].indication")).isEqualTo("TOTAL_PASSED");
        } finally {
            assertThat(put("admin", "{\"level\":\"LT\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void an_unknown_level_or_another_caller_is_refused() {
        for (String body : new String[] {"{\"level\":\"C\"}", "{\"level\":\"\"}", "{}", "{\"level\":\"PAdES-BASELINE-T\"}"}) {
            Api.Response refused = put("admin", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.errorFields()).containsExactly("level");
            assertThat(refused.<String>json("$.detail")).isEqualTo("Le niveau de signature par défaut est B, T, LT ou LTA.");
        }
        assertThat(put("admin", "pas du JSON").status()).isEqualTo(400);
        assertThat(as("secretaire").get(LEVEL).status()).isEqualTo(403);
        assertThat(put("maire", "{\"level\":\"B\"}").status()).isEqualTo(403);
        assertThat(as("maire.voisine").get(LEVEL).status()).isEqualTo(404);
        assertThat(as("operateur").get("/api/v1/tenants/voisine/admin/signature-level").<String>json("$.level"))
                .isEqualTo("LT");
        assertThat(as("admin").get(LEVEL).<String>json("$.level")).isEqualTo("LT");
    }

    private Api.Response put(String user, String json) {
        return as(user).put(LEVEL, MediaType.APPLICATION_JSON, json.getBytes());
    }
}
