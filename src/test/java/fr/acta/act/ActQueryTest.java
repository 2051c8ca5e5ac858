package fr.acta.act;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing and searching the acts of a collectivité: paging, state filter, text search, bad parameters. */
class ActQueryTest extends ApiTest {

    private static final String ACTS = "/api/v1/tenants/demo/acts";
    private static final byte[] MAIN = SamplePdfs.arrete("Valmont-sur-Saône", "Q1", "Acte de test de recherche");

    /** A word found in the subject and number of this class's acts only. */
    private static final String TOKEN = "Q" + (100_000 + System.nanoTime() % 900_000);
    /** Five acts, oldest first: three in circuit, one rejected (index 3), one completed (index 4). */
    private static final List<String> ids = new ArrayList<>();
    private static final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void five_acts_in_three_states() {
        if (!ids.isEmpty()) {
            return;
        }
        submit("Réfection de la toiture de l'Église Saint-Éloi de " + TOKEN, "deliberation");
        submit("Élection des délégués au syndicat des eaux " + TOKEN, "deliberation");
        submit("Budget annexe du service de l'assainissement " + TOKEN, "deliberation");
        submit("Arrêté de circulation rue des Tilleuls " + TOKEN, "arrete");
        submit("Arrêté de stationnement place de la Mairie " + TOKEN, "arrete");
        String rejected = Acts.awaitTask(as("maire"), "demo", ids.get(3));
        assertThat(Acts.decide(as("maire"), "demo", rejected, "REJECT", "Plan de déviation manquant").status())
                .isEqualTo(204);
        String approved = Acts.awaitTask(as("maire"), "demo", ids.get(4));
        assertThat(Acts.sign(as("maire"), "demo", approved).status()).isEqualTo(204);
        for (int i = 0; i < 3; i++) {
            Acts.awaitState(as("secretaire"), "demo", ids.get(i), "IN_CIRCUIT");
        }
        Acts.awaitState(as("secretaire"), "demo", ids.get(3), "REJECTED");
        Acts.awaitState(as("secretaire"), "demo", ids.get(4), "ARCHIVED");
    }

    // --- paging ---------------------------------------------------------------------------------------

    @Test
    void a_search_is_paged_newest_first() {
        Api.Response first = list("q=" + TOKEN + "&size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.<Integer>json("$.totalElements")).isEqualTo(5);
        assertThat(first.<Integer>json("$.totalPages")).isEqualTo(3);
        assertThat(first.<Integer>json("$.page")).isZero();
        assertThat(first.<Integer>json("$.size")).isEqualTo(2);

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(list("q=" + TOKEN + "&size=2&page=" + page).json("$.content[*].id"));
        }
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        Api.Response last = list("q=" + TOKEN + "&size=2&page=2");
        assertThat(last.<List<String>>json("$.content[*].id")).containsExactly(ids.get(0));
        assertThat(last.<Integer>json("$.page")).isEqualTo(2);
        assertThat(list("q=" + TOKEN + "&size=2&page=3").<List<Object>>json("$.content")).isEmpty();
    }

    @Test
    void the_list_shows_each_act_summary() {
        Api.Response r = list("q=" + numbers.get(4));
        assertThat(r.<Integer>json("$.totalElements")).isEqualTo(1);
        assertThat(r.<String>json("$.content[0].id")).isEqualTo(ids.get(4));
        assertThat(r.<String>json("$.content[0].number")).isEqualTo(numbers.get(4));
        assertThat(r.<String>json("$.content[0].state")).isEqualTo("ARCHIVED");
        assertThat(r.<String>json("$.content[0].nature")).isEqualTo("DE");
        assertThat(r.<String>json("$.content[0].circuit")).isEqualTo("arrete");
        assertThat(r.<String>json("$.content[0].idActe")).isEqualTo("069-210690004-20261112-" + numbers.get(4) + "-DE");
    }

    @Test
    void the_default_page_holds_20_acts() {
        Api.Response r = list("");
        assertThat(r.<Integer>json("$.size")).isEqualTo(20);
        assertThat(r.<Integer>json("$.page")).isZero();
        assertThat(r.<List<Object>>json("$.content")).hasSizeLessThanOrEqualTo(20);
        assertThat(r.<Integer>json("$.totalElements")).isGreaterThanOrEqualTo(5);
    }

    // --- state filter -----------------------------------------------------------------------------------

    @Test
    void acts_are_filtered_by_state() {
        assertThat(ids("state=REJECTED&q=" + TOKEN)).containsExactly(ids.get(3));
        assertThat(ids("state=ARCHIVED&q=" + TOKEN)).containsExactly(ids.get(4));
        assertThat(ids("state=IN_CIRCUIT&q=" + TOKEN)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids("state=SUBMITTED&q=" + TOKEN)).isEmpty();
        assertThat(list("state=REJECTED&size=200").<List<String>>json("$.content[*].state")).containsOnly("REJECTED")
                .isNotEmpty();
    }

    // --- text search --------------------------------------------------------------------------------------

    @Test
    void the_search_ignores_case_on_subject_and_number() {
        assertThat(ids("q=" + TOKEN.toLowerCase())).hasSize(5);
        assertThat(ids("q=" + numbers.get(1).toLowerCase())).containsExactly(ids.get(1));
        assertThat(ids("q=SYNDICAT DES EAUX " + TOKEN)).containsExactly(ids.get(1));
        assertThat(ids("q=  rue des tilleuls  ")).contains(ids.get(3));
    }

    @Test
    void the_search_finds_accented_words_whatever_their_case() {
        assertThat(ids("q=église saint-éloi de " + TOKEN)).containsExactly(ids.get(0));
        assertThat(ids("q=ÉGLISE SAINT-ÉLOI DE " + TOKEN)).containsExactly(ids.get(0));
        assertThat(ids("q=élection des délégués au syndicat des eaux " + TOKEN)).containsExactly(ids.get(1));
        assertThat(ids("q=Élection des Délégués au syndicat des eaux " + TOKEN)).containsExactly(ids.get(1));
    }

    @Test
    void like_wildcards_in_the_search_are_taken_literally() {
        assertThat(ids("q=%" + TOKEN)).isEmpty();
        assertThat(ids("q=" + TOKEN.substring(0, 2) + "_" + TOKEN.substring(3))).isEmpty();
        assertThat(ids("q=" + TOKEN + "\\")).isEmpty();
        // an underscore that is there is found
        assertThat(ids("q=" + numbers.get(2))).containsExactly(ids.get(2));
    }

    @Test
    void an_empty_search_lists_everything() {
        assertThat(list("q=&size=1").<Integer>json("$.totalElements"))
                .isEqualTo(list("size=1").<Integer>json("$.totalElements"));
    }

    // --- bad parameters ----------------------------------------------------------------------------------

    @Test
    void a_negative_page_is_refused() {
        assertBadParameter(list("page=-1"), "page");
    }

    @Test
    void a_size_out_of_1_to_200_is_refused() {
        assertBadParameter(list("size=0"), "size");
        assertBadParameter(list("size=201"), "size");
        assertBadParameter(list("size=-5"), "size");
    }

    @Test
    void a_page_or_size_that_is_not_a_number_is_refused() {
        assertBadParameter(list("page=abc"), "page");
        assertBadParameter(list("size=dix"), "size");
        assertBadParameter(list("page=99999999999"), "page");
    }

    @Test
    void a_page_too_far_to_be_addressed_is_refused() {
        assertBadParameter(list("page=2147483647&size=200"), "page");
        assertBadParameter(list("page=20000000&size=200"), "page");
    }

    @Test
    void an_unknown_state_is_refused() {
        assertBadParameter(list("state=FILED"), "state");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private void submit(String subject, String circuit) {
        String number = TOKEN + "_" + (ids.size() + 1);
        String metadata = Acts.metadata(number, circuit, 0)
                .replace("Approbation du budget primitif 2026", subject.replace("\"", "\\\""));
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart().metadata(metadata).main("acte.pdf", MAIN));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        ids.add(r.json("$.id"));
        numbers.add(number);
    }

    private Api.Response list(String query) {
        return as("secretaire").get(ACTS + "?" + query);
    }

    /** The ids found; the query is given raw, the client encodes it. */
    private List<String> ids(String query) {
        Api.Response r = list(query + "&size=200");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json("$.content[*].id");
    }

    private static void assertBadParameter(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.<String>json("$.detail")).isNotBlank();
        assertThat(r.errorFields()).as(r.toString()).containsExactly(field);
    }
}
