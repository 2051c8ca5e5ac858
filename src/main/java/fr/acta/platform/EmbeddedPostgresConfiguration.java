package fr.acta.platform;

import fr.acta.common.ActaProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded default: when no external database is configured, Acta runs its own PostgreSQL
 * (binaries delivered by Maven) with its data under {@code ${acta.home}/postgres}, so that a
 * restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ActaProperties properties) throws IOException {
        Path dataDir = properties.home().resolve("postgres");
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        log.info("Starting embedded PostgreSQL with data in {}", dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // A new cluster's text rules must not depend on the locale Acta happens to be started
                // with: under LANG=C, lower('É') stays 'É' and accented searches miss. PostgreSQL 17's
                // builtin C.UTF-8 gives Unicode case mapping everywhere (existing clusters keep theirs).
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                .start();
    }

    /**
     * After a {@code kill -9} of Acta, its PostgreSQL child survives and keeps the data folder
     * locked. Its clients are gone, so a polite shutdown request ends it; then start afresh.
     */
    static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (server.isEmpty()) {
            return;
        }
        log.warn("An embedded PostgreSQL left by a previous run (pid {}) still holds {}; stopping it",
                server.get().pid(), dataDir);
        server.get().destroy();
        try {
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("The previous embedded PostgreSQL did not stop; stop it by hand", e);
        }
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, org.springframework.core.env.Environment env) {
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        ds.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        ds.setPoolName("acta-embedded");
        return ds;
    }

}
