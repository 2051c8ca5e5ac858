package fr.acta.iparapheur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.secret.SecretBox;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.tenant.TenantAccess;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A collectivité's i-Parapheur settings through the administration API: for its administrators only,
 * the password never shown back, everything encrypted at rest; and the circuits carried out there.
 */
class IparapheurSettingsTest extends ApiTest {

    private static final String PATH = "/api/v1/tenants/voisine/admin/connectors/iparapheur";
    private static final String PASSWORD = "Mot-de-passe-tr3s-secret!";
    private static final String URL = "https://parapheur.saint-aubin.example";

    @Autowired
    IparapheurConnections connections;
    @Autowired
    SecretBox secrets;
    @Autowired
    TenantAccess tenants;

    @Test
    void the_password_is_never_shown_back_and_nothing_is_stored_in_clear() {
        Api operator = as("operateur");
        operator.delete(PATH);
        assertThat(operator.get(PATH).status()).isEqualTo(404);

        Api.Response saved = put(operator, settings(PASSWORD));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.text()).doesNotContain(PASSWORD).doesNotContain("\"password\"");
        assertThat(saved.<Boolean>json("$.passwordSet")).isTrue();
        assertThat(saved.<String>json("$.baseUrl")).isEqualTo(URL);
        assertThat(saved.<String>json("$.realm")).isEqualTo("api");
        assertThat(saved.<String>json("$.clientId")).isEqualTo("ipcore-web");
        Api.Response read = operator.get(PATH);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text()).doesNotContain(PASSWORD);
        assertThat(read.<String>json("$.username")).isEqualTo("acta-voisine");
        assertThat(read.<String>json("$.deskId")).isEqualTo("bureau-emetteur");

        UUID voisine = tenants.find("voisine").orElseThrow().id();
        // the collectivité's other secrets (its S²LOW account) are not this test's
        List<Map<String, Object>> rows = jdbc.queryForList("select * from tenant_secret where tenant_id = ? "
                + "and name like 'connector/iparapheur%'", voisine);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo(IparapheurConnections.SECRET_NAME);
            String raw = new String((byte[]) row.get("ciphertext"), StandardCharsets.ISO_8859_1) + row;
            assertThat(raw).doesNotContain(PASSWORD).doesNotContain(URL).doesNotContain("acta-voisine")
                    .doesNotContain("bureau-emetteur");
        });

        // an update without password keeps the stored one
        assertThat(put(operator, settings(null).replace("\"username\":\"acta-voisine\"",
                "\"username\":\"acta-voisine-2\"")).status()).isEqualTo(200);
        IparapheurSettings used = connections.settings(voisine, "ACTES", "Délibération");
        assertThat(used.password()).isEqualTo(PASSWORD);
        assertThat(used.username()).isEqualTo("acta-voisine-2");
        assertThat(used.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void a_blob_moved_to_another_collectivite_or_name_does_not_open() {
        UUID voisine = tenants.find("voisine").orElseThrow().id();
        UUID demo = tenants.find("demo").orElseThrow().id();
        secrets.put(voisine, "test/moved", "secret de Saint-Aubin".getBytes(StandardCharsets.UTF_8));
        assertThat(secrets.get(voisine, "test/moved")).hasValueSatisfying(
                v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("secret de Saint-Aubin"));
        jdbc.update("insert into tenant_secret (tenant_id, name, ciphertext, iv, updated_at) select ?, 'test/moved', "
                + "ciphertext, iv, updated_at from tenant_secret where tenant_id = ? and name = 'test/moved'", demo, voisine);
        jdbc.update("insert into tenant_secret (tenant_id, name, ciphertext, iv, updated_at) select tenant_id, "
                + "'test/renamed', ciphertext, iv, updated_at from tenant_secret where tenant_id = ? and name = 'test/moved'",
                voisine);
        assertThatThrownBy(() -> secrets.get(demo, "test/moved")).hasMessageContaining("does not open");
        assertThatThrownBy(() -> secrets.get(voisine, "test/renamed")).hasMessageContaining("does not open");
        secrets.delete(demo, "test/moved");
        secrets.delete(voisine, "test/renamed");
        secrets.delete(voisine, "test/moved");
    }

    @Test
    void only_the_collectivites_administrators_may_read_or_write_them() {
        assertThat(as("secretaire").get("/api/v1/tenants/demo/admin/connectors/iparapheur").status()).isEqualTo(403);
        assertThat(put(as("maire"), "/api/v1/tenants/demo/admin/connectors/iparapheur", settings(PASSWORD)).status())
                .isEqualTo(403);
        assertThat(as("admin").get(PATH).status()).as("another collectivité's").isEqualTo(404);
        assertThat(anonymous().get(PATH).status()).isEqualTo(401);
        Api.Response own = as("admin").get("/api/v1/tenants/demo/admin/connectors/iparapheur");
        assertThat(own.status()).as("the demo points at the simulator").isEqualTo(200);
        assertThat(own.<String>json("$.baseUrl")).endsWith("/iparapheur-sim");
        assertThat(own.text()).doesNotContain("acta-simulateur");
    }

    @Test
    void invalid_settings_are_refused_field_by_field_in_french() {
        Api operator = as("operateur");
        operator.delete(PATH);
        Api.Response bad = put(operator, """
                {"baseUrl":"ftp://parapheur.example","realm":"api royaume","username":" ","tenantId":"a/b"}
                """);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("baseUrl", "realm", "username", "password", "tenantId",
                "deskId");
        assertThat(bad.<String>json("$.detail")).isEqualTo("Les paramètres du i-Parapheur ne sont pas valides.");
        assertThat(operator.get(PATH).status()).as("nothing half-written").isEqualTo(404);
        assertThat(put(operator, "{not json").status()).isEqualTo(400);
    }

    @Test
    void a_circuit_carried_out_in_the_iparapheur_has_a_type_and_a_subtype_and_no_steps() {
        Api admin = as("admin");
        Api.Response incomplete = admin.put("/api/v1/tenants/demo/admin/circuits/externe-incomplet",
                MediaType.APPLICATION_JSON, """
                        {"name":"Externe","engine":"IPARAPHEUR","signatureLevel":"LT",
                         "steps":[{"kind":"VISA","desks":["Adjoint"]}],"iparapheur":{"type":"ACTES"}}
                        """.getBytes(StandardCharsets.UTF_8));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.errorFields()).containsExactlyInAnyOrder("iparapheur.subtype", "steps", "signatureLevel");
        Api.Response internal = admin.put("/api/v1/tenants/demo/admin/circuits/interne-type",
                MediaType.APPLICATION_JSON, """
                        {"name":"Interne","steps":[{"kind":"VISA","desks":["Adjoint"]}],
                         "iparapheur":{"type":"ACTES","subtype":"Arrêté"}}
                        """.getBytes(StandardCharsets.UTF_8));
        assertThat(internal.errorFields()).containsExactly("iparapheur");

        Api.Response saved = admin.put("/api/v1/tenants/demo/admin/circuits/arrete-iparapheur",
                MediaType.APPLICATION_JSON, """
                        {"name":"Arrêté signé dans le i-Parapheur","engine":"IPARAPHEUR",
                         "iparapheur":{"type":"ACTES","subtype":"Arrêté"}}
                        """.getBytes(StandardCharsets.UTF_8));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.<String>json("$.engine")).isEqualTo("IPARAPHEUR");
        assertThat(saved.<String>json("$.iparapheur.subtype")).isEqualTo("Arrêté");
        assertThat(saved.<List<Object>>json("$.steps")).isEmpty();
        List<String> engines = admin.get("/api/v1/tenants/demo/admin/circuits").json("$[*].engine");
        assertThat(engines).contains("ACTA", "IPARAPHEUR");
        admin.delete("/api/v1/tenants/demo/admin/circuits/arrete-iparapheur");
    }

    private static String settings(String password) {
        return """
                {"baseUrl":"%s/","username":"acta-voisine",%s"tenantId":"entite-1","deskId":"bureau-emetteur"}
                """.formatted(URL, password == null ? "" : "\"password\":\"" + password + "\",");
    }

    private static Api.Response put(Api api, String json) {
        return put(api, PATH, json);
    }

    private static Api.Response put(Api api, String path, String json) {
        return api.put(path, MediaType.APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8));
    }
}
