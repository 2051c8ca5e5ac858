package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.ApiTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Camunda Cockpit shows the processes to the administrator and the operator's staff, and to no one else.
 *
 * <p>Camunda's webapps find their engine by name in a JVM-wide registry, where the newest Spring
 * context's engine "default" wins; this class therefore runs on a context of its own, created when
 * it starts, so Cockpit talks to the engine of the application under test.
 */
@org.springframework.test.context.TestPropertySource(properties = "acta.test.instance=cockpit")
class CockpitAccessTest extends ApiTest {

    @ParameterizedTest
    @CsvSource({"admin,demo,200", "operateur,demo,200", "secretaire,demo,401", "admin,wrong,401"})
    void cockpit_login(String user, String password, int expected) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(url("/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        url("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(expected);
        if (expected == 200) {
            HttpResponse<String> definitions = client.send(HttpRequest.newBuilder(
                            url("/camunda/api/engine/engine/default/process-definition?key=act-lifecycle"))
                    .header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(definitions.body()).contains("act-lifecycle");
        }
    }

    @Test
    void the_engine_rest_api_is_for_administrators_only() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(engineRest(client, "admin").statusCode()).isEqualTo(200);
        assertThat(engineRest(client, "operateur").statusCode()).isEqualTo(200);
        assertThat(engineRest(client, "secretaire").statusCode()).isEqualTo(403);
        assertThat(client.send(HttpRequest.newBuilder(url("/engine-rest/process-definition")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> engineRest(HttpClient client, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes());
        return client.send(HttpRequest.newBuilder(url("/engine-rest/process-definition"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
