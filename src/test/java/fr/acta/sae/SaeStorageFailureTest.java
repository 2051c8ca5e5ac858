package fr.acta.sae;

import static fr.acta.sae.SaeFixture.element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.seda.SedaVersion;
import fr.acta.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A failure of the archive's own (a storage location that cannot be written) is not the
 * transfer's fault: the transfer stays received and is tried again, and only after
 * {@code acta.sae.max-attempts} is it refused, with code 300, so the client always gets a reply.
 */
class SaeStorageFailureTest extends ApiTest {

    @Test
    void a_location_that_cannot_be_written_delays_the_transfer_which_is_accepted_once_it_is_back() throws Exception {
        String id = "RETRY-" + UUID.randomUUID().toString().substring(0, 8);
        Path tmp = home().resolve("sae/store-b/.tmp");
        breakLocation(tmp);
        try {
            SaeFixture.deposit(as("versement"), SaeFixture.transfer(id, SedaVersion.V2_2));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select attempts from sae_transfer where message_identifier = ?", Integer.class, id) >= 1);
            assertThat(jdbc.queryForObject("select status from sae_transfer where message_identifier = ?", String.class,
                    id)).isEqualTo("RECEIVED");
            assertThat(jdbc.queryForObject("select last_error from sae_transfer where message_identifier = ?",
                    String.class, id)).isNotBlank();
            assertThat(as("versement").get(SaeFixture.path("ArchiveTransferReply", id)).text())
                    .contains("pas encore disponible");
        } finally {
            repair(tmp);
        }
        assertThat(element(SaeFixture.awaitReply(as("versement"), id), "ReplyCode")).isEqualTo("000");
    }

    @Test
    void a_location_that_stays_broken_ends_in_a_refusal_with_code_300_and_nothing_stored() throws Exception {
        String id = "BROKEN-" + UUID.randomUUID().toString().substring(0, 8);
        Path tmp = home().resolve("sae/store-b/.tmp");
        breakLocation(tmp);
        String reply;
        try {
            SaeFixture.deposit(as("versement"), SaeFixture.transfer(id, SedaVersion.V2_3));
            reply = SaeFixture.awaitReply(as("versement"), id);
        } finally {
            repair(tmp);
        }
        assertThat(element(reply, "ReplyCode")).isEqualTo("300");
        assertThat(element(reply, "Comment")).startsWith("Transfert refusé (code 300) : Le transfert n'a pas pu être "
                + "traité après 5 tentatives").contains("nouvel identifiant de message");
        assertThat(jdbc.queryForObject("select attempts from sae_transfer where message_identifier = ?", Integer.class,
                id)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from sae_archive a join sae_transfer t on t.id = a.transfer_id "
                + "where t.message_identifier = ?", Integer.class, id)).isZero();
        try (var files = Files.list(home().resolve("sae/store-a/.tmp"))) {
            assertThat(files.count()).as("no temporary copy left behind").isZero();
        }
    }

    /** The location's temporary folder becomes a plain file: nothing can be written there. */
    private static void breakLocation(Path tmp) throws Exception {
        Files.delete(tmp);
        Files.writeString(tmp, "not a folder");
    }

    private static void repair(Path tmp) throws Exception {
        Files.delete(tmp);
        Files.createDirectories(tmp);
    }
}
