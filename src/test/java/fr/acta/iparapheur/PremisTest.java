package fr.acta.iparapheur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The PREMIS of the i-Parapheur v5 API as documented (API docs of createFolder and
 * downloadFolderPremis, and the structure clients rely on): the draft Acta writes, and the summaries
 * it reads. The summaries below are written for this test in the documented structure.
 */
class PremisTest {

    private static final String NS = "http://www.loc.gov/premis/v3";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Test
    void the_draft_has_the_documented_structure() throws Exception {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("acta_act_id", "A-42");
        metadata.put("objet", "Tarifs & <cantine>");
        byte[] xml = Premis.draft("Délibération « cantine » & tarifs", "ACTES", "Délibération",
                LocalDate.of(2026, 12, 31), metadata, List.of("main.pdf"), List.of("annexe 1.pdf", "annexe 2.png"));

        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getLocalName()).isEqualTo("premis");
        assertThat(root.getAttribute("version")).isEqualTo("3.0");
        assertThat(root.getAttributeNS(XSI, "schemaLocation"))
                .isEqualTo(NS + " http://www.loc.gov/standards/premis/v3/premis.xsd");

        List<Element> objects = children(root, "object");
        assertThat(objects).extracting(o -> o.getAttributeNS(XSI, "type"))
                .containsExactly("intellectualEntity", "file", "file", "file");
        Element folder = objects.get(0);
        assertThat(properties(folder)).containsExactly(
                Map.entry("i_Parapheur_reserved_type", "ACTES"),
                Map.entry("i_Parapheur_reserved_subtype", "Délibération"),
                Map.entry("i_Parapheur_reserved_dueDate", "2026-12-31"),
                Map.entry("acta_act_id", "A-42"),
                Map.entry("objet", "Tarifs & <cantine>"));
        assertThat(text(folder, "originalName")).isEqualTo("Délibération « cantine » & tarifs");
        // significantProperties come before originalName, as in PREMIS v3's sequence
        assertThat(children(folder, null)).extracting(Element::getLocalName).last().isEqualTo("originalName");

        assertThat(objects.subList(1, 4)).extracting(o -> text(o, "originalName"))
                .containsExactly("main.pdf", "annexe 1.pdf", "annexe 2.png");
        assertThat(objects.subList(1, 4)).extracting(o -> properties(o).get("i_Parapheur_reserved_mainDocument"))
                .containsExactly("true", "false", "false");
        assertThat(doc.getElementsByTagNameNS(NS, "event").getLength()).isZero();
    }

    @Test
    void the_written_draft_reads_back() {
        byte[] xml = Premis.draft("Arrêté 12", "t-id", "s-id", null, Map.of("k", "v"), List.of("a.pdf"), List.of());
        Premis.Content c = Premis.read(xml);
        assertThat(c.folderName()).isEqualTo("Arrêté 12");
        assertThat(c.properties()).containsEntry("i_Parapheur_reserved_type", "t-id")
                .doesNotContainKey("i_Parapheur_reserved_dueDate");
        assertThat(c.metadata()).containsExactly(Map.entry("k", "v"));
        assertThat(c.files()).singleElement().satisfies(file -> {
            assertThat(file.originalName()).isEqualTo("a.pdf");
            assertThat(file.main()).isTrue();
        });
    }

    @Test
    void an_ongoing_folder_is_pending_on_the_step_without_date() {
        Premis.Content c = Premis.read(summary("""
                %s
                %s
                %s
                """.formatted(event("t-start", "START", "2026-03-02T09:15:00.123+0100", null, "u-1"),
                event("t-visa", "VISA", "2026-03-02T10:00:00.000+0100", null, "u-2"),
                event("t-sign", "SIGNATURE", null, null, null) + event(null, "ARCHIVE", null, null, null))));
        assertThat(c.folderId()).isEqualTo("f-1");
        assertThat(c.folderName()).isEqualTo("Délibération 12");
        assertThat(c.files()).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("d-1");
            assertThat(f.sha256()).isEqualTo("ab".repeat(32));
            assertThat(f.size()).isEqualTo(4911L);
            assertThat(f.formatName()).isEqualTo("application/pdf");
        });
        FolderStatus s = FolderStatus.of("f-1", c.events());
        assertThat(s.state()).isEqualTo(FolderState.PENDING);
        assertThat(s.currentStep()).isEqualTo("SIGNATURE");
        assertThat(c.events().get(0).dateTime())
                .isEqualTo(OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 123_000_000, ZoneOffset.ofHours(1)));
        assertThat(c.events().get(0).agentName()).isEqualTo("Agent u-1");
        assertThat(c.events().get(3).upcoming()).isTrue();
    }

    @Test
    void a_finished_folder_ends_with_archive_and_a_rejected_one_with_delete_after_a_noted_reject() {
        FolderStatus finished = FolderStatus.of("f", Premis.read(summary(
                event("a", "START", "2026-03-02T09:15:00.000+01:00", null, "u-1")
                        + event("b", "SIGNATURE", "2026-03-03T09:15:00.000+0100", null, "u-2")
                        + event("c", "ARCHIVE", null, null, null))).events());
        assertThat(finished.state()).isEqualTo(FolderState.FINISHED);
        assertThat(finished.signedAt()).isEqualTo(OffsetDateTime.parse("2026-03-03T09:15:00+01:00"));

        FolderStatus rejected = FolderStatus.of("f", Premis.read(summary(
                event("a", "START", "2026-03-02T09:15:00.000+0100", null, "u-1")
                        + event("b", "REJECT", "2026-03-03T09:15:00.000+0100", "Montant erroné", "u-2")
                        + event("c", "DELETE", null, null, null))).events());
        assertThat(rejected.state()).isEqualTo(FolderState.REJECTED);
        assertThat(rejected.rejectionAnnotation()).isEqualTo("Montant erroné");
        assertThat(rejected.currentStep()).isNull();
    }

    @Test
    void reading_is_fail_safe_on_unknown_content_and_on_a_folder_without_events() {
        FolderStatus draft = FolderStatus.of("f", Premis.read(summary("")).events());
        assertThat(draft.state()).isEqualTo(FolderState.PENDING);

        String unknown = "<event><eventIdentifier><eventIdentifierType>otherId</eventIdentifierType>"
                + "<eventIdentifierValue>x</eventIdentifierValue></eventIdentifier><eventType>FUTURE_ACTION</eventType>"
                + "<eventDateTime>demain</eventDateTime><futureNode>?</futureNode></event>"
                + "<rights><whatever/></rights>";
        FolderStatus s = FolderStatus.of("f", Premis.read(summary(unknown + event("t", "SECOND_OPINION", null, null, null)))
                .events());
        assertThat(s.state()).isEqualTo(FolderState.PENDING);
        assertThat(s.currentStep()).isEqualTo("SECOND_OPINION");
        assertThat(s.events().get(0).performed()).as("an unreadable date still means performed").isTrue();
        assertThat(s.events().get(0).dateTime()).isNull();
    }

    @Test
    void external_entities_are_never_resolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE premis [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<premis xmlns=\"" + NS + "\"><object><originalName>&x;</originalName></object></premis>";
        assertThatThrownBy(() -> Premis.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(IparapheurException.class,
                        e -> assertThat(e.kind()).isEqualTo(IparapheurException.Kind.PROTOCOL))
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> Premis.read("<dossier/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("n'est pas un PREMIS");
    }

    // ------------------------------------------------------------------------------------- fixtures

    private static byte[] summary(String events) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <premis xmlns="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                version="3.0" xsi:schemaLocation="http://www.loc.gov/premis/v3 http://www.loc.gov/standards/premis/v3/premis.xsd">
                  <object xsi:type="intellectualEntity">
                    <objectIdentifier><objectIdentifierType>folderId</objectIdentifierType>\
                <objectIdentifierValue>f-1</objectIdentifierValue></objectIdentifier>
                    <significantProperties><significantPropertiesType>i_Parapheur_reserved_type</significantPropertiesType>\
                <significantPropertiesValue>ACTES</significantPropertiesValue></significantProperties>
                    <originalName>Délibération 12</originalName>
                  </object>
                  <object xsi:type="file">
                    <objectIdentifier><objectIdentifierType>documentId</objectIdentifierType>\
                <objectIdentifierValue>d-1</objectIdentifierValue></objectIdentifier>
                    <significantProperties><significantPropertiesType>i_Parapheur_reserved_mainDocument</significantPropertiesType>\
                <significantPropertiesValue>true</significantPropertiesValue></significantProperties>
                    <objectCharacteristics>
                      <fixity><messageDigestAlgorithm>SHA-256</messageDigestAlgorithm><messageDigest>%s</messageDigest></fixity>
                      <size>4911</size>
                      <format><formatDesignation><formatName>application/pdf</formatName>\
                <formatVersion>1.6</formatVersion></formatDesignation></format>
                    </objectCharacteristics>
                    <originalName>acte.pdf</originalName>
                  </object>
                  %s
                  <agent><agentIdentifier><agentIdentifierType>userId</agentIdentifierType>\
                <agentIdentifierValue>u-1</agentIdentifierValue></agentIdentifier><agentName>Agent u-1</agentName></agent>
                </premis>
                """.formatted("AB".repeat(32), events)).getBytes(StandardCharsets.UTF_8);
    }

    private static String event(String taskId, String type, String date, String note, String agent) {
        return "<event><eventIdentifier><eventIdentifierType>taskId</eventIdentifierType>"
                + (taskId == null ? "<eventIdentifierValue/>" : "<eventIdentifierValue>" + taskId + "</eventIdentifierValue>")
                + "</eventIdentifier><eventType>" + type + "</eventType>"
                + (date == null ? "<eventDateTime/>" : "<eventDateTime>" + date + "</eventDateTime>")
                + (note == null ? "" : "<eventOutcomeInformation><eventOutcomeDetail><eventOutcomeDetailNote>" + note
                + "</eventOutcomeDetailNote></eventOutcomeDetail></eventOutcomeInformation>")
                + "<linkingAgentIdentifier><linkingAgentIdentifierType>userId</linkingAgentIdentifierType>"
                + (agent == null ? "<linkingAgentIdentifierValue/>" : "<linkingAgentIdentifierValue>" + agent
                + "</linkingAgentIdentifierValue>")
                + "<linkingAgentRole>Bureau</linkingAgentRole></linkingAgentIdentifier></event>";
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && NS.equals(e.getNamespaceURI())
                    && (local == null || local.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String local) {
        return children(parent, local).get(0).getTextContent();
    }

    private static Map<String, String> properties(Element object) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Element p : children(object, "significantProperties")) {
            m.put(text(p, "significantPropertiesType"), text(p, "significantPropertiesValue"));
        }
        return m;
    }
}
