package fr.acta.support;

import fr.acta.common.ActaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests: the real application on its embedded default (its own PostgreSQL, started
 * from Maven-delivered binaries, in a fresh data folder per test JVM), with the demo content,
 * called over HTTP on a random port. One Spring context is shared by every subclass.
 *
 * <p>A subclass that needs a context of its own (other properties through {@code @TestPropertySource})
 * must also set {@code acta.test.instance} to a name of its own: it then gets its own data folder,
 * hence its own PostgreSQL, since two servers cannot share one folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    static final Path ROOT;

    static {
        try {
            Files.createDirectories(Path.of("target"));
            ROOT = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-test-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("acta.home", () -> ROOT + "/${acta.test.instance:shared}");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    private ActaProperties properties;

    protected Api as(String user) {
        return new Api("http://localhost:" + port, user, "demo");
    }

    protected Api as(String user, String password) {
        return new Api("http://localhost:" + port, user, password);
    }

    protected Api anonymous() {
        return new Api("http://localhost:" + port, null, null);
    }

    /** The ACTA_HOME of this test's application. */
    protected Path home() {
        return properties.home();
    }
}
