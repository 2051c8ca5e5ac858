package fr.acta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acta.ActaApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real application, in this JVM, on its embedded default (its own PostgreSQL), in a fresh
 * {@code acta.home} under {@code target/bench-home-*}, listening on a random port, with the demo
 * content and the production configuration of application.yml (no test profile).
 */
final class BenchApp implements AutoCloseable {

    static final String TENANT = "demo";
    static final String ACTS = "/api/v1/tenants/" + TENANT + "/acts";
    static final String TASKS = "/api/v1/tenants/" + TENANT + "/tasks";

    final Path home;
    final ConfigurableApplicationContext context;
    final JdbcTemplate jdbc;
    final String baseUrl;
    final HttpClient client = BenchHttp.newClient();
    final long startupMillis;

    private BenchApp(Path home, ConfigurableApplicationContext context, long startupMillis) {
        this.home = home;
        this.context = context;
        this.startupMillis = startupMillis;
        this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static BenchApp start(String... extra) throws IOException {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        Path home = Files.createTempDirectory(target, "bench-home-");
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplication(ActaApplication.class).run(concat(extra,
                "--acta.home=" + home,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.fr.acta=WARN",
                "--logging.level.org.camunda=WARN"));
        return new BenchApp(home, context, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String[] concat(String[] extra, String... base) {
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    BenchHttp as(String user) {
        return new BenchHttp(client, baseUrl, user, "demo");
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Jobs of process instances still to run (async continuations of the lifecycle). */
    long pendingJobs() {
        return count("select count(*) from act_ru_job where process_instance_id_ is not null");
    }

    /** Async continuations still to run, timers (due dates) left aside: zero means the lifecycle is idle. */
    long pendingContinuations() {
        return count("select count(*) from act_ru_job where process_instance_id_ is not null and type_ <> 'timer'");
    }

    long incidents() {
        return count("select count(*) from act_ru_incident");
    }

    /**
     * Brings the system back to rest between benchmarks: the maire approves every pending visa, then
     * we wait until every act's lifecycle is over (COMPLETED, ACKNOWLEDGED by the préfecture, or ARCHIVED) and no lifecycle job is left. Returns the time it took.
     */
    long settle(Duration timeout) throws InterruptedException {
        BenchHttp maire = as("maire");
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            BenchHttp.Result tasks = maire.get(TASKS);
            if (tasks.status() == 200) {
                for (JsonNode task : tasks.json()) {
                    maire.postJson(TASKS + "/" + task.get("id").asText(), "{\"decision\":\"SIGN\",\"password\":\"demo\"}");
                }
            }
            if (count("select count(*) from act where state not in ('COMPLETED', 'ACKNOWLEDGED', 'ARCHIVED')") == 0 && pendingJobs() == 0) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The system did not come to rest within " + timeout + ": "
                + count("select count(*) from act where state not in ('COMPLETED', 'ACKNOWLEDGED', 'ARCHIVED')") + " act(s) not completed, "
                + pendingJobs() + " job(s), " + incidents() + " incident(s)");
    }

    /** 1-minute load average of the machine, from /proc/loadavg (NaN elsewhere). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        context.close();
        if (!Boolean.getBoolean("bench.keep")) {
            deleteTree(home);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
