package fr.acta.transmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.act.Nature;
import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import fr.acta.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The @ctes transmission package: names, encoding, schema validity, and the envelope serial in PostgreSQL. */
class ActesPackageBuilderTest extends ApiTest {

    static final byte[] PDF = PrefectureArchiveReaderTest.PDF;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
    static final String SUBJECT = "Délibération relative à l’éclairage public — tranche 2 (coût : 12 000 €) ; "
            + "œuvre d’art « Été »";

    @Autowired
    ActesPackageBuilder builder;
    @Autowired
    EnvelopeSerials serials;
    @Autowired
    ActesSchema schema;

    static String randomSiren() {
        return "9" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static ActesPackageRequest request(String siren, String number) {
        return new ActesPackageRequest(siren, "069", "1", Nature.DE, number, LocalDate.of(2025, 3, 12), SUBJECT,
                "9.1.2", LocalDate.of(2025, 1, 10), new ActesFile("99_DE", "délibération.PDF", PDF),
                List.of(new ActesFile("99_AU", "plan.pdf", PDF), new ActesFile("22_DP", "carte.jpeg",
                        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10})),
                null, false, new ActesSender("31", "Marie Dupont", "04 78 00 00 00", "m.dupont@valmont.fr",
                List.of("actes@valmont.fr", "dgs@valmont.fr")));
    }

    private ActesPackageBuilder on(LocalDate day) {
        return new ActesPackageBuilder(serials, schema, Clock.fixed(day.atTime(10, 0).atZone(ZoneId.of("Europe/Paris"))
                .toInstant(), ZoneId.of("Europe/Paris")), "SIC");
    }

    @Test
    void the_package_is_a_flat_tar_gz_named_by_the_standard_with_schema_valid_xml() throws Exception {
        String siren = randomSiren();
        ActesPackage p = on(LocalDate.of(2025, 3, 14)).build(request(siren, "DEL_2025_014"));

        String base = "069-" + siren + "-20250312-DEL_2025_014-DE-1-1";
        assertThat(p.idActe()).isEqualTo("069-" + siren + "-20250312-DEL_2025_014-DE");
        assertThat(p.serial()).isEqualTo(1);
        assertThat(p.archiveName()).isEqualTo("SIC-EACT--" + siren + "--20250314-1.tar.gz");
        assertThat(p.envelopeName()).isEqualTo("EACT--" + siren + "--20250314-1.xml");
        assertThat(p.acteName()).isEqualTo(base + "_0.xml");
        assertThat(p.documents()).extracting(ActesPackage.Document::name).containsExactly(
                "99_DE-" + base + "_1.pdf", "99_AU-" + base + "_2.pdf", "22_DP-" + base + "_3.jpg");
        assertThat(p.documents().get(0).originalName()).isEqualTo("délibération.PDF");
        assertThat(p.documents().get(0).sha256()).hasSize(64);

        Map<String, byte[]> entries = untar(p.archive());
        assertThat(entries.keySet()).containsExactlyElementsOf(p.fileNames()).noneMatch(n -> n.contains("/"));
        assertThat(entries.get(p.envelopeName())).isEqualTo(p.envelopeXml());
        assertThat(entries.get(p.acteName())).isEqualTo(p.acteXml());
        assertThat(entries.get("99_AU-" + base + "_2.pdf")).isEqualTo(PDF);

        validateIndependently(p.envelopeXml());
        validateIndependently(p.acteXml());
    }

    @Test
    void the_xml_is_iso_8859_1_with_qualified_attributes_in_the_schema_order_and_the_accents_survive() {
        ActesPackage p = on(LocalDate.of(2025, 3, 14)).build(request(randomSiren(), "DEL_2025_015"));
        String acte = new String(p.acteXml(), StandardCharsets.ISO_8859_1);
        String envelope = new String(p.envelopeXml(), StandardCharsets.ISO_8859_1);

        assertThat(acte).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        assertThat(envelope).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        assertThat(indexOf(p.acteXml(), (byte) 0xE9)).as("é written as one ISO-8859-1 byte").isPositive();
        assertThat(acte).contains("<actes:Objet>Délibération relative à l'éclairage public - tranche 2 (coût : 12 000 EUR) ; "
                + "oeuvre d'art « Été »</actes:Objet>");
        assertThat(acte).contains("actes:Date=\"2025-03-12\"").contains("actes:NumeroInterne=\"DEL_2025_015\"")
                .contains("actes:CodeNatureActe=\"1\"").contains("<actes:CodeMatiere3 actes:CodeMatiere=\"2\"")
                .contains("actes:Nombre=\"2\"").contains("<actes:DocumentPapier>N</actes:DocumentPapier>");
        assertThat(envelope).contains("insee:SIREN=\"").contains("actes:Departement=\"069\"")
                .contains("actes:Arrondissement=\"1\"").contains("actes:Nature=\"31\"")
                .contains("<actes:NomFichier>" + p.acteName() + "</actes:NomFichier>")
                .contains("<actes:Email>dgs@valmont.fr</actes:Email>");
        assertThat(order(acte, "CodeMatiere1", "CodeMatiere2", "CodeMatiere3", "Objet", "ClassificationDateVersion",
                "Document", "Annexes", "DocumentPapier")).isSorted();
        assertThat(order(envelope, "Emetteur", "IDCL", "Referent", "AdressesRetour", "FormulairesEnvoyes")).isSorted();
        PrefectureMessage.EchoedActe echo = PrefectureMessageParser.parse(
                ("<ARActe>" + acte.substring(acte.indexOf("?>") + 2).replace("actes:Acte", "actes:ActeRecu") + "</ARActe>")
                        .getBytes(StandardCharsets.ISO_8859_1)).acteRecu();
        assertThat(echo.subject()).contains("« Été »");
        assertThat(echo.classification()).isEqualTo("9.1.2");
    }

    @Test
    void the_serial_counts_per_siren_and_per_day() {
        String a = randomSiren();
        String b = randomSiren();
        LocalDate monday = LocalDate.of(2025, 3, 17);
        LocalDate tuesday = monday.plusDays(1);

        assertThat(on(monday).build(request(a, "A1")).serial()).isEqualTo(1);
        assertThat(on(monday).build(request(a, "A2")).serial()).isEqualTo(2);
        assertThat(on(monday).build(request(b, "B1")).serial()).isEqualTo(1);
        ActesPackage nextDay = on(tuesday).build(request(a, "A3"));
        assertThat(nextDay.serial()).isEqualTo(1);
        assertThat(nextDay.envelopeName()).isEqualTo("EACT--" + a + "--20250318-1.xml");
        assertThat(on(monday).build(request(a, "A4")).serial()).isEqualTo(3);
        assertThat(builder.build(request(b, "B2")).archiveName()).startsWith("ACT-EACT--" + b + "--");
    }

    @Test
    void concurrent_envelopes_of_one_siren_never_share_a_serial() throws Exception {
        String siren = randomSiren();
        LocalDate day = LocalDate.of(2025, 3, 19);
        int threads = 6;
        int each = 25;
        List<Integer> all = java.util.Collections.synchronizedList(new ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    all.add(serials.next(siren, day));
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(all).hasSize(threads * each).doesNotHaveDuplicates();
        assertThat(all.stream().mapToInt(Integer::intValue).max().orElse(0)).isEqualTo(threads * each);
        assertThat(serials.next(randomSiren(), day)).isEqualTo(1);
    }

    @Test
    void a_request_breaking_the_rules_names_every_faulty_field_in_french_and_takes_no_serial() {
        String siren = randomSiren();
        ActesPackageRequest bad = new ActesPackageRequest(siren, "69", "12", Nature.DE, "_DEL-14",
                LocalDate.of(2025, 3, 12), "Objet\nsur deux lignes", "9", null,
                new ActesFile("DE", "acte.xml", "<x/>".getBytes(StandardCharsets.US_ASCII)),
                List.of(new ActesFile("99_AU", "faux.pdf", PNG)), "pas-un-idacte", false,
                new ActesSender("3", null, null, "pas une adresse", List.of()));

        assertThatThrownBy(() -> on(LocalDate.of(2025, 3, 14)).build(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Le paquet @ctes ne peut pas être constitué");
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                            "departement", "arrondissement", "number", "subject", "classification",
                            "classificationDate", "previousIdActe", "mainDocument.codeTypePj", "mainDocument.fileName",
                            "annexes[0].content", "sender.collectiviteNature", "sender.returnEmails",
                            "sender.referentEmail");
                    assertThat(e.violations()).filteredOn(v -> v.field().equals("annexes[0].content"))
                            .extracting(FieldViolation::message).containsExactly("Le contenu de « faux.pdf » n'est pas un fichier PDF.");
                });
        assertThat(serials.next(siren, LocalDate.of(2025, 3, 14))).isEqualTo(1);
    }

    @Test
    void a_decision_after_the_sending_day_is_refused() {
        ActesPackageRequest future = request(randomSiren(), "DEL_FUTUR");
        assertThatThrownBy(() -> on(LocalDate.of(2025, 3, 11)).build(future))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("decisionDate"));
    }

    @Test
    void an_xml_the_schema_refuses_is_an_error_naming_the_file_the_line_and_the_problem() {
        byte[] wrongOrder = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:Acte xmlns:actes=\""
                + ActesXml.NS + "\" actes:Date=\"2025-03-12\" actes:NumeroInterne=\"X\" actes:CodeNatureActe=\"1\">\n"
                + "<actes:Objet>Objet</actes:Objet>\n<actes:CodeMatiere1 actes:CodeMatiere=\"1\"/>\n</actes:Acte>\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> schema.validate("069-X_0.xml", wrongOrder))
                .isInstanceOfSatisfying(ActesPackageException.class, e -> assertThat(e.getMessage())
                        .startsWith("Le fichier « 069-X_0.xml » du paquet @ctes n'est pas conforme au schéma ACTES 1.1")
                        .contains("ligne 3").contains("Objet"));
    }

    /** Validation with the JDK alone, reading the shipped XSD by its file URL. */
    private static void validateIndependently(byte[] xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.newSchema(ActesPackageBuilderTest.class.getResource("/schemas/actes/1.1/actesv1_1.xsd"))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static Map<String, byte[]> untar(byte[] tarGz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(tarGz)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.put(e.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }

    private static List<Integer> order(String xml, String... elements) {
        List<Integer> positions = new ArrayList<>();
        for (String e : elements) {
            positions.add(xml.indexOf("<actes:" + e));
        }
        assertThat(positions).doesNotContain(-1);
        return positions;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
