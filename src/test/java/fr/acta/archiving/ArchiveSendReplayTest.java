package fr.acta.archiving;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replays of the sending step as a crash would leave it (the SENDING marker committed, the
 * archive's answer never recorded): the step asks the archive first, finds the transfer it already
 * has, and sends nothing again, for each kind of archive.
 */
class ArchiveSendReplayTest extends ApiTest {

    private static final String SETTINGS = "/api/v1/tenants/voisine/admin/connectors/archive";

    @Autowired
    private ArchivingService archiving;

    @AfterEach
    void backToActasOwnArchive() {
        assertThat(as("operateur").putJson(SETTINGS, "{\"kind\":\"ACTA\"}").status()).isEqualTo(200);
    }

    @Test
    void acta_s_own_archive_is_asked_before_sending_again() {
        replayed("{\"kind\":\"ACTA\"}", "sae_transfer");
    }

    @Test
    void an_asalae_is_asked_for_the_acknowledgement_before_sending_again() {
        replayed("""
                {"kind":"ASALAE","asalae":{"baseUrl":"http://localhost:%d/api/v1/tenants/demo/sae/restservices",
                 "login":"versement","password":"demo"}}""".formatted(port), "sae_transfer");
    }

    @Test
    void a_vitam_is_asked_for_the_ingest_in_its_logbook_before_sending_again() {
        String actId = replayed("""
                {"kind":"VITAM","archivalAgreement":"IC-000001","vitam":{"baseUrl":"http://localhost:%d/vitam-sim",
                 "tenant":0,"accessContract":"AC-000001"}}""".formatted(port), null);
        assertThat(jdbc.queryForObject("select remote_reference from archive_transfer where act_id = ?", String.class,
                UUID.fromString(actId))).isNotBlank();
    }

    /** Archives an act, puts its transfer back as a crash after the request would, replays the step. */
    private String replayed(String settings, String archiveTable) {
        assertThat(as("operateur").putJson(SETTINGS, settings).status()).isEqualTo(200);
        String actId = Acts.submit(as("secretaire.voisine"), "voisine", "arrete");
        Acts.sign(as("maire.voisine"), "voisine", Acts.awaitTask(as("maire.voisine"), "voisine", actId));
        Acts.awaitState(as("secretaire.voisine"), "voisine", actId, "ARCHIVED");
        UUID id = UUID.fromString(actId);
        String reference = jdbc.queryForObject("select remote_reference from archive_transfer where act_id = ?",
                String.class, id);

        jdbc.update("update archive_transfer set state = 'SENDING', remote_reference = null where act_id = ?", id);
        archiving.send(id);

        assertThat(jdbc.queryForObject("select state from archive_transfer where act_id = ?", String.class, id))
                .isEqualTo("SENT");
        if (reference != null) {
            // Vitam: the operation of the first ingest, not a new one
            assertThat(jdbc.queryForObject("select remote_reference from archive_transfer where act_id = ?",
                    String.class, id)).isEqualTo(reference);
        }
        Api.Response act = as("secretaire.voisine").get("/api/v1/tenants/voisine/acts/" + actId);
        assertThat(act.<List<String>>json("$.history[?(@.event == 'ARCHIVE_SENT')].detail")).hasSize(2).last()
                .satisfies(d -> assertThat(d).contains("retrouvé dans l'archive après une interruption"));
        if (archiveTable != null) {
            assertThat(jdbc.queryForObject("select count(*) from " + archiveTable + " where message_identifier like ?",
                    Integer.class, "ACTA-" + actId + "-%")).isEqualTo(1);
        }
        return actId;
    }
}
