package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import fr.acta.transmission.ActesFile;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A crash after a request left for S²LOW but before its id was recorded: the step, replayed, finds
 * what S²LOW already holds and sends nothing again (the "marker committed before, id recorded
 * after, look-up before any new send" rule, for the cancellation and for a reply).
 */
class ExactlyOnceRecoveryTest extends ApiTest {

    @Autowired
    S2lowClient s2low;
    @Autowired
    S2lowConnections connections;
    @Autowired
    Cancellations cancellations;
    @Autowired
    ReplySender replies;

    @Test
    void a_cancellation_sent_before_a_crash_is_found_again_not_sent_twice() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long tx = Letters.transaction(secretaire, actId);
        UUID act = UUID.fromString(actId);
        S2lowSettings settings = connections.settings(tenantId());
        // the request left, then the node died: the marker is committed, the id is not
        long sent = s2low.cancel(settings, tx);
        jdbc.update("""
                update act_transmission set state = 'CANCELLATION_REQUESTED', cancellation_requested_by = 'secretaire',
                       cancellation_requested_at = now(), cancellation_posting_at = now() where act_id = ?""", act);

        assertThat(cancellations.post(act)).isEqualTo(Cancellations.POSTED);
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId)
                .<String>json("$.transmission.cancellation.transactionId")).isEqualTo(String.valueOf(sent));
        List<Map<String, Object>> annulations = as("operateur").get(Letters.SANDBOX
                + "/transactions?siren=210690004&type=6&limit=1000").json("$[?(@.relatedId == " + tx + ")]");
        assertThat(annulations).hasSize(1);
        assertThat(cancellations.follow(act).outcome()).isEqualTo(FollowStep.ACKNOWLEDGED);
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).<String>json("$.state")).isEqualTo("CANCELLED");
    }

    @Test
    void a_reply_sent_before_a_crash_is_found_again_not_sent_twice() {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long letter = Letters.issue(as("operateur"), Letters.transaction(secretaire, actId),
                "DEMANDE_PIECES_COMPLEMENTAIRES", null);
        UUID messageId = UUID.fromString((String) Letters.awaitMessage(secretaire, actId, letter).get("id"));
        S2lowSettings settings = connections.settings(tenantId());
        long sent = s2low.reply(settings, new S2low.Reply(letter, false,
                new ActesFile("99_DE", "reponse.pdf", SamplePdfs.annex("Réponse", 1)), List.of()));
        jdbc.update("update prefecture_message set state = 'REPLY_SENDING', reply_kind = 'REPONSE', "
                + "reply_started_at = now() where id = ?", messageId);

        assertThat(replies.send(messageId)).isEqualTo(ReplySender.SENT);
        Map<String, Object> message = Letters.message(secretaire, actId, letter).orElseThrow();
        assertThat(message).containsEntry("state", "REPLIED");
        assertThat(((Map<String, Object>) message.get("reply")).get("transactionId")).isEqualTo(String.valueOf(sent));
        List<Map<String, Object>> onSandbox = as("operateur").get(Letters.SANDBOX
                + "/transactions?siren=210690004&type=3&limit=1000").json("$[?(@.relatedId == " + letter + ")]");
        assertThat(onSandbox).hasSize(1);
    }

    private UUID tenantId() {
        return jdbc.queryForObject("select id from tenant where code = 'demo'", UUID.class);
    }
}
