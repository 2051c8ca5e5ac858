package fr.acta.act;

import static fr.acta.support.Metadata.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.support.Leftovers;
import fr.acta.support.Metadata;
import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the intake, with the field it names and its French message; and what a valid act becomes. */
class ActIntakeValidationTest extends ApiTest {

    private static final String ACTS = "/api/v1/tenants/demo/acts";
    private static final String REFUSED = "L'acte n'a pas été déposé : corrigez les champs signalés.";
    private static final byte[] MAIN = SamplePdfs.arrete("Valmont-sur-Saône", "V1", "Acte de test de validation");
    private static final byte[] ANNEX = SamplePdfs.annex("Annexe de test", 1);

    private Leftovers before;

    // --- a valid act ------------------------------------------------------------------------------

    @Test
    void a_valid_deliberation_is_created_with_its_id_acte_and_its_documents_kept_byte_for_byte() throws Exception {
        String number = Acts.uniqueNumber("OK");
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart()
                .metadata(Metadata.valid("number", number)).main("délibération.pdf", MAIN).annex("annexe.pdf", ANNEX));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json("$.id");
        assertThat(r.headers().getLocation()).isNotNull();
        assertThat(r.headers().getLocation().toString()).endsWith("/api/v1/tenants/demo/acts/" + id);
        assertThat(r.<String>json("$.idActe")).isEqualTo("069-210690004-20261112-" + number + "-DE");
        assertThat(r.<String>json("$.tenant")).isEqualTo("demo");
        assertThat(r.<String>json("$.state")).isIn("SUBMITTED", "IN_CIRCUIT");
        assertThat(r.<String>json("$.classificationDate")).isEqualTo("2026-03-15");
        assertThat(r.<String>json("$.submittedBy")).isEqualTo("secretaire");
        assertThat(r.<List<String>>json("$.documents[*].role")).containsExactly("MAIN", "ANNEX");
        assertThat(r.<List<String>>json("$.documents[*].name")).containsExactly("délibération.pdf", "annexe.pdf");
        assertThat(r.<List<String>>json("$.documents[*].mediaType")).containsOnly("application/pdf");
        assertThat(r.<List<String>>json("$.documents[*].typeCode")).containsExactly("99_DE", "99_DE");
        assertThat(r.<List<String>>json("$.documents[*].sha256")).containsExactly(sha256(MAIN), sha256(ANNEX));

        Api.Response again = as("secretaire").get(r.headers().getLocation().toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<String>json("$.number")).isEqualTo(number);

        String mainId = r.json("$.documents[0].id");
        Api.Response download = as("secretaire").get(ACTS + "/" + id + "/documents/" + mainId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.body()).isEqualTo(MAIN);
        Api.Response annex = as("secretaire").get(ACTS + "/" + id + "/documents/" + r.json("$.documents[1].id"));
        assertThat(annex.body()).isEqualTo(ANNEX);
    }

    @Test
    void a_number_of_15_characters_is_accepted() {
        String number = "L" + String.format("%014d", Math.abs(System.nanoTime()) % 100_000_000_000_000L);
        assertThat(number).hasSize(15);
        Api.Response r = submit(Metadata.valid("number", number));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void a_budget_document_may_have_an_xml_main_document() {
        byte[] xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <DocumentBudgetaire><Budget><Exer V="2026"/><LibelleColl V="Valmont-sur-Saône"/></Budget></DocumentBudgetaire>
                """.getBytes(StandardCharsets.UTF_8);
        Api.Response r = as("secretaire").multipart(ACTS, new Api.Multipart()
                .metadata(Metadata.valid("nature", "BF", "mainDocumentType", "99_BU", "annexTypes", List.of()))
                .main("budget.xml", xml));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.<String>json("$.documents[0].mediaType")).isEqualTo("application/xml");
        assertThat(r.<String>json("$.idActe")).endsWith("-BF");
        assertThat(as("secretaire").get(ACTS + "/" + r.json("$.id") + "/documents/" + r.json("$.documents[0].id"))
                .body()).isEqualTo(xml);
    }

    @Test
    void an_xml_main_document_is_refused_for_a_deliberation() {
        byte[] xml = "<?xml version=\"1.0\"?><deliberation/>".getBytes(StandardCharsets.UTF_8);
        assertRule(attempt(new Api.Multipart().metadata(Metadata.valid("annexTypes", List.of()))
                .main("deliberation.xml", xml)), "main", "Format refusé");
    }

    @Test
    void an_archiviste_may_not_submit_an_act() {
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = as("archiviste").multipart(ACTS, withFiles(Metadata.valid()));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.<String>json("$.detail")).isNotBlank();
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    // --- nature -------------------------------------------------------------------------------------

    @Test
    void an_unknown_nature_is_refused() {
        assertRule(submit(Metadata.valid("nature", "XX")), "nature", "DE, AR, AI, CC, BF, AU");
    }

    @Test
    void a_missing_nature_is_refused() {
        assertRule(submit(Metadata.valid("nature", ABSENT)), "nature", "DE, AR, AI, CC, BF, AU");
    }

    // --- numéro interne ---------------------------------------------------------------------------

    @Test
    void a_number_with_lowercase_letters_is_refused() {
        assertRule(submit(Metadata.valid("number", "2026_del_01")), "number", "A-Z");
    }

    @Test
    void a_number_starting_with_an_underscore_is_refused() {
        assertRule(submit(Metadata.valid("number", "_2026DEL01")), "number", "sans « _ » au début");
    }

    @Test
    void a_number_ending_with_an_underscore_is_refused() {
        assertRule(submit(Metadata.valid("number", "2026DEL01_")), "number", "ni à la fin");
    }

    @Test
    void a_number_of_16_characters_is_refused() {
        assertRule(submit(Metadata.valid("number", "ABCDEFGHIJ123456")), "number", "de 1 à 15 caractères");
    }

    @Test
    void a_number_with_other_characters_is_refused() {
        assertRule(submit(Metadata.valid("number", "2026-DEL-01")), "number", "A-Z");
        assertRule(submit(Metadata.valid("number", "2026 DEL")), "number", "A-Z");
    }

    @Test
    void a_missing_or_empty_number_is_refused() {
        assertRule(submit(Metadata.valid("number", "")), "number", "de 1 à 15 caractères");
        assertRule(submit(Metadata.valid("number", ABSENT)), "number", "de 1 à 15 caractères");
    }

    @Test
    void a_number_already_used_in_the_collectivite_is_a_conflict() {
        String number = Acts.uniqueNumber("DUP");
        assertThat(submit(Metadata.valid("number", number)).status()).isEqualTo(201);
        Leftovers before = Leftovers.take(jdbc, home());
        Api.Response r = submit(Metadata.valid("number", number));
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.errorFields()).containsExactly("number");
        assertThat(r.<String>json("$.detail")).contains("déjà utilisé");
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    @Test
    void the_same_number_may_be_used_by_another_collectivite() {
        String number = Acts.uniqueNumber("TWIN");
        assertThat(submit(Metadata.valid("number", number)).status()).isEqualTo(201);
        Api.Response r = as("secretaire.voisine").multipart("/api/v1/tenants/voisine/acts",
                withFiles(Metadata.valid("number", number)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.<String>json("$.idActe")).isEqualTo("069-210690012-20261112-" + number + "-DE");
    }

    // --- objet ------------------------------------------------------------------------------------

    @Test
    void an_empty_subject_is_refused() {
        assertRule(submit(Metadata.valid("subject", "")), "subject", "L'objet est obligatoire");
        assertRule(submit(Metadata.valid("subject", "   ")), "subject", "L'objet est obligatoire");
        assertRule(submit(Metadata.valid("subject", ABSENT)), "subject", "L'objet est obligatoire");
    }

    @Test
    void a_subject_on_two_lines_is_refused() {
        assertRule(submit(Metadata.valid("subject", "Budget primitif\nservice de l'eau")), "subject",
                "une seule ligne");
        assertRule(submit(Metadata.valid("subject", "Budget primitif\r\nservice de l'eau")), "subject",
                "une seule ligne");
    }

    @Test
    void a_subject_of_500_characters_is_refused_and_one_of_499_accepted() {
        assertRule(submit(Metadata.valid("subject", "é".repeat(500))), "subject", "499 caractères");
        Api.Response r = submit(Metadata.valid("subject", "é".repeat(499)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.<String>json("$.subject")).hasSize(499);
    }

    // --- date de décision -------------------------------------------------------------------------

    @Test
    void a_decision_date_in_the_future_is_refused() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        assertRule(submit(Metadata.valid("decisionDate", tomorrow)), "decisionDate", "dans le futur");
    }

    @Test
    void a_malformed_decision_date_is_refused() {
        assertRule(submit(Metadata.valid("decisionDate", "12/11/2026")), "decisionDate", "AAAA-MM-JJ");
        assertRule(submit(Metadata.valid("decisionDate", "2026-02-30")), "decisionDate", "AAAA-MM-JJ");
        assertRule(submit(Metadata.valid("decisionDate", ABSENT)), "decisionDate", "AAAA-MM-JJ");
    }

    // --- matière ------------------------------------------------------------------------------------

    @Test
    void an_unknown_matiere_is_refused() {
        assertRule(submit(Metadata.valid("matiere", "9.9")), "matiere",
                "La matière 9.9 n'existe pas dans la classification en vigueur.");
    }

    @Test
    void a_matiere_of_one_level_is_refused() {
        assertRule(submit(Metadata.valid("matiere", "7")), "matiere", "au moins 2 niveaux");
        assertRule(submit(Metadata.valid("matiere", "7.a")), "matiere", "au moins 2 niveaux");
    }

    // --- typologies -------------------------------------------------------------------------------

    @Test
    void a_main_document_type_not_allowed_for_the_nature_is_refused() {
        assertRule(submit(Metadata.valid("mainDocumentType", "99_AR")), "mainDocumentType",
                "La typologie « 99_AR » n'est pas autorisée pour la nature DE.");
        assertRule(submit(Metadata.valid("mainDocumentType", ABSENT)), "mainDocumentType", "n'est pas autorisée");
    }

    @Test
    void annex_types_must_match_the_annexes_one_for_one() {
        assertRule(submit(Metadata.valid("annexTypes", List.of("99_DE", "99_DE"))), "annexTypes",
                "2 typologie(s) pour 1 annexe(s)");
        assertRule(attempt(new Api.Multipart().metadata(Metadata.valid()).main("acte.pdf", MAIN)), "annexTypes",
                "1 typologie(s) pour 0 annexe(s)");
    }

    @Test
    void an_annex_type_not_allowed_for_the_nature_is_refused() {
        assertRule(submit(Metadata.valid("annexTypes", List.of("99_AR"))), "annexTypes[0]",
                "La typologie « 99_AR » n'est pas autorisée pour la nature DE.");
    }

    // --- circuit, contrôle de légalité --------------------------------------------------------------

    @Test
    void an_unknown_circuit_is_refused() {
        assertRule(submit(Metadata.valid("circuit", "parapheur_inconnu")), "circuit",
                "Le circuit « parapheur_inconnu » n'existe pas dans la collectivité.");
    }

    @Test
    void a_missing_legality_control_is_refused() {
        assertRule(submit(Metadata.valid("legalityControl", ABSENT)), "legalityControl", "contrôle de légalité");
    }

    @Test
    void a_legality_control_that_is_not_a_boolean_is_refused() {
        assertRefused(submit(Metadata.valid("legalityControl", "peut-être")), 400, "legalityControl", null);
    }

    // --- the request itself -----------------------------------------------------------------------

    @Test
    void malformed_json_metadata_is_refused() {
        Api.Response r = submit("{\"nature\":\"DE\",");
        assertRefused(r, 400, "metadata", "JSON");
        assertThat(r.<String>json("$.detail")).isEqualTo("Les métadonnées ne sont pas du JSON valide.");
    }

    @Test
    void metadata_that_is_not_a_json_object_is_refused() {
        assertRefused(submit("[]"), 400, "metadata", "objet JSON");
        assertRefused(submit("\"DE\""), 400, "metadata", "objet JSON");
        assertRefused(submit(""), 400, "metadata", null);
    }

    @Test
    void null_json_metadata_is_refused() {
        assertRefused(submit("null"), 400, "metadata", "objet JSON");
    }

    @Test
    void an_unknown_json_field_is_refused() {
        String json = Metadata.valid().replaceFirst("\\{", "{\"signataire\":\"Jean Dupont\",");
        assertRefused(submit(json), 400, "signataire", "Champ inconnu");
    }

    @Test
    void a_missing_main_part_is_refused() {
        assertRule(attempt(new Api.Multipart().metadata(Metadata.valid("annexTypes", List.of()))), "main",
                "Le document principal est obligatoire.");
    }

    @Test
    void a_missing_metadata_part_is_refused() {
        assertRefused(attempt(new Api.Multipart().main("acte.pdf", MAIN)), 400, "metadata", null);
    }

    @Test
    void every_broken_rule_is_reported_at_once() {
        Api.Response r = submit(Metadata.valid("nature", "XX", "number", "x", "subject", "", "decisionDate", "demain",
                "matiere", "7", "circuit", "nulle_part", "legalityControl", ABSENT));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("nature", "number", "subject", "decisionDate", "matiere",
                "circuit", "legalityControl");
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static Api.Multipart withFiles(String metadata) {
        return new Api.Multipart().metadata(metadata).main("acte.pdf", MAIN).annex("annexe.pdf", ANNEX);
    }

    private Api.Response submit(String metadata) {
        return attempt(withFiles(metadata));
    }

    /** Submits as the secrétaire, after noting what is stored, so that a refusal can be checked to leave nothing. */
    private Api.Response attempt(Api.Multipart parts) {
        before = Leftovers.take(jdbc, home());
        return as("secretaire").multipart(ACTS, parts);
    }

    /** A refusal by the intake rules: 400, this one field, the rules' detail, nothing kept. */
    private void assertRule(Api.Response r, String field, String messageFragment) {
        assertRefused(r, 400, field, messageFragment);
        assertThat(r.<String>json("$.detail")).isEqualTo(REFUSED);
    }

    /** A problem with exactly this status and this one faulty field (whose message contains the fragment). */
    private void assertRefused(Api.Response r, int status, String field, String messageFragment) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.<Integer>json("$.status")).isEqualTo(status);
        assertThat(r.<String>json("$.detail")).isNotBlank();
        assertThat(r.errorFields()).as(r.toString()).containsExactly(field);
        if (messageFragment != null) {
            assertThat(r.<String>json("$.errors[0].message")).contains(messageFragment);
        }
        Leftovers.assertNothingLeftSince(before, jdbc, home());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
