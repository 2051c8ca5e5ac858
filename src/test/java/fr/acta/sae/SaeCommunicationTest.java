package fr.acta.sae;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.RulesReferential;
import fr.acta.seda.SedaSchemas;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Communication of one archive: the record view with its rules and proofs, the manifest as
 * received, the DIP (an ArchiveDeliveryRequestReply valid against its version's schema, the
 * objects as deposited, a damaged copy skipped, refused when no copy is intact), each access in
 * the chained log.
 */
class SaeCommunicationTest extends ApiTest {

    static final String ARCHIVES = "/api/v1/tenants/demo/archives/";
    static final LocalDate DATE = LocalDate.of(2025, 3, 12);

    @Autowired
    LogVerifier verifier;

    private static SaeArchives.Act act(String word) {
        return new SaeArchives.Act("Délibération approuvant le plan local d'urbanisme " + word, "DE", "2.1",
                "DEL-" + word, "069-210690004-20250312-" + word.toUpperCase() + "-DE", DATE, "Zonage " + word,
                RulesReferential.defaults().rulesFor("DE", "2.1", DATE));
    }

    @Test
    void the_record_view_shows_metadata_rules_with_the_dua_end_and_the_proofs() {
        String word = SaeArchives.word();
        String id = SaeArchives.deposit(as("versement"), act(word));
        assertThat(as("archiviste").postJson(ARCHIVES + "audits", "").status()).isEqualTo(201);

        Api.Response view = as("archiviste").get(ARCHIVES + id);

        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(view.<String>json("$.status")).isEqualTo("KEPT");
        assertThat(view.<String>json("$.act.nature")).isEqualTo("DE");
        assertThat(view.<String>json("$.act.matiere")).isEqualTo("2.1");
        assertThat(view.<String>json("$.act.actNumber")).isEqualTo("DEL-" + word);
        assertThat(view.<String>json("$.act.idActe")).isEqualTo("069-210690004-20250312-" + word.toUpperCase() + "-DE");
        assertThat(view.<String>json("$.act.date")).isEqualTo("2025-03-12");
        assertThat(view.<String>json("$.act.collectivite")).isEqualTo("Commune de Valmont-sur-Saône");
        assertThat(view.<String>json("$.retention.appraisal.rule")).isEqualTo("APP-P1Y");
        assertThat(view.<String>json("$.retention.appraisal.duaEnd")).isEqualTo("2026-03-12");
        assertThat(view.<String>json("$.retention.appraisal.finalAction")).isEqualTo("Keep");
        assertThat(view.<Boolean>json("$.retention.access.communicable")).isTrue();
        assertThat(view.<Boolean>json("$.retention.hold.inForce")).isFalse();
        assertThat(view.<String>json("$.proofs.acknowledgement")).contains("<Acknowledgement");
        assertThat(view.<String>json("$.proofs.transferReply")).contains("<ArchiveTransferReply").contains(id);
        assertThat(view.<List<String>>json("$.proofs.events[*].type")).contains("TRANSFER_ACCEPTED", "ACCESS_VIEW");
        assertThat(view.<String>json("$.proofs.fixity.status")).isEqualTo("OK");
        assertThat(view.<List<Object>>json("$.proofs.fixity.objects")).hasSize(4);
        assertThat(view.<List<Object>>json("$.units")).hasSize(4);
    }

    @Test
    void the_manifest_is_served_as_received() {
        SedaTransfer t = SaeArchives.transfer(act(SaeArchives.word()), SedaVersion.V2_1);
        String id = SaeArchives.deposit(as("versement"), t, t.manifest());

        Api.Response manifest = as("archiviste").get(ARCHIVES + id + "/manifest");

        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.contentType()).startsWith("application/xml");
        assertThat(manifest.body()).isEqualTo(t.manifest());
        assertThat(as("archiviste").get(ARCHIVES + "SAE-DEMO-1999-999999/manifest").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(SedaVersion.class)
    void the_dip_is_a_valid_delivery_reply_with_the_objects_as_deposited(SedaVersion version) throws IOException {
        SedaTransfer t = SaeArchives.transfer(act(SaeArchives.word()), version);
        String id = SaeArchives.deposit(as("versement"), t, t.manifest());

        Api.Response dip = as("archiviste").get(ARCHIVES + id + "/dip");

        assertThat(dip.status()).as(dip.toString()).isEqualTo(200);
        assertThat(dip.contentType()).startsWith("application/zip");
        Map<String, byte[]> files = unzip(dip.body());
        byte[] manifest = files.remove("manifest.xml");
        SedaSchemas.shared().validate(version, manifest);
        String xml = new String(manifest, StandardCharsets.UTF_8);
        assertThat(xml).contains("<ArchiveDeliveryRequestReply").contains(version.namespace())
                .contains("<UnitIdentifier>" + id + "</UnitIdentifier>").contains("<Requester>");
        assertThat(files.keySet()).allMatch(name -> name.startsWith("Content/") && xml.contains("<Uri>" + name + "</Uri>"));
        assertThat(files.values().stream().map(SaeFixture::sha256).toList())
                .containsExactlyInAnyOrderElementsOf(SaeFixture.contents(t).stream().map(SaeFixture::sha256).toList());
        for (SedaTransfer.Entry e : t.objects()) {
            assertThat(xml).contains(e.sha512());
        }
    }

    @Test
    void a_copy_damaged_in_one_location_is_skipped_and_in_every_location_refused() throws IOException {
        SedaTransfer t = SaeArchives.transfer(act(SaeArchives.word()), SedaVersion.V2_2);
        String id = SaeArchives.deposit(as("versement"), t, t.manifest());
        byte[] main = SaeFixture.contents(t).get(0);
        String sha256 = SaeFixture.sha256(main);
        Path a = SaeArchives.copy(home(), "store-a", sha256);
        Path b = SaeArchives.copy(home(), "store-b", sha256);
        try {
            Files.write(a, SaeFixture.flipOneByte(main));
            Api.Response one = as("archiviste").get(ARCHIVES + id + "/dip");
            assertThat(one.status()).isEqualTo(200);
            assertThat(unzip(one.body()).values().stream().map(SaeFixture::sha256)).contains(sha256);

            Files.write(b, SaeFixture.flipOneByte(main));
            Api.Response none = as("archiviste").get(ARCHIVES + id + "/dip");
            assertThat(none.status()).isEqualTo(409);
            assertThat(none.contentType()).startsWith("application/problem+json");
            assertThat(none.text()).contains("endommagé ou absent dans tous les emplacements");
        } finally {
            Files.write(a, main);
            Files.write(b, main);
        }
    }

    @Test
    void each_access_is_logged_with_who_and_what_and_the_chain_still_verifies() {
        String id = SaeArchives.deposit(as("versement"), act(SaeArchives.word()));
        UUID demo = jdbc.queryForObject("select id from tenant where code = 'demo'", UUID.class);

        as("archiviste").get(ARCHIVES + id);
        as("admin").get(ARCHIVES + id + "/manifest");
        as("secretaire").get(ARCHIVES + id + "/dip");

        List<Map<String, Object>> entries = jdbc.queryForList("select type, detail from sae_event where tenant_id = ? "
                + "and detail like ? and type like 'ACCESS_%' order by position", demo, "%\"" + id + "\"%");
        assertThat(entries).extracting(e -> e.get("type")).containsExactly("ACCESS_VIEW", "ACCESS_MANIFEST",
                "ACCESS_DIP");
        assertThat(entries).extracting(e -> (String) e.get("detail")).satisfiesExactly(
                d -> assertThat(d).contains("\"user\":\"archiviste\""),
                d -> assertThat(d).contains("\"user\":\"admin\""),
                d -> assertThat(d).contains("\"user\":\"secretaire\""));
        assertThat(verifier.verify(demo).intact()).isTrue();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
