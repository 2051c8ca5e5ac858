package fr.acta.act;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.support.Leftovers;
import fr.acta.support.Metadata;
import fr.acta.testdata.SamplePdfs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The intake at its limits: many annexes in one request, several submissions of one number at once. */
class ActIntakeLimitsTest extends ApiTest {

    private static final String ACTS = "/api/v1/tenants/demo/acts";
    private static final byte[] MAIN = SamplePdfs.arrete("Valmont-sur-Saône", "L1", "Acte de test des limites");
    private static final byte[] ANNEX = SamplePdfs.annex("Annexe de test", 1);

    @Test
    void more_parts_than_the_server_accepts_are_refused_with_413() {
        byte[] png = SamplePdfs.png(8, 8);
        Api.Multipart parts = new Api.Multipart().metadata(Metadata.valid("annexTypes", Collections.nCopies(60, "99_DE")))
                .main("acte.pdf", MAIN);
        for (int i = 0; i < 60; i++) {
            parts.annex("annexe-" + i + ".png", png);
        }
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("secretaire").multipart(ACTS, parts);
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.errorFields()).containsExactly("annexes");
        assertThat(r.<String>json("$.errors[0].message")).contains("Au plus 50 parties");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void forty_eight_annexes_are_accepted() {
        byte[] png = SamplePdfs.png(8, 8);
        Api.Multipart parts = new Api.Multipart().metadata(Metadata.valid("annexTypes", Collections.nCopies(48, "99_DE")))
                .main("acte.pdf", MAIN);
        for (int i = 0; i < 48; i++) {
            parts.annex("annexe-" + i + ".png", png);
        }
        Api.Response r = as("secretaire").multipart(ACTS, parts);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.<List<Object>>json("$.documents")).hasSize(49);
    }

    @Test
    void simultaneous_submissions_of_one_number_create_one_act_and_conflict_for_the_others() throws Exception {
        String number = Acts.uniqueNumber("RACE");
        String json = Metadata.valid("number", number);
        Leftovers before = Leftovers.take(jdbc, home());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Api.Response>> calls = Collections.nCopies(4, () -> as("secretaire").multipart(ACTS,
                    new Api.Multipart().metadata(json).main("acte.pdf", MAIN).annex("annexe.pdf", ANNEX)));
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertThat(r.errorFields()).containsExactly("number");
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        assertThat(jdbc.queryForObject("select count(*) from act where number = ?", Long.class, number)).isOne();
        assertThat(Leftovers.take(jdbc, home()).acts()).isEqualTo(before.acts() + 1);
        assertThat(Leftovers.take(jdbc, home()).documents()).isEqualTo(before.documents() + 2);
    }
}
