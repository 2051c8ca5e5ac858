package fr.acta.seda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One act's SEDA transfer in each version: schema validity, digests, formats, ZIP layout, round trip. */
class SedaTransferBuilderTest {

    static final SedaSchemas SCHEMAS = new SedaSchemas();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-02T08:30:15.123Z"), ZoneId.of("Europe/Paris"));
    final SedaTransferBuilder builder = new SedaTransferBuilder(CLOCK, SCHEMAS);

    @ParameterizedTest
    @EnumSource(SedaVersion.class)
    void each_version_gives_a_manifest_valid_against_its_own_official_schema(SedaVersion version) throws Exception {
        SedaTransfer transfer = builder.build(SedaSamples.request(), version);

        assertThat(transfer.version()).isEqualTo(version);
        XmlTree manifest = XmlTree.parse(transfer.manifest());
        assertThat(manifest.name()).isEqualTo("ArchiveTransfer");
        assertThat(manifest.namespace()).isEqualTo("fr:gouv:culture:archivesdefrance:seda:v" + version.label());
        // checked again, independently: the JDK's own catalog API, and a resolver that refuses http
        OfflineSchemas.validate(version, transfer.manifest());
        for (SedaVersion other : SedaVersion.values()) {
            if (other != version) {
                assertThat(OfflineSchemas.problems(other, transfer.manifest())).as("valid as SEDA %s", other)
                        .isNotEmpty();
            }
        }
        assertThat(manifest.at("Date")).isEqualTo("2025-04-02T10:30:15+02:00");
        assertThat(manifest.at("MessageIdentifier")).isEqualTo("ACTA-demo-2025-0001");
    }

    @Test
    void every_object_has_its_sha512_size_and_format_and_the_zip_holds_exactly_what_the_manifest_says()
            throws Exception {
        SedaTransferRequest request = SedaSamples.request();
        SedaTransfer transfer = builder.build(request, SedaVersion.V2_2);
        Map<String, byte[]> zip = unzip(transfer.zip());
        XmlTree manifest = XmlTree.parse(transfer.manifest());
        List<XmlTree> objects = manifest.one("DataObjectPackage").all("DataObjectGroup").stream()
                .map(g -> g.one("BinaryDataObject")).toList();

        assertThat(objects).hasSize(request.objects().size());
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            XmlTree o = objects.get(i);
            byte[] original = request.objects().get(i).content();
            String uri = o.at("Uri");
            paths.add(uri);
            assertThat(uri).startsWith("Content/");
            assertThat(zip.get(uri)).as(uri).isEqualTo(original);
            assertThat(o.one("MessageDigest").attributes()).containsEntry("algorithm", "SHA-512");
            assertThat(o.at("MessageDigest")).isEqualTo(SedaTransferBuilder.sha512(original)).hasSize(128);
            assertThat(o.at("Size")).isEqualTo(String.valueOf(original.length));
            assertThat(o.at("FileInfo/Filename")).isEqualTo(request.objects().get(i).fileName());
            assertThat(transfer.objects().get(i).sha512()).isEqualTo(o.at("MessageDigest"));
        }
        assertThat(zip.keySet()).containsExactlyElementsOf(concat(List.of("manifest.xml", "Content/"), paths));
        assertThat(zip.get("manifest.xml")).isEqualTo(transfer.manifest());
        assertThat(paths).containsExactly("Content/01_deliberation_signee.pdf", "Content/02_annexe_1_plan.pdf",
                "Content/03_tableau.png", "Content/04_bordereau.pdf", "Content/05_rapport-etsi.xml",
                "Content/06_ACT-EACT--210690004--20250314-1.tar.gz", "Content/07_ARActe.xml",
                "Content/08_copie_tamponnee.pdf", "Content/09_historique.json");

        Map<String, String> formats = new LinkedHashMap<>();
        objects.forEach(o -> formats.put(o.at("FileInfo/Filename"), o.at("FormatIdentification/MimeType") + " "
                + (o.one("FormatIdentification").all("FormatId").isEmpty() ? "-" : o.at("FormatIdentification/FormatId"))));
        assertThat(formats).containsExactly(
                Map.entry("délibération signée.pdf", "application/pdf fmt/354"),
                Map.entry("annexe 1 — plan.pdf", "application/pdf fmt/18"),
                Map.entry("tableau.png", "image/png fmt/11"),
                Map.entry("bordereau.pdf", "application/pdf fmt/276"),
                Map.entry("rapport-etsi.xml", "application/xml fmt/101"),
                Map.entry("ACT-EACT--210690004--20250314-1.tar.gz", "application/gzip -"),
                Map.entry("ARActe.xml", "application/xml fmt/101"),
                Map.entry("copie tamponnée.pdf", "application/pdf fmt/20"),
                Map.entry("historique.json", "application/json -"));
    }

    @Test
    void a_seda_2_2_manifest_read_back_with_stax_carries_the_act_its_rules_and_its_files() throws Exception {
        SedaTransfer transfer = builder.build(SedaSamples.request(), SedaVersion.V2_2);
        XmlTree manifest = XmlTree.parse(transfer.manifest());

        assertThat(manifest.at("ArchivalAgreement")).isEqualTo("IC-000001");
        assertThat(manifest.at("ArchivalAgency/Identifier")).isEqualTo("FRAD069");
        assertThat(manifest.at("TransferringAgency/Identifier")).isEqualTo("ACTA-demo");
        XmlTree management = manifest.one("DataObjectPackage").one("ManagementMetadata");
        assertThat(management.at("OriginatingAgencyIdentifier")).isEqualTo("210690004");
        assertThat(management.at("SubmissionAgencyIdentifier")).isEqualTo("ACTA-demo");

        XmlTree unit = manifest.one("DataObjectPackage").one("DescriptiveMetadata").one("ArchiveUnit");
        assertThat(unit.attributes()).containsEntry("id", "AU_ACTE");
        assertThat(unit.at("Management/AppraisalRule/Rule")).isEqualTo("APP-P1Y");
        assertThat(unit.at("Management/AppraisalRule/StartDate")).isEqualTo("2025-03-12");
        assertThat(unit.at("Management/AppraisalRule/FinalAction")).isEqualTo("Keep");
        assertThat(unit.at("Management/AccessRule/Rule")).isEqualTo("ACC-P0Y");
        assertThat(unit.at("Management/AccessRule/StartDate")).isEqualTo("2025-03-12");

        XmlTree content = unit.one("Content");
        assertThat(content.at("DescriptionLevel")).isEqualTo("File");
        assertThat(content.at("Title")).isEqualTo("Délibération relative à l'éclairage public — tranche 2");
        assertThat(content.at("DocumentType")).isEqualTo("Délibération");
        assertThat(content.at("FilePlanPosition")).isEqualTo("9.1");
        assertThat(content.texts("OriginatingAgencyArchiveUnitIdentifier"))
                .containsExactly("DEL_2025_014", SedaSamples.ID_ACTE);
        assertThat(content.at("OriginatingSystemId")).isEqualTo("7b0c6f1e-2f4b-4a8e-9a51-3c1d2e4f5a6b");
        assertThat(content.at("Description")).isEqualTo("Délibération n° DEL_2025_014 du 12 mars 2025. Matière 9.1 "
                + "(Autres domaines de compétences des communes). IDActe " + SedaSamples.ID_ACTE + ". Transmis au "
                + "contrôle de légalité le 14 mars 2025, reçu en préfecture le 15 mars 2025.");
        assertThat(content.all("Keyword")).extracting(k -> k.at("KeywordType") + "|" + k.at("KeywordReference") + "|"
                + k.at("KeywordContent")).containsExactly("genreform|DE|Délibération",
                "subject|9.1|Autres domaines de compétences des communes",
                "corpname|210690004|Commune de Valmont-sur-Saône");
        assertThat(content.at("OriginatingAgency/Identifier")).isEqualTo("210690004");
        assertThat(content.at("CreatedDate")).isEqualTo("2025-03-12");
        assertThat(content.at("SentDate")).isEqualTo("2025-03-14");
        assertThat(content.at("ReceivedDate")).isEqualTo("2025-03-15");
        assertThat(content.at("StartDate")).isEqualTo("2025-03-12");
        assertThat(content.at("EndDate")).isEqualTo("2025-03-15");

        List<XmlTree> children = unit.all("ArchiveUnit");
        assertThat(children).extracting(c -> c.at("Content/Title")).containsExactly("Acte : délibération signée.pdf",
                "Plan de financement", "Annexe : tableau.png", "Bordereau de signature : bordereau.pdf",
                "Rapport de validation des signatures (ETSI) : rapport-etsi.xml",
                "Paquet de transmission @ctes : ACT-EACT--210690004--20250314-1.tar.gz",
                "Accusé de réception de la préfecture (ARActe) : ARActe.xml",
                "Copie tamponnée par la préfecture : copie tamponnée.pdf", "Historique de l'acte : historique.json");
        List<String> groups = manifest.one("DataObjectPackage").all("DataObjectGroup").stream()
                .map(g -> g.attributes().get("id")).toList();
        assertThat(children).extracting(c -> c.at("DataObjectReference/DataObjectGroupReferenceId"))
                .containsExactlyElementsOf(groups);
    }

    @Test
    void optional_metadata_may_be_missing_and_an_annex_may_be_the_only_other_file() throws Exception {
        SedaTransferRequest.Act bare = new SedaTransferRequest.Act("Arrêté de voirie", "AI", null, null, "2025_AI_7",
                SedaSamples.DECISION, null, null, null, null);
        SedaTransferRequest request = new SedaTransferRequest("ACTA-2", null, "FRAD069", "ACTA-demo",
                new SedaTransferRequest.OriginatingAgency("210690004", "Commune de Valmont-sur-Saône"), bare,
                new ManagementRules(new ManagementRules.Appraisal(null, "p5y", ManagementRules.FinalAction.DESTROY,
                        null), new ManagementRules.Access("ACC-P0Y", null)),
                List.of(new SedaTransferRequest.DataObject(ObjectRole.SIGNED_ACT, null, "arrêté.pdf", SedaSamples.pdf(1.5f))));

        for (SedaVersion version : SedaVersion.values()) {
            XmlTree unit = XmlTree.parse(builder.build(request, version).manifest()).one("DataObjectPackage")
                    .one("DescriptiveMetadata").one("ArchiveUnit");
            assertThat(unit.at("Management/AppraisalRule/Rule")).isEqualTo("APP-P5Y");
            assertThat(unit.at("Management/AppraisalRule/FinalAction")).isEqualTo("Destroy");
            assertThat(unit.one("Content").all("SentDate")).isEmpty();
            assertThat(unit.at("Content/EndDate")).isEqualTo("2025-03-12");
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
