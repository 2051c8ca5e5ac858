package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The préfecture announces a newer classification (ClassificationDateVersionEnCours) and serves it:
 * the next sending fetches it first, the acts still on their way whose matière has gone are flagged,
 * and an act whose matière vanished is not sent but comes back to its submitter with a French message.
 */
class ClassificationRefreshTest extends SandboxedTransmissionTest {

    private static final String NEW_DATE = "2026-10-01";
    private static final String LOCATIONS = "<actes:Matiere2 actes:CodeMatiere=\"3\" actes:Libelle=\"Locations\"/>";

    @BeforeEach
    @AfterEach
    void reset() {
        resetSandbox();
    }

    @Test
    void a_newer_classification_is_fetched_before_the_next_sending_and_an_act_whose_matiere_vanished_is_not_sent() {
        Api demoS2low = new Api("http://localhost:" + port + "/s2low-sandbox", "demo", "demo");
        String served = new String(demoS2low.get("/modules/actes/actes_classification_fetch.php?api=1").body(),
                StandardCharsets.ISO_8859_1);
        assertThat(served).contains(LOCATIONS).contains("<actes:DateClassification>2026-03-15<");
        String newer = served.replace(LOCATIONS, "").replace("<actes:DateClassification>2026-03-15<",
                "<actes:DateClassification>" + NEW_DATE + "<");
        assertThat(operator().put(SANDBOX + "/classification?siren=210690004", MediaType.APPLICATION_XML,
                newer.getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(200);
        assertThat(operator().put(SANDBOX + "/settings", MediaType.APPLICATION_JSON,
                ("{\"announcedClassification\":\"" + NEW_DATE + "\"}").getBytes()).status()).isEqualTo(200);
        Api secretaire = as("secretaire");
        assertThat(classificationDate()).isEqualTo("2026-03-15");

        String onItsWay = submit(secretaire, "deliberation", "3.3");   // waits for the adjoint's visa
        String vanishing = submit(secretaire, "arrete", "3.3");
        String first = signedAct("demo", "secretaire", "maire");
        Acts.awaitState(secretaire, "demo", first, "ACKNOWLEDGED");
        assertThat(classificationDate()).as("announced by the ARActe, fetched at the next sending only")
                .isEqualTo("2026-03-15");

        Acts.sign(as("maire"), "demo", Acts.awaitTask(as("maire"), "demo", vanishing));
        Acts.awaitState(secretaire, "demo", vanishing, "TRANSMISSION_ERROR");
        assertThat(classificationDate()).isEqualTo(NEW_DATE);
        Api.Response refused = act("demo", vanishing);
        String message = "La matière 3.3 n'existe plus dans la classification du " + NEW_DATE
                + " de la préfecture : corrigez-la puis renvoyez l'acte.";
        assertThat(refused.<String>json("$.transmission.status")).isEqualTo("ERROR");
        assertThat(refused.<String>json("$.transmission.error")).isEqualTo(message);
        assertThat(refused.<List<String>>json("$.history[*].event")).containsSubsequence("SIGNED",
                "CLASSIFICATION_OUTDATED", "TRANSMISSION_ERROR", "RETURNED_TO_SUBMITTER").doesNotContain("TRANSMITTED");
        String number = refused.json("$.number");
        assertThat(sandboxTransactions(number)).as("nothing sent").isEmpty();

        Api.Response waiting = act("demo", onItsWay);
        assertThat(waiting.<String>json("$.state")).isEqualTo("IN_CIRCUIT");
        assertThat(waiting.<List<String>>json("$.history[?(@.event == 'CLASSIFICATION_OUTDATED')].detail"))
                .singleElement().asString().contains("3.3").contains(NEW_DATE);

        // corrected with a matière of the new classification, it goes
        Api.Response resubmitted = secretaire.multipart("/api/v1/tenants/demo/acts/" + vanishing + "/resubmission",
                new Api.Multipart().metadata(Acts.metadata(number, "arrete", 1)));
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        awaitTransmission("demo", vanishing, 2, "ACKNOWLEDGED");
        assertThat(sandboxTransaction(number).get("classification")).isEqualTo("7.1");
    }

    private String submit(Api secretaire, String circuit, String matiere) {
        String metadata = Acts.metadata(Acts.uniqueNumber("M"), circuit, 1).replace("\"matiere\":\"7.1\"",
                "\"matiere\":\"" + matiere + "\"");
        Api.Response r = secretaire.multipart("/api/v1/tenants/demo/acts", new Api.Multipart().metadata(metadata)
                .main("acte.pdf", SamplePdfs.deliberation("Valmont-sur-Saône", "M", "Bail de la salle", 20_000))
                .annex("annexe.pdf", SamplePdfs.annex("Plan", 1)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json("$.id");
    }

    private String classificationDate() {
        return as("secretaire").get("/api/v1/tenants/demo/classification").json("$.dateClassification");
    }
}
