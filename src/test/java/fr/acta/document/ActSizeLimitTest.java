package fr.acta.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.support.Leftovers;
import fr.acta.testdata.SamplePdfs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The total size of an act's documents is limited ({@code acta.documents.max-act-size}, 1 MiB here
 * instead of 150 MiB so that the test stays cheap). This class has a context of its own, with its own
 * data folder and process engine name, closed after it.
 */
@TestPropertySource(properties = {
        "acta.documents.max-act-size=1MB",
        "acta.test.instance=size-limit",
        "camunda.bpm.generate-unique-process-engine-name=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ActSizeLimitTest extends ApiTest {

    private static final String ACTS = "/api/v1/tenants/demo/acts";
    private static final byte[] MAIN_600K = SamplePdfs.deliberation("Valmont-sur-Saône", "S1", "Acte volumineux", 600_000);
    private static final byte[] ANNEX_600K = SamplePdfs.deliberation("Valmont-sur-Saône", "S2", "Annexe volumineuse",
            600_000);
    private static final byte[] MAIN_1200K = SamplePdfs.deliberation("Valmont-sur-Saône", "S3", "Acte trop gros",
            1_200_000);
    private static final byte[] SMALL = SamplePdfs.annex("Petite annexe", 1);

    @Test
    void documents_over_the_limit_in_total_are_refused_with_413_and_leave_nothing() {
        assertThat(MAIN_600K.length + ANNEX_600K.length).isGreaterThan(1024 * 1024);
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart()
                .metadata(Acts.metadata(Acts.uniqueNumber("S"), "deliberation", 1))
                .main("acte.pdf", MAIN_600K).annex("annexe.pdf", ANNEX_600K));
        assertTooLarge(r, "annexes");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void a_main_document_over_the_limit_on_its_own_is_named() {
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart()
                .metadata(Acts.metadata(Acts.uniqueNumber("S"), "deliberation", 0)).main("acte.pdf", MAIN_1200K));
        assertTooLarge(r, "main");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void documents_under_the_limit_are_accepted() {
        assertThat(MAIN_600K.length + SMALL.length).isLessThan(1024 * 1024);
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart()
                .metadata(Acts.metadata(Acts.uniqueNumber("S"), "deliberation", 1))
                .main("acte.pdf", MAIN_600K).annex("annexe.pdf", SMALL));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void a_resubmission_that_goes_over_the_limit_is_refused_and_keeps_the_act_as_it_was() {
        Api secretaire = as("secretaire");
        Api.Response created = secretaire.multipart(ACTS, new Api.Multipart()
                .metadata(Acts.metadata(Acts.uniqueNumber("S"), "arrete", 1))
                .main("acte.pdf", MAIN_600K).annex("annexe.pdf", SMALL));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String actId = created.json("$.id");
        String task = Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(Acts.decide(as("maire"), "demo", task, "REJECT", "Annexe à compléter").status()).isEqualTo(204);
        Acts.awaitState(secretaire, "demo", actId, "REJECTED");
        List<String> documentsBefore = secretaire.get(ACTS + "/" + actId).json("$.documents[*].id");

        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = secretaire.multipart(ACTS + "/" + actId + "/resubmission",
                new Api.Multipart().annex("annexe-complete.pdf", ANNEX_600K));
        assertTooLarge(r, "annexes");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
        Api.Response act = secretaire.get(ACTS + "/" + actId);
        assertThat(act.<String>json("$.state")).isEqualTo("REJECTED");
        assertThat(act.<List<String>>json("$.documents[*].id")).isEqualTo(documentsBefore);
    }

    private static void assertTooLarge(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.<String>json("$.detail")).isEqualTo(
                "La taille totale des documents dépasse la limite de 1 Mo par acte.");
        assertThat(r.errorFields()).containsExactly(field);
    }
}
