package fr.acta.sae;

import static fr.acta.sae.SaeFixture.element;
import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fixity audit: a flipped byte or a missing file in one location is detected and repaired
 * from the healthy copy (and logged); an object with no healthy copy left is reported lost.
 */
class SaeFixityTest extends ApiTest {

    static final String AUDITS = "/api/v1/tenants/demo/archives/audits";

    @Test
    void a_flipped_byte_in_one_location_is_detected_reported_and_repaired_from_the_other() throws Exception {
        String sha256 = depositAndPickObject("FLIP");
        Path damaged = copy("store-b", sha256);
        byte[] original = Files.readAllBytes(damaged);
        Files.write(damaged, SaeFixture.flipOneByte(original));

        Api.Response audit = as("archiviste").postJson(AUDITS, "");

        assertThat(audit.status()).as(audit.toString()).isEqualTo(201);
        assertThat(audit.<String>json("$.status")).isEqualTo("REPAIRED");
        assertThat(audit.<Integer>json("$.objects.repaired")).isGreaterThanOrEqualTo(1);
        Map<String, Object> report = objectReport(audit, sha256);
        assertThat(report.get("copies")).isEqualTo(Map.of("store-a", "OK", "store-b", "REPAIRED"));
        assertThat((String) report.get("detail")).contains("Copie altérée dans store-b")
                .contains("Copie de store-b remplacée depuis store-a");
        assertThat(Files.readAllBytes(damaged)).isEqualTo(original);
        assertThat(SaeFixture.sha256(Files.readAllBytes(damaged))).isEqualTo(sha256);
        assertThat(jdbc.queryForObject("select count(*) from sae_event where type = 'OBJECT_REPAIRED' and detail like ?",
                Integer.class, "%" + sha256 + "%")).isEqualTo(1);

        Api.Response latest = as("admin").get(AUDITS + "/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.<String>json("$.id")).isEqualTo(audit.json("$.id"));
        Api.Response next = as("archiviste").postJson(AUDITS, "");
        assertThat(objectReport(next, sha256).get("copies")).isEqualTo(Map.of("store-a", "OK", "store-b", "OK"));
    }

    @Test
    void a_missing_copy_is_put_back_and_an_object_with_no_healthy_copy_is_reported_lost() throws Exception {
        String missing = depositAndPickObject("MISS");
        Files.delete(copy("store-a", missing));
        String lost = depositAndPickObject("LOST");
        byte[] original = Files.readAllBytes(copy("store-a", lost));
        Files.write(copy("store-a", lost), SaeFixture.flipOneByte(original));
        Files.delete(copy("store-b", lost));
        try {
            Api.Response audit = as("archiviste").postJson(AUDITS, "");

            assertThat(audit.<String>json("$.status")).isEqualTo("FAILED");
            assertThat(objectReport(audit, missing).get("copies")).isEqualTo(Map.of("store-a", "REPAIRED", "store-b", "OK"));
            assertThat((String) objectReport(audit, missing).get("detail")).contains("Copie absente de store-a");
            assertThat(copy("store-a", missing)).exists();
            Map<String, Object> gone = objectReport(audit, lost);
            assertThat(gone.get("copies")).isEqualTo(Map.of("store-a", "LOST", "store-b", "LOST"));
            assertThat((String) gone.get("detail")).isEqualTo("Copie altérée dans store-a, copie absente de store-b.");
            assertThat(audit.<Integer>json("$.objects.lost")).isEqualTo(1);
            assertThat(audit.<String>json("$.summary")).contains("1 perdu(s)");
            assertThat(jdbc.queryForObject("select count(*) from sae_event where type = 'OBJECT_LOST' and detail like ?",
                    Integer.class, "%" + lost + "%")).isEqualTo(1);
        } finally {
            // put the lost object back by hand, as an archivist would from a backup
            Files.write(copy("store-a", lost), original);
            Files.write(copy("store-b", lost), original);
        }
        assertThat(as("archiviste").postJson(AUDITS, "").<String>json("$.status")).isIn("OK", "REPAIRED");
    }

    @Test
    void an_audit_reports_every_object_in_every_location_with_its_throughput() {
        depositAndPickObject("ALL");

        Api.Response audit = as("archiviste").postJson(AUDITS, "");

        // every object the collectivité's archive keeps: not those of eliminated archives (their manifests stay)
        int objects = jdbc.queryForObject("select count(distinct o.sha256) from sae_object o join tenant t "
                + "on t.id = o.tenant_id join sae_archive a on a.id = o.archive_id where t.code = 'demo' "
                + "and (a.eliminated_at is null or o.kind = 'MANIFEST')", Integer.class);
        assertThat(audit.<Integer>json("$.objects.checked")).isEqualTo(objects);
        assertThat(audit.<Integer>json("$.objects.copiesChecked")).isEqualTo(2 * objects);
        assertThat(audit.<List<Object>>json("$.objectReports")).hasSize(objects);
        assertThat(audit.<List<String>>json("$.locations")).containsExactly("store-a", "store-b");
        assertThat(audit.<Number>json("$.objects.bytesHashed").longValue()).isPositive();
        assertThat(audit.<Boolean>json("$.log.intact")).isTrue();
        assertThat(audit.<String>json("$.trigger")).isEqualTo("MANUAL");
        assertThat(jdbc.queryForObject("select type from sae_event e join tenant t on t.id = e.tenant_id "
                + "where t.code = 'demo' order by position desc limit 1", String.class)).isEqualTo("AUDIT_COMPLETED");
        assertThat(anonymous().get(AUDITS + "/latest").status()).isEqualTo(401);
        Api.Response none = as("operateur").get("/api/v1/tenants/voisine/archives/audits/latest");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text()).contains("Aucun audit");
    }

    private String depositAndPickObject(String kind) {
        String id = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer transfer = SaeFixture.transfer(id, SedaVersion.V2_2);
        assertThat(SaeFixture.deposit(as("versement"), transfer).status()).isEqualTo(200);
        String reply = SaeFixture.awaitReply(as("versement"), id);
        assertThat(element(reply, "ReplyCode")).isEqualTo("000");
        return jdbc.queryForObject("select o.sha256 from sae_object o join sae_archive a on a.id = o.archive_id "
                + "where a.identifier = ? and o.kind = 'OBJECT' order by o.manifest_id limit 1", String.class,
                element(reply, "ArchivalAgencyArchiveUnitIdentifier"));
    }

    private Path copy(String location, String sha256) {
        return home().resolve("sae").resolve(location).resolve("demo/sha256").resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static Map<String, Object> objectReport(Api.Response audit, String sha256) {
        List<Map<String, Object>> found = audit.json("$.objectReports[?(@.sha256 == '" + sha256 + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
