package fr.acta.asalae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaVersion;
import fr.acta.support.ApiTest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The As@lae client against Acta's own archive, which speaks the As@lae API, over HTTP: a package
 * built by {@code fr.acta.seda} is deposited, acknowledged, then accepted or refused.
 */
class AsalaeClientTest extends ApiTest {

    @Autowired
    private AsalaeClient client;

    private AsalaeSettings settings(String password, boolean sha256, long chunkSize) {
        return new AsalaeSettings("http://localhost:" + port + "/api/v1/tenants/demo/sae/restservices/", "versement",
                password, sha256, chunkSize);
    }

    @Test
    void a_transfer_sent_in_one_piece_is_acknowledged_then_accepted_with_its_archive_identifier() {
        AsalaeSettings s = settings("demo", false, 0);
        String id = "ASL-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer t = AsalaeFixture.transfer(id, SedaVersion.V2_2);

        client.ping(s);
        client.send(s, t.manifest(), AsalaeFixture.AGENCY, id, t.zip());

        AsalaeAcknowledgement ack = client.acknowledgement(s, AsalaeFixture.AGENCY, id).orElseThrow();
        assertThat(ack.messageReceivedIdentifier()).isEqualTo(id);
        assertThat(ack.acknowledgementIdentifier()).startsWith("ACK-");
        assertThat(new String(ack.xml())).contains(SedaVersion.V2_2.namespace());
        AsalaeTransferReply reply = awaitReply(s, id);
        assertThat(reply.accepted()).as(new String(reply.xml())).isTrue();
        assertThat(reply.replyCode()).isEqualTo("000");
        assertThat(reply.comment()).startsWith("Transfert accepté");
        assertThat(reply.messageRequestIdentifier()).isEqualTo(id);
        assertThat(reply.archiveIdentifier()).startsWith("SAE-DEMO-");
        assertThat(jdbc.queryForObject("select count(*) from sae_archive where identifier = ?", Integer.class,
                reply.archiveIdentifier())).isEqualTo(1);
    }

    @Test
    void a_transfer_sent_in_chunks_with_the_sha256_password_is_received_with_its_last_chunk_then_accepted() {
        String id = "ASL-CHK-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer t = AsalaeFixture.transfer(id, SedaVersion.V2_1);
        AsalaeSettings s = settings("demo", true, t.zip().length / 4 + 1);

        client.ping(s);

        client.send(s, t.manifest(), AsalaeFixture.AGENCY, id, t.zip());

        assertThat(jdbc.queryForObject("select count(*) from sae_chunk c join sae_chunk_session s on s.id = c.session_id "
                + "where s.message_identifier = ?", Integer.class, id)).isEqualTo(4);
        assertThat(client.acknowledgement(s, AsalaeFixture.AGENCY, id)).isPresent();
        AsalaeTransferReply reply = awaitReply(s, id);
        assertThat(reply.accepted()).as(new String(reply.xml())).isTrue();
        assertThat(reply.archiveIdentifier()).startsWith("SAE-DEMO-");
    }

    @Test
    void a_transfer_whose_bytes_changed_is_refused_with_its_code_and_french_comment() {
        AsalaeSettings s = settings("demo", false, 0);
        String id = "ASL-DIG-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer t = AsalaeFixture.transfer(id, SedaVersion.V2_1);
        SedaTransfer.Entry annex = t.objects().get(1);

        client.send(s, t.manifest(), AsalaeFixture.AGENCY, id, AsalaeFixture.damaged(t.zip(), annex.path()));

        AsalaeTransferReply reply = awaitReply(s, id);
        assertThat(reply.accepted()).isFalse();
        assertThat(reply.replyCode()).isEqualTo("204");
        assertThat(reply.comment()).startsWith("Transfert refusé").contains("Empreinte non conforme")
                .contains(annex.id());
        assertThat(reply.archiveIdentifier()).isNull();
        assertThat(reply.messageRequestIdentifier()).isEqualTo(id);
    }

    @Test
    void an_unknown_message_has_neither_acknowledgement_nor_reply() {
        AsalaeSettings s = settings("demo", false, 0);

        assertThat(client.acknowledgement(s, AsalaeFixture.AGENCY, "INCONNU é 1")).isEmpty();
        assertThat(client.reply(s, AsalaeFixture.AGENCY, "INCONNU-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_wrong_password_is_a_final_authentication_failure() {
        AsalaeSettings s = settings("pas le bon", false, 0);

        assertThatThrownBy(() -> client.ping(s)).isInstanceOfSatisfying(AsalaeException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("L'archive As@lae a refusé l'authentification (401)");
        });
        SedaTransfer t = AsalaeFixture.transfer("ASL-AUTH", SedaVersion.V2_3);
        assertThatThrownBy(() -> client.send(s, t.manifest(), AsalaeFixture.AGENCY, "ASL-AUTH", t.zip()))
                .isInstanceOfSatisfying(AsalaeException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void an_archive_that_is_down_is_worth_retrying() {
        AsalaeSettings s = new AsalaeSettings("http://localhost:1/restservices", "versement", "demo", false, 0);

        assertThatThrownBy(() -> client.reply(s, AsalaeFixture.AGENCY, "X")).isInstanceOfSatisfying(
                AsalaeException.class, e -> {
                    assertThat(e.status()).isEqualTo(-1);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("injoignable");
                });
    }

    private AsalaeTransferReply awaitReply(AsalaeSettings s, String id) {
        AtomicReference<AsalaeTransferReply> reply = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Optional<AsalaeTransferReply> r = client.reply(s, AsalaeFixture.AGENCY, id);
            r.ifPresent(reply::set);
            return r.isPresent();
        });
        return reply.get();
    }
}
