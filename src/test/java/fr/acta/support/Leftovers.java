package fr.acta.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an intake may leave behind: act and document rows, stored files, staged uploads and the
 * engine's process instances. Taken before a request that must be refused, then compared after it.
 */
public record Leftovers(long acts, long documents, Set<Path> storedFiles, Set<String> historicProcesses,
                        Set<String> runningProcesses) {

    public static Leftovers take(JdbcTemplate jdbc, Path home) {
        return new Leftovers(
                jdbc.queryForObject("select count(*) from act", Long.class),
                jdbc.queryForObject("select count(*) from act_document", Long.class),
                files(home.resolve("documents")),
                keys(jdbc, "select distinct business_key_ from act_hi_procinst where business_key_ is not null"),
                keys(jdbc, "select distinct business_key_ from act_ru_execution where business_key_ is not null"));
    }

    /**
     * Nothing was added since {@code before}: no act or document row, no stored file, no process
     * instance; the staging area is empty and every process instance belongs to an existing act.
     */
    public static void assertNothingLeftSince(Leftovers before, JdbcTemplate jdbc, Path home) {
        Leftovers after = take(jdbc, home);
        assertThat(after.acts()).as("act rows").isEqualTo(before.acts());
        assertThat(after.documents()).as("act_document rows").isEqualTo(before.documents());
        assertThat(after.storedFiles()).as("files under documents/").isEqualTo(before.storedFiles());
        assertThat(after.historicProcesses()).as("process instances (history)").isEqualTo(before.historicProcesses());
        assertThat(after.runningProcesses()).as("running process instances").isSubsetOf(before.runningProcesses());
        assertThat(files(home.resolve("staging"))).as("files left in staging/").isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from act_hi_procinst p
                where p.proc_def_key_ <> 'prefecture-mailbox'
                  and (p.business_key_ is null or not exists (select 1 from act a where a.id::text = p.business_key_))
                """, Long.class)).as("process instances without their act (the préfecture mailbox, which "
                + "belongs to no act, aside)").isZero();
    }

    private static Set<String> keys(JdbcTemplate jdbc, String sql) {
        return new HashSet<>(jdbc.queryForList(sql, String.class));
    }

    private static Set<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Leftovers[acts=" + acts + ", documents=" + documents + ", files=" + storedFiles.size()
                + ", processes=" + historicProcesses.size() + "]";
    }
}
