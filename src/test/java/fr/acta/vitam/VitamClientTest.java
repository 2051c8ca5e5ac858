package fr.acta.vitam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaTransferBuilder;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The Vitam client against the Vitam simulator, over HTTP. */
class VitamClientTest extends ApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private VitamClient vitam;

    @Autowired
    private SedaTransferBuilder builder;

    private VitamSettings settings() {
        return new VitamSettings(anonymous().baseUrl() + "/vitam-sim", 1, "AC-000001", null, "acta-test", null, null);
    }

    private static String messageIdentifier() {
        return "ACTA-demo-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @EnumSource(value = SedaVersion.class, names = {"V2_1", "V2_2"})
    void an_ingest_completes_ok_and_is_found_again_by_its_message_identifier(SedaVersion version) throws Exception {
        String messageId = messageIdentifier();
        SedaTransfer transfer = builder.build(VitamSip.request(messageId, VitamSip.pdf()), version);

        String operationId = vitam.ingest(settings(), transfer.zip(), sha512(transfer.manifest()));

        // while the operation runs (300 ms in tests) there is no reply yet; a slow machine may miss that window
        Optional<VitamTransferReply> early = vitam.archiveTransferReply(settings(), operationId);
        VitamOperation first = vitam.operation(settings(), operationId);
        if (!first.completed()) {
            assertThat(first.state()).isEqualTo("RUNNING");
            assertThat(first.status()).isEqualTo("STARTED");
            assertThat(early).isEmpty();
        }
        VitamOperation done = awaitCompletion(operationId);
        VitamTransferReply atr = vitam.archiveTransferReply(settings(), operationId).orElseThrow();
        assertThat(done.status()).as("ATR: %s", atr.comment()).isEqualTo("OK");
        assertThat(atr.accepted()).isTrue();
        assertThat(atr.replyCode()).isEqualTo("OK");
        assertThat(atr.messageRequestIdentifier()).isEqualTo(messageId);
        // the act's unit and one unit per file
        assertThat(atr.unitIds()).hasSize(3).doesNotHaveDuplicates();
        assertThat(new String(atr.xml(), java.nio.charset.StandardCharsets.UTF_8)).contains(version.namespace());

        assertThat(vitam.findIngest(settings(), messageId)).contains(operationId);
        assertThat(vitam.findIngest(settings(), messageIdentifier())).isEmpty();
        // another tenant sees neither the operation nor the ingest
        VitamSettings other = new VitamSettings(settings().baseUrl(), 2, "AC-000001", null, null, null, null);
        assertThat(vitam.findIngest(other, messageId)).isEmpty();
        assertThatThrownBy(() -> vitam.operation(other, operationId))
                .isInstanceOfSatisfying(VitamException.class, e -> assertThat(e.notFound()).isTrue());
    }

    @Test
    void a_tampered_package_is_refused_with_a_french_reason() throws Exception {
        String messageId = messageIdentifier();
        SedaTransfer transfer = builder.build(VitamSip.request(messageId, VitamSip.pdf()), SedaVersion.V2_2);
        String pdfPath = transfer.objects().get(0).path();
        byte[] tampered = VitamSip.rewrite(transfer.zip(), pdfPath, bytes -> {
            byte[] copy = bytes.clone();
            copy[copy.length / 2] ^= 0x01;
            return copy;
        });

        String operationId = vitam.ingest(settings(), tampered, sha512(transfer.manifest()));

        assertThat(awaitCompletion(operationId).status()).isEqualTo("KO");
        VitamTransferReply atr = vitam.archiveTransferReply(settings(), operationId).orElseThrow();
        assertThat(atr.accepted()).isFalse();
        assertThat(atr.replyCode()).isEqualTo("KO");
        assertThat(atr.messageRequestIdentifier()).isEqualTo(messageId);
        assertThat(atr.unitIds()).isEmpty();
        assertThat(atr.comment()).contains("empreinte").contains(pdfPath);
        // a refused ingest is still an ingest of that package: the caller learns its outcome, never sends it twice
        assertThat(vitam.findIngest(settings(), messageId)).contains(operationId);
    }

    @Test
    void a_manifest_whose_announced_digest_differs_is_refused() {
        SedaTransfer transfer = builder.build(VitamSip.request(messageIdentifier(), VitamSip.pdf()), SedaVersion.V2_1);
        String operationId = vitam.ingest(settings(), transfer.zip(), "00".repeat(64));
        awaitCompletion(operationId);
        VitamTransferReply atr = vitam.archiveTransferReply(settings(), operationId).orElseThrow();
        assertThat(atr.accepted()).isFalse();
        assertThat(atr.comment()).contains("bordereau");
    }

    @Test
    void a_manifest_that_breaks_the_official_schema_is_refused() {
        String messageId = messageIdentifier();
        SedaTransfer transfer = builder.build(VitamSip.request(messageId, VitamSip.pdf()), SedaVersion.V2_2);
        byte[] broken = VitamSip.rewrite(transfer.zip(), "manifest.xml", bytes -> new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8).replace("<DescriptionLevel>File</DescriptionLevel>",
                "<DescriptionLevel>Dossier</DescriptionLevel>").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String operationId = vitam.ingest(settings(), broken, null);

        assertThat(awaitCompletion(operationId).status()).isEqualTo("KO");
        VitamTransferReply atr = vitam.archiveTransferReply(settings(), operationId).orElseThrow();
        assertThat(atr.accepted()).isFalse();
        assertThat(atr.messageRequestIdentifier()).isEqualTo(messageId);
        assertThat(atr.comment()).contains("schéma officiel SEDA 2.2");
    }

    @Test
    void a_request_without_tenant_is_refused_with_412() {
        Api.Response r = anonymous().post("/vitam-sim/ingest-external/v1/ingests", MediaType.APPLICATION_OCTET_STREAM,
                new byte[] {1, 2, 3});
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.<Integer>json("$.httpCode")).isEqualTo(412);
        assertThat(r.<String>json("$.description")).contains("X-Tenant-Id");
    }

    @Test
    void an_unknown_operation_is_not_found() {
        assertThatThrownBy(() -> vitam.operation(settings(), "aeeaaaaaaunknownoperationaaaaaaaaaaa"))
                .isInstanceOfSatisfying(VitamException.class, e -> {
                    assertThat(e.notFound()).isTrue();
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Introuvable");
                });
    }

    @Test
    void units_are_selected_by_dsl_and_their_object_comes_back_as_sent() throws Exception {
        byte[] pdf = VitamSip.pdf();
        SedaTransfer transfer = builder.build(VitamSip.request(messageIdentifier(), pdf), SedaVersion.V2_2);
        String operationId = vitam.ingest(settings(), transfer.zip(), null);
        awaitCompletion(operationId);

        JsonNode all = vitam.selectUnits(settings(), json.readTree("""
                {"$roots":[],"$query":[{"$eq":{"#opi":"%s"}}],"$filter":{"$limit":100},"$projection":{}}
                """.formatted(operationId)));
        assertThat(all.path("httpCode").asInt()).isEqualTo(200);
        assertThat(all.path("$hits").path("total").asInt()).isEqualTo(3);
        assertThat(all.path("$results")).hasSize(3);

        JsonNode act = vitam.selectUnits(settings(), json.readTree("""
                {"$roots":[],"$query":[{"$and":[{"$eq":{"#opi":"%s"}},{"$match":{"Title":"eclairage marche"}}]}],
                 "$filter":{},"$projection":{"$fields":{"#id":1,"Title":1}}}
                """.formatted(operationId)));
        assertThat(act.path("$results")).hasSize(1);
        assertThat(act.path("$results").get(0).path("Title").asText()).isEqualTo(VitamSip.OBJET);
        assertThat(act.path("$results").get(0).has("#opi")).isFalse();

        JsonNode page = vitam.selectUnits(settings(), json.readTree("""
                {"$roots":[],"$query":[{"$eq":{"#opi":"%s"}}],"$filter":{"$limit":1,"$offset":1,"$orderby":{"Title":1}},
                 "$projection":{}}
                """.formatted(operationId)));
        assertThat(page.path("$hits").path("total").asInt()).isEqualTo(3);
        assertThat(page.path("$results")).hasSize(1);

        JsonNode signed = vitam.selectUnits(settings(), json.readTree("""
                {"$roots":[],"$query":[{"$and":[{"$eq":{"#opi":"%s"}},{"$eq":{"Title":"Acte signé"}}]}],"$projection":{}}
                """.formatted(operationId))).path("$results").get(0);
        String unitId = signed.path("#id").asText();
        JsonNode byId = vitam.selectUnits(settings(), json.readTree("""
                {"$roots":[],"$query":[{"$eq":{"#id":"%s"}}],"$projection":{}}
                """.formatted(unitId)));
        assertThat(byId.path("$results")).hasSize(1);
        assertThat(vitam.unitObject(settings(), unitId, "BinaryMaster", 1)).isEqualTo(pdf);
        assertThatThrownBy(() -> vitam.unitObject(settings(), unitId, "Dissemination", 1))
                .isInstanceOfSatisfying(VitamException.class, e -> assertThat(e.notFound()).isTrue());
    }

    @Test
    void a_search_without_access_contract_is_refused() {
        VitamSettings none = new VitamSettings(settings().baseUrl(), 1, null, null, null, null, null);
        assertThatThrownBy(() -> vitam.findIngest(none, "x")).isInstanceOf(VitamException.class)
                .hasMessageContaining("contrat d'accès");
        VitamSettings unknown = new VitamSettings(settings().baseUrl(), 1, "AC-999999", null, null, null, null);
        assertThatThrownBy(() -> vitam.findIngest(unknown, "x"))
                .isInstanceOfSatisfying(VitamException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private VitamOperation awaitCompletion(String operationId) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            VitamOperation op = vitam.operation(settings(), operationId);
            if (op.completed()) {
                assertThat(op.state()).isEqualTo("COMPLETED");
                return op;
            }
            sleep();
        }
        throw new AssertionError("operation " + operationId + " not completed in time");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha512(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }

}
