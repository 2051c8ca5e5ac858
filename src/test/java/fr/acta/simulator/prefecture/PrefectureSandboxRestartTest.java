package fr.acta.simulator.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.ActaApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox forgets nothing when Acta stops: an act posted before a restart is found again after
 * it, by id and by the name of its message, and goes on to its acknowledgement.
 */
class PrefectureSandboxRestartTest {

    private static ConfigurableApplicationContext start(Path home) {
        return new SpringApplicationBuilder(ActaApplication.class).profiles("test")
                .run("--acta.home=" + home, "--server.port=0", "--acta.simulators.prefecture.posted-to-waiting=1h");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void a_posted_act_survives_a_restart_of_acta() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-sandbox-restart-");
        String number = S2lowClient.number();
        long id;
        try (ConfigurableApplicationContext first = start(home)) {
            id = new S2lowClient(port(first), "demo", "demo").createValid(number);
        }
        try (ConfigurableApplicationContext second = start(home)) {
            S2lowClient s2low = new S2lowClient(port(second), "demo", "demo");
            assertThat(s2low.status(id).text()).isEqualTo("OK\n1\n");
            String found = s2low.get("/modules/actes/api/list_actes.php?status_id=1").text();
            assertThat(found).contains("\"number\":\"" + number + "\"");
        }
    }
}
