package fr.acta.asalae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** How the archive's HTTP failures come out: passing ones worth retrying, final ones not. */
class AsalaeErrorsTest {

    private HttpServer server;
    private volatile int status;
    private volatile String body;
    private volatile String authorization;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/restservices", exchange -> {
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            exchange.getResponseBody().write(b);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AsalaeSettings settings(boolean sha256) {
        return new AsalaeSettings("http://127.0.0.1:" + server.getAddress().getPort() + "/restservices", "pastell",
                "secret", sha256, 0);
    }

    @Test
    void a_server_error_or_too_many_requests_is_retryable_with_the_reason() {
        AsalaeClient client = new AsalaeClient(RestClient.builder());
        status = 503;
        body = "{\"message\":\"Maintenance en cours\"}";

        assertThatThrownBy(() -> client.ping(settings(false))).isInstanceOfSatisfying(AsalaeException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("indisponible (503)").endsWith(": Maintenance en cours.");
        });
        status = 429;
        body = "";
        assertThatThrownBy(() -> client.reply(settings(false), "A", "B")).isInstanceOfSatisfying(AsalaeException.class,
                e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void a_bad_request_is_final() {
        AsalaeClient client = new AsalaeClient(RestClient.builder());
        status = 400;
        body = "{\"detail\":\"Bordereau illisible\"}";

        assertThatThrownBy(() -> client.send(settings(false), new byte[] {1}, "A", "B", new byte[] {2}))
                .isInstanceOfSatisfying(AsalaeException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("(400)").contains("Bordereau illisible");
                });
    }

    @Test
    void the_pastell_variant_sends_the_hex_sha256_of_the_password() {
        AsalaeClient client = new AsalaeClient(RestClient.builder());
        status = 200;
        body = "{}";

        client.ping(settings(true));
        String hashed = authorization;
        client.ping(settings(false));

        // sha256("secret") = 2bb80d53…
        assertThat(decode(hashed)).isEqualTo("pastell:2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
        assertThat(decode(authorization)).isEqualTo("pastell:secret");
    }

    private static String decode(String basic) {
        return new String(java.util.Base64.getDecoder().decode(basic.substring("Basic ".length())),
                StandardCharsets.UTF_8);
    }
}
