package fr.acta.archiving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.vitam.VitamClient;
import fr.acta.vitam.VitamSettings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The collectivité's archive may be a Vitam or an As@lae: the act goes there through their real
 * APIs (the Vitam simulator; Acta's own archive behind its As@lae-compatible API), once, and a
 * refusal becomes the archivists' task, then a new transfer.
 */
class ArchiveConnectorsTest extends ApiTest {

    private static final String SETTINGS = "/api/v1/tenants/voisine/admin/connectors/archive";

    @Autowired
    private VitamClient vitam;

    @Autowired
    private org.camunda.bpm.engine.TaskService tasks;

    @AfterEach
    void backToActasOwnArchive() {
        assertThat(operator().putJson(SETTINGS, "{\"kind\":\"ACTA\"}").status()).isEqualTo(200);
    }

    @Test
    void an_act_is_archived_in_vitam_and_found_there_by_its_unit() throws Exception {
        Api.Response set = operator().putJson(SETTINGS, """
                {"kind":"VITAM","version":"2.1","archivalAgency":"AD-069","archivalAgreement":"IC-000001",
                 "vitam":{"baseUrl":"%s/vitam-sim","tenant":0,"accessContract":"AC-000001"}}""".formatted(base()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.<String>json("$.kind")).isEqualTo("VITAM");
        assertThat(set.<String>json("$.vitam.accessContract")).isEqualTo("AC-000001");
        assertThat(set.<Boolean>json("$.vitam.clientCertificateSet")).isFalse();

        String actId = signedAct();
        Acts.awaitState(as("secretaire.voisine"), "voisine", actId, "ARCHIVED");
        Api.Response act = as("secretaire.voisine").get("/api/v1/tenants/voisine/acts/" + actId);
        assertThat(act.<String>json("$.archive.archive")).isEqualTo("VITAM");
        assertThat(act.<String>json("$.archive.sedaVersion")).isEqualTo("2.1");
        String unit = act.json("$.archive.archiveId");
        assertThat(act.<List<String>>json("$.history[?(@.event == 'ARCHIVE_SENT')].detail")).singleElement()
                .satisfies(d -> assertThat(d).contains("Vitam").contains("opération"));

        VitamSettings access = new VitamSettings(base() + "/vitam-sim", 0, "AC-000001", null, "test", null, null);
        JsonNode found = vitam.selectUnits(access, new ObjectMapper().readTree("""
                {"$roots":[],"$query":[{"$eq":{"#id":"%s"}}],"$filter":{},"$projection":{}}""".formatted(unit)));
        assertThat(found.at("/$results/0/Title").asText()).isEqualTo(act.<String>json("$.subject"));
    }

    @Test
    void a_vitam_refusal_in_its_reply_goes_to_the_archivists_with_its_comment() {
        String vitamAccess = "\"vitam\":{\"baseUrl\":\"" + base() + "/vitam-sim\",\"tenant\":0,"
                + "\"accessContract\":\"AC-000001\"}";
        assertThat(operator().putJson(SETTINGS, "{\"kind\":\"VITAM\",\"archivalAgreement\":\"IC-INCONNU\","
                + vitamAccess + "}").status()).isEqualTo(200);
        String actId = signedAct();
        Acts.awaitState(as("secretaire.voisine"), "voisine", actId, "ARCHIVE_ERROR");
        Api.Response refused = as("secretaire.voisine").get("/api/v1/tenants/voisine/acts/" + actId);
        assertThat(refused.<String>json("$.archive.replyCode")).isEqualTo("KO");
        assertThat(refused.<String>json("$.archive.comment")).contains("IC-INCONNU");
        assertThat(refused.<List<String>>json("$.history[*].event")).containsSubsequence("ARCHIVE_SENT",
                "ARCHIVE_REJECTED", "ARCHIVE_ERROR");

        assertThat(operator().putJson(SETTINGS, "{\"kind\":\"VITAM\",\"archivalAgreement\":\"IC-000001\","
                + vitamAccess + "}").status()).isEqualTo(200);
        assertThat(operator().postJson("/api/v1/tenants/voisine/acts/" + actId + "/archive/retry", "{}").status())
                .isEqualTo(202);
        Acts.awaitState(as("secretaire.voisine"), "voisine", actId, "ARCHIVED");
        Api.Response archived = as("secretaire.voisine").get("/api/v1/tenants/voisine/acts/" + actId);
        assertThat(archived.<Integer>json("$.archive.attempt")).isEqualTo(2);
        assertThat(archived.<String>json("$.archive.replyCode")).isIn("OK", "WARNING");
    }

    @Test
    void an_asalae_refusal_goes_to_the_archivists_then_a_new_transfer_is_accepted() {
        String restservices = base() + "/api/v1/tenants/demo/sae/restservices";
        Api.Response set = operator().putJson(SETTINGS, """
                {"kind":"ASALAE","asalae":{"baseUrl":"%s","login":"versement","password":"pas-le-bon"}}"""
                .formatted(restservices));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        String actId = signedAct();
        Acts.awaitState(as("secretaire.voisine"), "voisine", actId, "ARCHIVE_ERROR");
        Api.Response refused = as("secretaire.voisine").get("/api/v1/tenants/voisine/acts/" + actId);
        assertThat(refused.<String>json("$.archive.status")).isEqualTo("ARCHIVE_ERROR");
        assertThat(refused.<String>json("$.archive.archive")).isEqualTo("ASALAE");
        assertThat(refused.<String>json("$.archive.comment")).contains("401");
        assertThat(refused.<List<String>>json("$.history[*].event")).containsSubsequence("ARCHIVE_PREPARED",
                "ARCHIVE_REJECTED", "ARCHIVE_ERROR");
        // the archivists' task, offered to the collectivité's archivists
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().taskDefinitionKey("archiveCorrection")
                .processInstanceBusinessKey(actId).singleResult();
        assertThat(task).as("archive task; open tasks of the act: %s", tasks.createTaskQuery()
                .processInstanceBusinessKey(actId).list()).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
                .contains("role:voisine:ARCHIVIST");
        assertThat(as("secretaire.voisine").postJson("/api/v1/tenants/voisine/acts/" + actId + "/archive/retry", "{}")
                .status()).isEqualTo(403);

        // the right password, as Pastell sends it (its SHA-256), and the package in chunks
        assertThat(operator().putJson(SETTINGS, """
                {"kind":"ASALAE","asalae":{"baseUrl":"%s","login":"versement","password":"demo",
                 "sha256Password":true,"chunkSize":50000}}""".formatted(restservices)).status()).isEqualTo(200);
        Api.Response retry = operator().postJson("/api/v1/tenants/voisine/acts/" + actId + "/archive/retry", "{}");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        Acts.awaitState(as("secretaire.voisine"), "voisine", actId, "ARCHIVED");
        Api.Response archived = as("secretaire.voisine").get("/api/v1/tenants/voisine/acts/" + actId);
        assertThat(archived.<Integer>json("$.archive.attempt")).isEqualTo(2);
        assertThat(archived.<String>json("$.archive.replyCode")).isEqualTo("000");
        assertThat(archived.<String>json("$.archive.archiveId")).startsWith("SAE-DEMO-");
        assertThat(operator().postJson("/api/v1/tenants/voisine/acts/" + actId + "/archive/retry", "{}").status())
                .isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from sae_transfer where message_identifier like ?",
                Integer.class, "ACTA-" + actId + "-%")).isEqualTo(1);
    }

    @Test
    void settings_are_checked_and_secrets_never_shown() {
        Api.Response bad = operator().putJson(SETTINGS, """
                {"kind":"ASALAE","asalae":{"baseUrl":"pas une url","login":""},
                 "rules":{"DE":{"duration":"un an","finalAction":"KEEP"},"XX":{"duration":"P1Y","finalAction":"KEEP"}}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.errorFields()).contains("asalae.baseUrl", "asalae.login", "asalae.password",
                "rules.DE.duration", "rules.XX");
        assertThat(as("secretaire.voisine").get(SETTINGS).status()).isEqualTo(403);

        Api.Response ok = operator().putJson(SETTINGS, """
                {"kind":"ASALAE","asalae":{"baseUrl":"https://asalae.example.fr/restservices","login":"acta",
                 "password":"s3cret","sha256Password":true},"rules":{"CC":{"duration":"P5Y","finalAction":"DESTROY"}}}""");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.text()).doesNotContain("s3cret");
        assertThat(ok.<Boolean>json("$.asalae.passwordSet")).isTrue();
        assertThat(ok.<String>json("$.rules.CC.finalAction")).isEqualTo("DESTROY");
        assertThat(ok.<String>json("$.rules.DE.duration")).isEqualTo("P1Y");
        assertThat(ok.<String>json("$.transferringAgency")).isEqualTo("210690012");
    }

    private String signedAct() {
        String actId = Acts.submit(as("secretaire.voisine"), "voisine", "arrete");
        Acts.sign(as("maire.voisine"), "voisine", Acts.awaitTask(as("maire.voisine"), "voisine", actId));
        return actId;
    }

    private Api operator() {
        return as("operateur");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
