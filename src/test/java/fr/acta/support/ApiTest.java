package fr.acta.support;

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
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    static final Path HOME;

    static {
        try {
            Files.createDirectories(Path.of("target"));
            HOME = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-test-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("acta.home", HOME::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;

    protected Api as(String user) {
        return new Api("http://localhost:" + port, user, "demo");
    }

    protected static Path home() {
        return HOME;
    }
}
