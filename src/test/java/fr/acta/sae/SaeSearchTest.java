package fr.acta.sae;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.ManagementRules;
import fr.acta.seda.RulesReferential;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search of the archive over HTTP: French full text (plurals, accents, the text of the PDF, an
 * excerpt marking the word), metadata filters, facets over the whole filtered set, pages, bad
 * parameters, who sees what (AccessRule), and every search in the chained log.
 */
class SaeSearchTest extends ApiTest {

    static final String ARCHIVES = "/api/v1/tenants/demo/archives";
    private static String tag;
    private static String pdfWord;
    private static Map<String, String> ids;

    @Autowired
    LogVerifier verifier;
    @Autowired
    SearchIndex index;

    @BeforeEach
    void seed() {
        if (tag != null) {
            return;
        }
        String t = SaeArchives.word();
        String w = SaeArchives.word();
        Api api = as("versement");
        ids = Map.of(
                "ecole", SaeArchives.deposit(api, act("Délibération relative à la rénovation de l'école Jules Ferry " + t,
                        "DE", "9.1", "DEL-" + t + "-1", "069-210690004-20250312-DEL1" + t.toUpperCase() + "-DE",
                        LocalDate.of(2025, 3, 12), "Travaux de toiture du préau " + w + " et des classes")),
                "stationnement", SaeArchives.deposit(api, act("Arrêté portant réglementation du stationnement " + t,
                        "AR", "6.1", "AR-" + t + "-2", null, LocalDate.of(2024, 6, 1), "Place du marché")),
                "budget", SaeArchives.deposit(api, act("Délibérations budgétaires : décision modificative " + t,
                        "DE", "7.1", "DEL-" + t + "-3", null, LocalDate.of(2024, 11, 20), "Budget principal")),
                "nomination", SaeArchives.deposit(api, act("Arrêté individuel de nomination d'un agent " + t,
                        "AI", "4.1", "AI-" + t + "-4", null, LocalDate.of(2023, 2, 2), "Grade d'adjoint technique")));
        pdfWord = w;
        tag = t;
    }

    private static SaeArchives.Act act(String objet, String nature, String matiere, String numero, String idActe,
                                       LocalDate date, String pdfText) {
        ManagementRules rules = RulesReferential.defaults().rulesFor(nature, matiere, date);
        return new SaeArchives.Act(objet, nature, matiere, numero, idActe, date, pdfText, rules);
    }

    private Api.Response search(String user, String query) {
        return as(user).get(ARCHIVES + "?" + query);
    }

    private List<String> found(String query) {
        Api.Response r = search("archiviste", query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json("$.results[*].id");
    }

    @Test
    void a_plural_finds_the_singular_and_a_word_without_accent_finds_it_with() {
        assertThat(found("q=délibérations " + tag)).containsExactlyInAnyOrder(ids.get("ecole"), ids.get("budget"));
        assertThat(found("q=ecole " + tag)).containsExactly(ids.get("ecole"));
        assertThat(found("q=ÉCOLES " + tag)).containsExactly(ids.get("ecole"));
        assertThat(found("q=nominations " + tag)).containsExactly(ids.get("nomination"));
        assertThat(found("q=renovations ecoles " + tag)).containsExactly(ids.get("ecole"));
    }

    @Test
    void a_word_only_in_the_pdf_is_found_and_the_excerpt_shows_it() {
        Api.Response r = search("archiviste", "q=" + pdfWord);

        assertThat(r.<List<String>>json("$.results[*].id")).containsExactly(ids.get("ecole"));
        assertThat(r.<String>json("$.results[0].excerpt")).contains("<mark>" + pdfWord + "</mark>");
        assertThat(r.<String>json("$.results[0].title")).startsWith("Délibération relative à la rénovation");
        assertThat(r.<String>json("$.results[0].actNumber")).isEqualTo("DEL-" + tag + "-1");
        assertThat(r.<String>json("$.results[0].idActe")).isEqualTo("069-210690004-20250312-DEL1" + tag.toUpperCase()
                + "-DE");
        assertThat(r.<String>json("$.results[0].nature")).isEqualTo("DE");
        assertThat(r.<String>json("$.results[0].matiere")).isEqualTo("9.1");
        assertThat(r.<String>json("$.results[0].date")).isEqualTo("2025-03-12");
        assertThat(found("q=\"toiture du préau\" " + tag)).containsExactly(ids.get("ecole"));
        assertThat(found("q=" + tag + " -toiture")).doesNotContain(ids.get("ecole")).hasSize(3);
    }

    @Test
    void metadata_filters_narrow_the_results() {
        assertThat(found("q=" + tag + "&nature=DE")).containsExactlyInAnyOrder(ids.get("ecole"), ids.get("budget"));
        assertThat(found("q=" + tag + "&nature=de&matiere=9")).containsExactly(ids.get("ecole"));
        assertThat(found("q=" + tag + "&matiere=4.1")).containsExactly(ids.get("nomination"));
        assertThat(found("q=" + tag + "&from=2024-01-01&to=2024-12-31"))
                .containsExactlyInAnyOrder(ids.get("stationnement"), ids.get("budget"));
        assertThat(found("numero=DEL-" + tag + "-3")).containsExactly(ids.get("budget"));
        assertThat(found("idActe=069-210690004-20250312-DEL1" + tag.toUpperCase() + "-DE")).containsExactly(ids.get("ecole"));
        assertThat(found("q=" + tag + "&collectivite=210690004")).hasSize(4);
        assertThat(found("q=" + tag + "&collectivite=Commune de Valmont-sur-Saône")).hasSize(4);
        assertThat(found("q=" + tag + "&collectivite=999999999")).isEmpty();
    }

    @Test
    void facets_count_the_whole_filtered_set_beside_each_page() {
        Api.Response first = search("archiviste", "q=" + tag + "&size=3&page=0");
        Api.Response second = search("archiviste", "q=" + tag + "&size=3&page=1");

        assertThat(first.<Integer>json("$.total")).isEqualTo(4);
        assertThat(first.<List<String>>json("$.results[*].id")).hasSize(3);
        assertThat(second.<List<String>>json("$.results[*].id")).hasSize(1)
                .doesNotContainAnyElementsOf(first.json("$.results[*].id"));
        assertThat(first.<Map<String, Integer>>json("$.facets.nature")).containsExactly(
                org.assertj.core.api.Assertions.entry("DE", 2), org.assertj.core.api.Assertions.entry("AI", 1),
                org.assertj.core.api.Assertions.entry("AR", 1));
        assertThat(first.<Map<String, Integer>>json("$.facets.matiere"))
                .isEqualTo(Map.of("9.1", 1, "6.1", 1, "7.1", 1, "4.1", 1));
        assertThat(first.<Map<String, Integer>>json("$.facets.year")).isEqualTo(Map.of("2025", 1, "2024", 2, "2023", 1));
        assertThat(second.<Map<String, Integer>>json("$.facets.year")).isEqualTo(first.<Map<String, Integer>>json("$.facets.year"));
        Api.Response filtered = search("archiviste", "q=" + tag + "&nature=DE");
        assertThat(filtered.<Map<String, Integer>>json("$.facets.year")).isEqualTo(Map.of("2025", 1, "2024", 1));
    }

    @Test
    void bad_parameters_are_refused_in_french_with_their_fields() {
        Api.Response r = search("archiviste", "nature=XX&from=12/03/2025&size=1000&page=-1&matiere=neuf&tri=date");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.errorFields()).containsExactlyInAnyOrder("nature", "from", "size", "page", "matiere", "tri");
        assertThat(r.text()).contains("La nature doit être DE, AR, AI, CC, BF ou AU");
        assertThat(search("archiviste", "from=2025-01-01&to=2024-01-01").errorFields()).containsExactly("to");
    }

    @Test
    void other_members_see_only_communicable_archives_and_service_accounts_nothing() {
        assertThat(search("secretaire", "q=" + tag).<List<String>>json("$.results[*].id"))
                .containsExactlyInAnyOrder(ids.get("ecole"), ids.get("stationnement"), ids.get("budget"));
        assertThat(as("secretaire").get(ARCHIVES + "/" + ids.get("nomination")).status()).isEqualTo(403);
        assertThat(as("secretaire").get(ARCHIVES + "/" + ids.get("ecole")).status()).isEqualTo(200);
        assertThat(search("versement", "q=" + tag).status()).isEqualTo(403);
        assertThat(search("admin", "q=" + tag).<Integer>json("$.total")).isEqualTo(4);
    }

    @Test
    void an_archive_missing_from_the_index_is_indexed_again_from_its_stored_manifest_and_objects() {
        String word = SaeArchives.word();
        String id = SaeArchives.deposit(as("versement"), act("Délibération sur les jardins familiaux " + word, "DE",
                "8.8", "DEL-" + word, null, LocalDate.of(2022, 5, 4), "Parcelles " + word + "s du potager"));
        jdbc.update("delete from sae_search where identifier = ?", id);
        assertThat(found("q=" + word)).isEmpty();

        index.backfill();

        assertThat(found("q=" + word + "&nature=DE&matiere=8&from=2022-05-04&to=2022-05-04")).containsExactly(id);
        assertThat(found("q=parcelle jardin " + word)).containsExactly(id);
    }

    @Test
    void every_search_is_in_the_chained_log_with_who_and_what() {
        String marker = SaeArchives.word();
        search("archiviste", "q=" + marker + "&nature=AR");

        UUID demo = jdbc.queryForObject("select id from tenant where code = 'demo'", UUID.class);
        Map<String, Object> entry = jdbc.queryForMap("select type, detail from sae_event where tenant_id = ? "
                + "and detail like ? order by position desc limit 1", demo, "%" + marker + "%");
        assertThat(entry.get("type")).isEqualTo("ACCESS_SEARCH");
        assertThat((String) entry.get("detail")).contains("\"user\":\"archiviste\"").contains("\"nature\":\"AR\"")
                .contains("\"total\":0");
        assertThat(verifier.verify(demo).intact()).isTrue();
    }
}
