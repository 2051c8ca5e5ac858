package fr.acta.sae;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.ManagementRules.FinalAction;
import fr.acta.seda.RulesReferential;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Elimination: refused for Keep, under a hold, before the DUA's end, to anyone but the archivist,
 * without a reason, and a second time; accepted for Destroy once the DUA is over: the content is
 * gone from both locations (unless another archive still holds it), the metadata, the manifest
 * and the log entries stay, search leaves it out by default, and the audit stays clean.
 */
class SaeEliminationTest extends ApiTest {

    static final String ARCHIVES = "/api/v1/tenants/demo/archives/";
    static final LocalDate LAST_YEAR = LocalDate.now().minusYears(1).minusDays(10);

    @Autowired
    LogVerifier verifier;

    private static SaeArchives.Act act(String word, String duration, FinalAction action, LocalDate date) {
        return new SaeArchives.Act("Arrêté temporaire de circulation " + word, "AR", "6.1", "AR-" + word, null, date,
                "Travaux de voirie " + word, SaeArchives.rules("AR", "6.1", date, duration, action));
    }

    private Api.Response eliminate(String user, String id, String reason) {
        return as(user).postJson(ARCHIVES + id + "/elimination",
                reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
    }

    @Test
    void refused_for_keep_for_a_hold_and_before_the_dua_end() {
        String keep = SaeArchives.deposit(as("versement"), act(SaeArchives.word(), "P1Y", FinalAction.KEEP, LAST_YEAR));
        String young = SaeArchives.deposit(as("versement"), act(SaeArchives.word(), "P10Y", FinalAction.DESTROY,
                LAST_YEAR));
        SedaTransfer held = SaeArchives.transfer(act(SaeArchives.word(), "P1Y", FinalAction.DESTROY, LAST_YEAR),
                SedaVersion.V2_2);
        String manifest = new String(held.manifest(), StandardCharsets.UTF_8).replaceFirst("</Management>",
                "<HoldRule><Rule>HOL-CONTENTIEUX</Rule><StartDate>2025-06-01</StartDate></HoldRule></Management>");
        String hold = SaeArchives.deposit(as("versement"), held, manifest.getBytes(StandardCharsets.UTF_8));

        Api.Response k = eliminate("archiviste", keep, "Fin de DUA");
        Api.Response y = eliminate("archiviste", young, "Fin de DUA");
        Api.Response h = eliminate("archiviste", hold, "Fin de DUA");

        assertThat(k.status()).isEqualTo(409);
        assertThat(k.text()).contains("conservation définitive (Keep)");
        assertThat(y.status()).isEqualTo(409);
        assertThat(y.text()).contains("sa durée d'utilité administrative court jusqu'au " + LAST_YEAR.plusYears(10));
        assertThat(h.status()).isEqualTo(409);
        assertThat(h.text()).contains("gelée par une règle de gel (HoldRule) sans date de fin");
        assertThat(as("archiviste").get(ARCHIVES + hold).<Boolean>json("$.retention.hold.inForce")).isTrue();
        for (String id : List.of(keep, young, hold)) {
            assertThat(as("archiviste").get(ARCHIVES + id).<String>json("$.status")).isEqualTo("KEPT");
            assertThat(jdbc.queryForObject("select count(*) from sae_event where type = 'ELIMINATION' and detail like ?",
                    Integer.class, "%\"" + id + "\"%")).isZero();
        }
        Api.Response expired = as("archiviste").get(ARCHIVES + "retention/expired?size=100");
        assertThat(expired.<List<String>>json("$.results[?(@.eliminable == false)].id")).contains(keep, hold)
                .doesNotContain(young);
    }

    @Test
    void only_the_archivist_may_approve_and_with_a_reason() {
        String id = SaeArchives.deposit(as("versement"), act(SaeArchives.word(), "P1Y", FinalAction.DESTROY,
                LAST_YEAR));

        assertThat(eliminate("admin", id, "Fin de DUA").status()).isEqualTo(403);
        assertThat(eliminate("secretaire", id, "Fin de DUA").status()).isEqualTo(403);
        assertThat(eliminate("versement", id, "Fin de DUA").status()).isEqualTo(403);
        Api.Response noReason = eliminate("archiviste", id, null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(eliminate("archiviste", id, "  ").status()).isEqualTo(400);
        assertThat(eliminate("archiviste", "SAE-DEMO-1999-999999", "Fin de DUA").status()).isEqualTo(404);
        assertThat(as("archiviste").get(ARCHIVES + id).<String>json("$.status")).isEqualTo("KEPT");
    }

    @Test
    void accepted_for_destroy_after_the_dua_the_content_goes_and_the_metadata_and_log_stay() {
        String word = SaeArchives.word();
        byte[] shared = SamplePdfs.arrete("Valmont-sur-Saône", "PARTAGE-" + word, "Pièce commune " + word);
        SedaTransfer gone = SaeArchives.transfer(act(word, "P1Y", FinalAction.DESTROY, LAST_YEAR), SedaVersion.V2_2,
                shared);
        String id = SaeArchives.deposit(as("versement"), gone, gone.manifest());
        SedaTransfer other = SaeArchives.transfer(act(SaeArchives.word(), "P1Y", FinalAction.KEEP, LAST_YEAR),
                SedaVersion.V2_1, shared);
        String kept = SaeArchives.deposit(as("versement"), other, other.manifest());
        UUID demo = jdbc.queryForObject("select id from tenant where code = 'demo'", UUID.class);
        assertThat(as("archiviste").get(ARCHIVES + "retention/expired?size=100")
                .<List<String>>json("$.results[?(@.eliminable == true)].id")).contains(id);

        Api.Response done = eliminate("archiviste", id, "DUA échue, sort final destruction (bordereau n° 12)");

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.<String>json("$.status")).isEqualTo("ELIMINATED");
        assertThat(done.<Boolean>json("$.contentDeleted")).isTrue();
        assertThat(done.<Integer>json("$.deletedObjects")).isEqualTo(2);
        assertThat(done.<Integer>json("$.sharedObjectsKept")).isEqualTo(1);
        List<byte[]> contents = SaeFixture.contents(gone);
        for (String location : List.of("store-a", "store-b")) {
            assertThat(SaeArchives.copy(home(), location, SaeFixture.sha256(contents.get(0)))).exists();
            for (byte[] c : contents.subList(1, contents.size())) {
                assertThat(SaeArchives.copy(home(), location, SaeFixture.sha256(c))).doesNotExist();
            }
            assertThat(SaeArchives.copy(home(), location, SaeFixture.sha256(gone.manifest()))).exists();
        }
        Api.Response view = as("archiviste").get(ARCHIVES + id);
        assertThat(view.<String>json("$.status")).isEqualTo("ELIMINATED");
        assertThat(view.<String>json("$.elimination.by")).isEqualTo("archiviste");
        assertThat(view.<String>json("$.elimination.reason")).startsWith("DUA échue");
        assertThat(view.<String>json("$.act.actNumber")).isEqualTo("AR-" + word);
        assertThat(view.<List<Object>>json("$.units")).hasSize(4);
        assertThat(view.<List<String>>json("$.proofs.events[*].type")).contains("TRANSFER_ACCEPTED", "ELIMINATION",
                "ELIMINATION_CONTENT_DELETED");
        assertThat(as("archiviste").get(ARCHIVES + id + "/manifest").body()).isEqualTo(gone.manifest());
        assertThat(as("archiviste").get(ARCHIVES + id + "/dip").status()).isEqualTo(409);
        assertThat(as("archiviste").get(ARCHIVES + kept + "/dip").status()).isEqualTo(200);
        // the shared PDF holds the word too: the other archive is still found, the eliminated one only on demand
        assertThat(as("archiviste").get("/api/v1/tenants/demo/archives?q=" + word)
                .<List<String>>json("$.results[*].id")).containsExactly(kept);
        assertThat(as("archiviste").get("/api/v1/tenants/demo/archives?includeEliminated=true&q=" + word)
                .<List<String>>json("$.results[*].id")).containsExactlyInAnyOrder(id, kept);
        assertThat(as("archiviste").get(ARCHIVES + "retention/expired?size=100").<List<String>>json("$.results[*].id"))
                .doesNotContain(id);

        Api.Response again = eliminate("archiviste", id, "Encore");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("déjà éliminée");

        Api.Response audit = as("archiviste").postJson(ARCHIVES + "audits", "");
        assertThat(audit.status()).isEqualTo(201);
        assertThat(audit.<Integer>json("$.objects.lost")).as(audit.text()).isZero();
        assertThat(audit.<List<String>>json("$.objectReports[*].sha256")).doesNotContain(
                SaeFixture.sha256(contents.get(1))).contains(SaeFixture.sha256(contents.get(0)));
        assertThat(audit.<Boolean>json("$.log.intact")).isTrue();
        assertThat(verifier.verify(demo).intact()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from sae_event where type = 'ELIMINATION' and detail like ?",
                Integer.class, "%\"" + id + "\"%")).isEqualTo(1);
    }
}
