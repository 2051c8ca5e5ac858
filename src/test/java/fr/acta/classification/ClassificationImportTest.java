package fr.acta.classification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantService;
import fr.acta.testdata.SamplePdfs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * The préfecture's RetourClassification, read as it comes (ISO-8859-1 or UTF-8, with or without
 * declaration, CRLF), refused when it carries a DTD, and versioned by its DateClassification.
 * Imports go to {@code voisine}, whose sample classification is imported again after each test, so
 * that the shared context's other tests are unaffected.
 */
class ClassificationImportTest extends ApiTest {

    private static final String DEMO = "/api/v1/tenants/demo/classification";
    private static final String VOISINE = "/api/v1/tenants/voisine/classification";
    private static final String SAMPLES = "sample-documents/classification/";
    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    @Autowired
    private TenantService tenants;
    @Autowired
    private TenantAccess access;

    /** voisine has no administrator in the demo data: one is added for these tests. */
    @BeforeEach
    void voisine_has_an_administrator() {
        if (tenants.user("admin.voisine").isEmpty()) {
            tenants.createUser("admin.voisine", "demo", "Administrateur de Saint-Aubin", "admin@saint-aubin.test",
                    access.find("voisine").orElseThrow(), Set.of(Role.ADMIN));
        }
    }

    @AfterEach
    void voisine_gets_its_sample_classification_back() {
        Api.Response r = as("operateur").put(VOISINE, MediaType.APPLICATION_XML, sample("RetourClassification-voisine.xml"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(as("secretaire.voisine").get(VOISINE).<String>json("$.dateClassification")).isEqualTo("2026-01-20");
    }

    // --- reading -----------------------------------------------------------------------------------------

    @Test
    void the_current_classification_lists_natures_typologies_and_dotted_matieres() {
        Api.Response r = as("secretaire").get(DEMO);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.<String>json("$.dateClassification")).isEqualTo("2026-03-15");
        assertThat(r.<List<String>>json("$.natures[?(@.abbreviation == 'DE')].code")).containsExactly("1");
        assertThat(r.<List<String>>json("$.natures[?(@.abbreviation == 'DE')].label")).containsExactly("Délibérations");
        assertThat(r.<List<String>>json("$.natures[*].abbreviation"))
                .containsExactlyInAnyOrder("DE", "AR", "AI", "CC", "BF", "AU");
        assertThat(r.<List<String>>json("$.natures[?(@.abbreviation == 'DE')].typologies[*].code"))
                .contains("99_DE", "41_DE");
        assertThat(r.<List<String>>json("$.matieres[*].code")).contains("1", "7");
        assertThat(r.<List<String>>json("$.matieres[?(@.code == '7')].children[*].code")).contains("7.1");
        assertThat(r.<List<String>>json("$.matieres[?(@.code == '7')].children[?(@.code == '7.1')].children[*].code"))
                .contains("7.1.1", "7.1.2");
        assertThat(r.<List<String>>json("$.matieres[?(@.code == '1')].children[?(@.code == '1.1')].label"))
                .containsExactly("Marchés publics");
    }

    // --- encodings ------------------------------------------------------------------------------------------

    @Test
    void an_iso_8859_1_file_with_declaration_and_crlf_is_imported_with_its_accents() {
        byte[] body = xml("2026-06-01", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "\r\n").getBytes(LATIN_1);
        assertThat(new String(body, LATIN_1)).contains("Délibérations", "\r\n");
        assertThat(body).contains((byte) 0xE9); // é on one byte: really ISO-8859-1

        Api.Response r = as("admin.voisine").put(VOISINE, MediaType.APPLICATION_XML, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertAccents(r);
        Api.Response current = as("secretaire.voisine").get(VOISINE);
        assertThat(current.<String>json("$.dateClassification")).isEqualTo("2026-06-01");
        assertAccents(current);
    }

    @Test
    void a_utf8_file_without_declaration_is_imported_with_its_accents() {
        byte[] body = xml("2026-07-01", "", "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain((byte) 0xE9);
        Api.Response r = as("operateur").put(VOISINE, MediaType.APPLICATION_XML, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.<String>json("$.dateClassification")).isEqualTo("2026-07-01");
        assertAccents(r);
        assertAccents(as("secretaire.voisine").get(VOISINE));
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_and_crlf_is_imported() {
        byte[] text = xml("2026-07-02", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);
        Api.Response r = as("operateur").put(VOISINE, MediaType.TEXT_XML, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertAccents(r);
    }

    @Test
    void a_file_declared_iso_8859_1_but_written_in_windows_1252_keeps_its_typographic_characters() {
        String text = xml("2026-07-03", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "\r\n")
                .replace("Actes spéciaux et divers", "Maîtrise d’œuvre");
        Api.Response r = as("operateur").put(VOISINE, MediaType.APPLICATION_XML, text.getBytes(Charset.forName("windows-1252")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.<List<String>>json("$.matieres[?(@.code == '1')].children[?(@.code == '1.7')].label"))
                .containsExactly("Maîtrise d’œuvre");
    }

    @Test
    void the_demo_administrator_imports_the_demo_sample_as_it_comes() {
        byte[] sample = sample("RetourClassification-069-demo.xml");
        assertThat(new String(sample, LATIN_1)).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n");
        Api.Response r = as("admin").put(DEMO, MediaType.APPLICATION_XML, sample);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.<String>json("$.dateClassification")).isEqualTo("2026-03-15");
        assertThat(as("secretaire").get(DEMO).text()).isEqualTo(r.text());
    }

    // --- versions ---------------------------------------------------------------------------------------------

    @Test
    void a_newer_classification_becomes_current_and_later_acts_record_it() {
        Api secretaire = as("secretaire.voisine");
        Api.Response before = secretaire.multipart("/api/v1/tenants/voisine/acts",
                Acts.deliberation(Acts.uniqueNumber("CL"), "deliberation"));
        assertThat(before.status()).as(before.toString()).isEqualTo(201);
        assertThat(before.<String>json("$.classificationDate")).isEqualTo("2026-01-20");

        Api.Response imported = as("admin.voisine").put(VOISINE, MediaType.APPLICATION_XML,
                xml("2026-08-01", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "\r\n").getBytes(LATIN_1));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(secretaire.get(VOISINE).<String>json("$.dateClassification")).isEqualTo("2026-08-01");

        Api.Response after = secretaire.multipart("/api/v1/tenants/voisine/acts",
                Acts.deliberation(Acts.uniqueNumber("CL"), "deliberation"));
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        assertThat(after.<String>json("$.classificationDate")).isEqualTo("2026-08-01");
        // an act keeps the version it was checked against
        assertThat(secretaire.get("/api/v1/tenants/voisine/acts/" + before.json("$.id"))
                .<String>json("$.classificationDate")).isEqualTo("2026-01-20");

        // acts are now checked against the new version: 5.2 existed in the previous one only
        String metadata = Acts.metadata(Acts.uniqueNumber("CL"), "deliberation", 1).replace("\"7.1\"", "\"5.2\"");
        Api.Response refused = secretaire.multipart("/api/v1/tenants/voisine/acts", new Api.Multipart()
                .metadata(metadata).main("acte.pdf", SamplePdfs.arrete("Saint-Aubin", "CL", "Acte de test"))
                .annex("annexe.pdf", SamplePdfs.annex("Annexe", 1)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("matiere");
    }

    @Test
    void simultaneous_imports_all_succeed_and_leave_one_current_version() throws Exception {
        List<Callable<Api.Response>> imports = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            byte[] body = xml("2026-05-0" + i, "", "\n").getBytes(StandardCharsets.UTF_8);
            imports.add(() -> as("operateur").put(VOISINE, MediaType.APPLICATION_XML, body));
        }
        ExecutorService pool = Executors.newFixedThreadPool(imports.size());
        try {
            for (Future<Api.Response> f : pool.invokeAll(imports)) {
                assertThat(f.get().status()).as(f.get().toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from classification c join tenant t on t.id = c.tenant_id
                where t.code = 'voisine' and c.current_version
                """, Long.class)).isEqualTo(1);
        assertThat(as("secretaire.voisine").get(VOISINE).<String>json("$.dateClassification")).startsWith("2026-05-0");
    }

    // --- refusals ---------------------------------------------------------------------------------------------

    @Test
    void a_billion_laughs_doctype_is_refused_and_nothing_is_imported() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n";
        String body = xml("2026-09-01", bomb, "\n").replace("Délibérations", "&lol9;");
        assertRefusedAndNothingImported(as("operateur").put(VOISINE, MediaType.APPLICATION_XML,
                body.getBytes(StandardCharsets.UTF_8)), "body");
    }

    @Test
    void an_external_entity_doctype_is_refused_and_nothing_is_imported() {
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE RetourClassification [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
        String body = xml("2026-09-02", xxe, "\n").replace("Délibérations", "&xxe;");
        Api.Response r = as("operateur").put(VOISINE, MediaType.APPLICATION_XML, body.getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingImported(r, "body");
        assertThat(r.text()).doesNotContain("root:");
    }

    @Test
    void malformed_xml_is_refused() {
        String cut = xml("2026-09-03", "", "\n");
        assertRefusedAndNothingImported(as("operateur").put(VOISINE, MediaType.APPLICATION_XML,
                cut.substring(0, cut.length() / 2).getBytes(StandardCharsets.UTF_8)), "body");
        assertRefusedAndNothingImported(as("operateur").put(VOISINE, MediaType.APPLICATION_XML,
                "pas du XML".getBytes(StandardCharsets.UTF_8)), "body");
    }

    @Test
    void xml_that_is_not_a_classification_is_refused() {
        assertRefusedAndNothingImported(as("operateur").put(VOISINE, MediaType.APPLICATION_XML,
                "<Budget><Exer>2026</Exer></Budget>".getBytes(StandardCharsets.UTF_8)), "body");
        assertRefusedAndNothingImported(as("operateur").put(VOISINE, MediaType.APPLICATION_XML,
                xml("2026-09-04", "", "\n").replaceFirst("<actes:DateClassification>.*</actes:DateClassification>", "")
                        .getBytes(StandardCharsets.UTF_8)), "DateClassification");
        assertRefusedAndNothingImported(as("operateur").put(VOISINE, MediaType.APPLICATION_XML,
                xml("2026-13-45", "", "\n").getBytes(StandardCharsets.UTF_8)), "DateClassification");
    }

    @Test
    void an_empty_body_or_another_media_type_is_refused() {
        Api.Response empty = as("operateur").put(VOISINE, MediaType.APPLICATION_XML, new byte[0]);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.contentType()).isEqualTo("application/problem+json");
        Api.Response json = as("operateur").put(VOISINE, MediaType.APPLICATION_JSON, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        assertThat(json.contentType()).isEqualTo("application/problem+json");
        assertThat(as("secretaire.voisine").get(VOISINE).<String>json("$.dateClassification")).isEqualTo("2026-01-20");
    }

    // --- who may import --------------------------------------------------------------------------------------

    @Test
    void a_secretaire_may_not_import_a_classification() {
        Api.Response r = as("secretaire").put(DEMO, MediaType.APPLICATION_XML, sample("RetourClassification-069-demo.xml"));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        Api.Response v = as("secretaire.voisine").put(VOISINE, MediaType.APPLICATION_XML,
                xml("2026-10-01", "", "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(v.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from classification where date_classification = '2026-10-01'",
                Long.class)).isZero();
        assertThat(as("secretaire.voisine").get(VOISINE).<String>json("$.dateClassification")).isEqualTo("2026-01-20");
    }

    @Test
    void an_administrator_of_voisine_may_not_import_the_classification_of_demo() {
        long before = versions("demo");
        long voisineBefore = versions("voisine");
        Api.Response r = as("admin.voisine").put(DEMO, MediaType.APPLICATION_XML,
                xml("2026-10-02", "", "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.<String>json("$.detail")).isEqualTo("Collectivité introuvable.");
        assertThat(as("admin").put(VOISINE, MediaType.APPLICATION_XML,
                xml("2026-10-03", "", "\n").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(versions("demo")).isEqualTo(before);
        assertThat(versions("voisine")).isEqualTo(voisineBefore);
        assertThat(as("secretaire").get(DEMO).<String>json("$.dateClassification")).isEqualTo("2026-03-15");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A RetourClassification with accents, in the préfecture's layout, for the given date. */
    private static String xml(String date, String prolog, String eol) {
        String body = """
                <actes:RetourClassification xmlns:actes="http://www.interieur.gouv.fr/ACTES#v1.1-20040216">
                \t<actes:DateClassification>%s</actes:DateClassification>
                \t<actes:NaturesActes>
                \t\t<actes:NatureActe actes:CodeNatureActe="1" actes:Libelle="Délibérations" actes:TypeAbrege="DE">
                \t\t\t<actes:TypePJNatureActe actes:CodeTypePJ="99_DE" actes:Libelle="Délibération"/>
                \t\t\t<actes:TypePJNatureActe actes:CodeTypePJ="41_DE" actes:Libelle="Tableau des effectifs"/>
                \t\t</actes:NatureActe>
                \t\t<actes:NatureActe actes:CodeNatureActe="2" actes:Libelle="Actes réglementaires" actes:TypeAbrege="AR">
                \t\t\t<actes:TypePJNatureActe actes:CodeTypePJ="99_AR" actes:Libelle="Acte réglementaire"/>
                \t\t</actes:NatureActe>
                \t</actes:NaturesActes>
                \t<actes:Matieres>
                \t\t<actes:Matiere1 actes:CodeMatiere="1" actes:Libelle="Commande publique">
                \t\t\t<actes:Matiere2 actes:CodeMatiere="1" actes:Libelle="Marchés publics"/>
                \t\t\t<actes:Matiere2 actes:CodeMatiere="7" actes:Libelle="Actes spéciaux et divers"/>
                \t\t</actes:Matiere1>
                \t\t<actes:Matiere1 actes:CodeMatiere="7" actes:Libelle="Finances locales">
                \t\t\t<actes:Matiere2 actes:CodeMatiere="1" actes:Libelle="Décisions budgétaires">
                \t\t\t\t<actes:Matiere3 actes:CodeMatiere="1" actes:Libelle="Budget primitif"/>
                \t\t\t</actes:Matiere2>
                \t\t</actes:Matiere1>
                \t</actes:Matieres>
                </actes:RetourClassification>
                """.formatted(date);
        String text = prolog.isEmpty() ? body : prolog + "\n" + body;
        return text.replace("\n", eol);
    }

    private static void assertAccents(Api.Response r) {
        assertThat(r.<List<String>>json("$.natures[*].label")).containsExactly("Délibérations", "Actes réglementaires");
        assertThat(r.<List<String>>json("$.matieres[?(@.code == '1')].children[?(@.code == '1.1')].label"))
                .containsExactly("Marchés publics");
        assertThat(r.<List<String>>json("$.matieres[?(@.code == '7')].children[?(@.code == '7.1')].children[*].code"))
                .containsExactly("7.1.1");
    }

    /**
     * Refused with this field, and nothing imported: refused files are dated from 2026-09-01 on (accepted
     * ones before), so no version of voisine may carry such a date, and its current version is unchanged.
     */
    private void assertRefusedAndNothingImported(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.errorFields()).as(r.toString()).containsExactly(field);
        assertThat(jdbc.queryForObject("""
                select count(*) from classification c join tenant t on t.id = c.tenant_id
                where t.code = 'voisine' and c.date_classification >= '2026-09-01'
                """, Long.class)).isZero();
        assertThat(as("secretaire.voisine").get(VOISINE).<String>json("$.dateClassification")).isEqualTo("2026-01-20");
    }

    private long versions(String tenant) {
        return jdbc.queryForObject("select count(*) from classification c join tenant t on t.id = c.tenant_id"
                + " where t.code = ?", Long.class, tenant);
    }

    private static byte[] sample(String name) {
        try (InputStream in = new ClassPathResource(SAMPLES + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
