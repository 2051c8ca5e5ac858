package fr.acta.sae;

import static fr.acta.sae.SaeFixture.element;
import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.SedaSchemas;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Deposits into Acta's archive through its As@lae API: packages built by {@code fr.acta.seda} in
 * each SEDA version are accepted with reply code 000, every object ends up in both locations,
 * and the archive's units and objects are recorded.
 */
class SaeIngestTest extends ApiTest {

    @ParameterizedTest
    @EnumSource(SedaVersion.class)
    void a_package_of_each_version_is_received_acknowledged_accepted_and_stored_twice(SedaVersion version) {
        String id = "ING-" + version.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer transfer = SaeFixture.transfer(id, version);

        Api.Response received = SaeFixture.deposit(as("versement"), transfer);

        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.<String>json("$.messageIdentifier")).isEqualTo(id);
        assertThat(received.<Boolean>json("$.duplicate")).isFalse();
        Api.Response ack = as("versement").get(received.json("$.acknowledgement"));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.contentType()).startsWith("application/xml");
        SedaSchemas.shared().validate(version, ack.body());
        assertThat(element(ack.text(), "MessageReceivedIdentifier")).isEqualTo(id);
        assertThat(ack.text()).contains(version.namespace());

        String reply = SaeFixture.awaitReply(as("versement"), id);

        SedaSchemas.shared().validate(version, reply.getBytes(StandardCharsets.UTF_8));
        assertThat(element(reply, "ReplyCode")).as(reply).isEqualTo("000");
        assertThat(element(reply, "MessageRequestIdentifier")).isEqualTo(id);
        String archive = element(reply, "ArchivalAgencyArchiveUnitIdentifier");
        assertThat(archive).startsWith("SAE-DEMO-");
        assertThat(element(reply, "Comment")).startsWith("Transfert accepté");

        List<String> contents = jdbc.queryForList("select o.sha256 from sae_object o join sae_archive a "
                + "on a.id = o.archive_id where a.identifier = ?", String.class, archive);
        assertThat(contents).hasSize(transfer.objects().size() + 1);
        for (String sha256 : contents) {
            for (String location : List.of("store-a", "store-b")) {
                Path copy = home().resolve("sae").resolve(location).resolve("demo/sha256").resolve(sha256.substring(0, 2))
                        .resolve(sha256.substring(2, 4)).resolve(sha256);
                assertThat(copy).exists();
            }
        }
        Api.Response detail = as("archiviste").get("/api/v1/tenants/demo/archives/" + archive);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.<String>json("$.message_identifier")).isEqualTo(id);
        assertThat(detail.<String>json("$.units[0].title")).contains("Délibération " + id);
        assertThat(detail.<String>json("$.units[0].rules.AppraisalRule.FinalAction")).isEqualTo("Keep");
        assertThat(detail.<String>json("$.units[0].identifiers.OriginatingAgencyArchiveUnitIdentifier"))
                .startsWith("DEL_");
        assertThat(detail.<String>json("$.units[0].metadata.OriginatingAgency.Identifier")).isEqualTo("210690004");
        assertThat(detail.<List<Object>>json("$.units")).hasSize(1 + transfer.objects().size());
        assertThat(detail.<List<String>>json("$.objects[?(@.kind == 'OBJECT')].digest"))
                .containsExactlyInAnyOrderElementsOf(transfer.objects().stream().map(SedaTransfer.Entry::sha512).toList());
    }

    @Test
    void a_tar_gz_under_a_top_folder_and_the_query_form_of_the_follow_up_work_too() {
        String id = "TGZ-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer transfer = SaeFixture.transfer(id, SedaVersion.V2_2);

        Api.Response received = SaeFixture.deposit(as("archiviste"), transfer.manifest(),
                SaeFixture.targz(transfer.zip(), "SIP"), id + ".tar.gz");

        assertThat(received.status()).isEqualTo(200);
        String reply = SaeFixture.awaitReply(as("archiviste"), id);
        assertThat(element(reply, "ReplyCode")).as(reply).isEqualTo("000");
        Api.Response byQuery = as("archiviste").get(SaeFixture.BASE + "/sedaMessages?sequence=ArchiveTransfer"
                + "&message=ArchiveTransferReply&originMessageIdentifier=" + id
                + "&originOrganizationIdentification=210690004");
        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(byQuery.text()).isEqualTo(reply);
    }

    @Test
    void a_message_identifier_used_again_by_the_same_agency_gets_the_first_reply_and_no_second_archive() {
        String id = "DUP-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer transfer = SaeFixture.transfer(id, SedaVersion.V2_1);
        Api.Response first = SaeFixture.deposit(as("versement"), transfer);
        String reply = SaeFixture.awaitReply(as("versement"), id);

        Api.Response again = SaeFixture.deposit(as("versement"), transfer);
        Api.Response otherContent = SaeFixture.deposit(as("versement"), SaeFixture.transfer(id, SedaVersion.V2_3));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<Boolean>json("$.duplicate")).isTrue();
        assertThat(again.<String>json("$.transferId")).isEqualTo(first.json("$.transferId"));
        assertThat(again.<String>json("$.replyCode")).isEqualTo("000");
        assertThat(otherContent.<String>json("$.transferId")).isEqualTo(first.json("$.transferId"));
        assertThat(as("versement").get(SaeFixture.path("ArchiveTransferReply", id)).text()).isEqualTo(reply);
        assertThat(jdbc.queryForObject("select count(*) from sae_transfer where message_identifier = ?", Integer.class,
                id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sae_archive a join sae_transfer t on t.id = a.transfer_id "
                + "where t.message_identifier = ?", Integer.class, id)).isEqualTo(1);
        List<Map<String, Object>> events = jdbc.queryForList("select type from sae_event where detail like ? order by position",
                "%\"" + id + "\"%");
        assertThat(events).extracting(e -> e.get("type")).containsExactly("TRANSFER_RECEIVED", "TRANSFER_ACCEPTED",
                "DUPLICATE_RECEIVED", "DUPLICATE_RECEIVED");
        assertThat(Files.exists(home().resolve("sae/incoming").resolve(first.<String>json("$.transferId")))).isFalse();
    }

    @Test
    void the_same_transfer_deposited_four_times_at_once_makes_one_transfer_and_one_archive() throws Exception {
        String id = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer transfer = SaeFixture.transfer(id, SedaVersion.V2_2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> SaeFixture.deposit(as("versement"), transfer)));
            }
            java.util.Set<String> transfers = new java.util.HashSet<>();
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                transfers.add(answer.get().json("$.transferId"));
            }
            assertThat(transfers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(element(SaeFixture.awaitReply(as("versement"), id), "ReplyCode")).isEqualTo("000");
        assertThat(jdbc.queryForObject("select count(*) from sae_archive a join sae_transfer t on t.id = a.transfer_id "
                + "where t.message_identifier = ?", Integer.class, id)).isEqualTo(1);
    }
}
