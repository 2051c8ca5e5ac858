package fr.acta.simulator.iparapheur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated circuit: self-progression with a step delay, the PREMIS it yields, deletion rules. */
class SimFoldersTest {

    private final Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
    private Instant now = t0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private SimFolder folder(Instant created) {
        SimFixtures.Type actes = SimFixtures.type("ACTES").orElseThrow();
        SimFixtures.Subtype deliberation = SimFixtures.subtype(actes, "Délibération").orElseThrow();
        SimFolder.Document doc = new SimFolder.Document("d-1", "acte.pdf", "application/pdf",
                "%PDF-1.7 …".getBytes(StandardCharsets.UTF_8), "00", true);
        return new SimFolder(SimFixtures.TENANT_ID, SimFixtures.EMITTER_DESK_ID, "Délibération 1", actes, deliberation,
                null, Map.of(), List.of(doc), created);
    }

    private static IparapheurSimulatorProperties properties(Duration stepDelay) {
        return new IparapheurSimulatorProperties(true, null, null, null, null, null, null, stepDelay);
    }

    @Test
    void with_a_step_delay_each_step_completes_on_its_own_at_its_own_time() {
        SimFolders folders = new SimFolders(properties(Duration.ofMinutes(5)), clock);
        SimFolder f = folder(t0);
        folders.add(f, true);

        now = t0.plus(Duration.ofMinutes(4));
        assertThat(folders.get(SimFixtures.TENANT_ID, f.id).status).isEqualTo(SimFolder.Status.PENDING);
        now = t0.plus(Duration.ofMinutes(7));
        assertThat(folders.get(SimFixtures.TENANT_ID, f.id).tasks.get(0).doneAt).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        assertThat(folders.list(SimFixtures.TENANT_ID, SimFixtures.MAYOR_DESK_ID, "PENDING", 0, 10).content()).hasSize(1);
        now = t0.plus(Duration.ofHours(1));
        SimFolder done = folders.get(SimFixtures.TENANT_ID, f.id);
        assertThat(done.status).isEqualTo(SimFolder.Status.FINISHED);
        assertThat(done.tasks.get(1).doneAt).isEqualTo(t0.plus(Duration.ofMinutes(10)));

        String premis = new String(SimPremis.write(done, SimFixtures.USER_ID, "acta"), StandardCharsets.UTF_8);
        assertThat(premis).contains("<eventType>START</eventType>", "<eventType>VISA</eventType>",
                        "<eventType>SIGNATURE</eventType>", "<eventType>ARCHIVE</eventType>",
                        "<eventDateTime>2026-03-02T09:10:00.000+0100</eventDateTime>", "<agentName>Jean Dupont</agentName>")
                .doesNotContain("<eventType>DELETE</eventType>");
        assertThat(folders.list(SimFixtures.TENANT_ID, SimFixtures.EMITTER_DESK_ID, "FINISHED", 0, 10).content())
                .extracting(x -> x.id).containsExactly(f.id);
        folders.delete(SimFixtures.TENANT_ID, f.id);
        assertThatThrownBy(() -> folders.get(SimFixtures.TENANT_ID, f.id))
                .isInstanceOfSatisfying(SimException.class, e -> assertThat(e.status).isEqualTo(404));
    }

    @Test
    void without_a_step_delay_folders_wait_and_pending_ones_cannot_be_deleted() {
        SimFolders folders = new SimFolders(properties(null), clock);
        SimFolder f = folder(t0);
        folders.add(f, true);
        now = t0.plus(Duration.ofDays(30));
        assertThat(folders.get(SimFixtures.TENANT_ID, f.id).status).isEqualTo(SimFolder.Status.PENDING);
        assertThatThrownBy(() -> folders.delete(SimFixtures.TENANT_ID, f.id))
                .isInstanceOfSatisfying(SimException.class, e -> assertThat(e.status).isEqualTo(403));

        SimFolder draft = folder(t0);
        folders.add(draft, false);
        String premis = new String(SimPremis.write(draft, SimFixtures.USER_ID, "acta"), StandardCharsets.UTF_8);
        assertThat(premis).contains("<eventIdentifierValue>" + draft.startTaskId + "</eventIdentifierValue>")
                .doesNotContain("<agent>");
        assertThat(folders.list(SimFixtures.TENANT_ID, SimFixtures.EMITTER_DESK_ID, "DRAFT", 0, 10).content())
                .extracting(x -> x.id).containsExactly(draft.id);
        folders.delete(SimFixtures.TENANT_ID, draft.id);
    }
}
