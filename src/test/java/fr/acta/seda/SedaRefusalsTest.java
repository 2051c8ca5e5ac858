package fr.acta.seda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is refused: bad requests before anything is written, and manifests that break the schema. */
class SedaRefusalsTest {

    final SedaTransferBuilder builder = new SedaTransferBuilder(SedaTransferBuilderTest.CLOCK,
            SedaTransferBuilderTest.SCHEMAS);

    @Test
    void an_empty_object_list_is_refused_with_a_french_message_naming_the_field() {
        SedaTransferRequest request = SedaSamples.request(List.of(),
                RulesReferential.defaults().rulesFor("DE", "9.1", SedaSamples.DECISION));

        assertThatThrownBy(() -> builder.build(request, SedaVersion.V2_2))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).contains("au moins un fichier");
                    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("objects");
                });
    }

    @Test
    void a_duration_that_is_not_iso_8601_is_refused() {
        ManagementRules rules = new ManagementRules(new ManagementRules.Appraisal(null, "1 an",
                ManagementRules.FinalAction.KEEP, null), new ManagementRules.Access("ACC-P0Y", null));

        assertThatThrownBy(() -> builder.build(SedaSamples.request(SedaSamples.objects(), rules), SedaVersion.V2_1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("rules.appraisal.duration", "La durée d'utilité "
                                + "administrative « 1 an » n'est pas une durée ISO 8601 positive comme P1Y ou P10Y.")));
        ManagementRules negative = new ManagementRules(new ManagementRules.Appraisal(null, "-P1Y",
                ManagementRules.FinalAction.KEEP, null), new ManagementRules.Access("ACC-P0Y", null));
        assertThatThrownBy(() -> builder.build(SedaSamples.request(SedaSamples.objects(), negative), SedaVersion.V2_1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("-P1Y");
    }

    @Test
    void every_broken_rule_is_named_at_once() {
        List<SedaTransferRequest.DataObject> objects = new ArrayList<>();
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.ANNEX, null, "vide.pdf", new byte[0]));
        objects.add(new SedaTransferRequest.DataObject(null, null, "x.pdf", SedaSamples.pdf(1.4f)));
        SedaTransferRequest request = new SedaTransferRequest(" ", null, "FRAD069", "bad id with spaces",
                new SedaTransferRequest.OriginatingAgency("1234", ""),
                new SedaTransferRequest.Act("", "XX", "9,1", null, "1", null, null, null, null, null),
                new ManagementRules(null, null), objects);

        assertThatThrownBy(() -> builder.build(request, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("version",
                        "messageIdentifier", "transferringAgency", "originatingAgency.siren",
                        "originatingAgency.name", "act.objet", "act.nature", "act.decisionDate", "act.matiere",
                        "rules.appraisal", "rules.access", "objects", "objects[0].content", "objects[1].role"));
    }

    @Test
    void a_tampered_manifest_fails_the_schema_with_its_line_and_the_problem() {
        byte[] manifest = new SedaTransferBuilder(SedaTransferBuilderTest.CLOCK, SedaTransferBuilderTest.SCHEMAS)
                .build(SedaSamples.request(), SedaVersion.V2_3).manifest();
        String xml = new String(manifest, StandardCharsets.UTF_8);
        int line = xml.substring(0, xml.indexOf("<FinalAction>")).split("\n", -1).length;
        byte[] tampered = xml.replace("<FinalAction>Keep</FinalAction>", "<FinalAction>Garder</FinalAction>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SedaTransferBuilderTest.SCHEMAS.validate(SedaVersion.V2_3, tampered))
                .isInstanceOfSatisfying(SedaManifestException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Le bordereau (manifest.xml) n'est pas conforme au schéma "
                            + "officiel SEDA 2.3 : ligne " + line + ", colonne").contains("Garder");
                    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(line));
                });
    }

    @Test
    void a_manifest_with_a_doctype_is_refused_before_any_entity_is_read() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE ArchiveTransfer [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<ArchiveTransfer xmlns=\"fr:gouv:culture:archivesdefrance:seda:v2.2\"><Comment>&x;</Comment>"
                + "</ArchiveTransfer>";

        assertThatThrownBy(() -> SedaTransferBuilderTest.SCHEMAS.validate(SedaVersion.V2_2,
                xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SedaManifestException.class).hasMessageContaining("ligne 2")
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("root:");
    }

    @Test
    void the_default_rules_follow_the_nature_and_the_matiere() {
        RulesReferential rules = RulesReferential.defaults();

        assertThat(rules.rulesFor("DE", "9.1", SedaSamples.DECISION)).isEqualTo(new ManagementRules(
                new ManagementRules.Appraisal("APP-P1Y", "P1Y", ManagementRules.FinalAction.KEEP, SedaSamples.DECISION),
                new ManagementRules.Access("ACC-P0Y", SedaSamples.DECISION)));
        assertThat(rules.appraisal("AR")).isEqualTo(rules.appraisal("DE"));
        assertThat(rules.appraisal("CC").duration()).isEqualTo("P10Y");
        assertThat(rules.appraisal("CC").finalAction()).isEqualTo(ManagementRules.FinalAction.KEEP);
        assertThat(rules.access("AI", "4.1")).isEqualTo("ACC-P50Y");
        assertThat(rules.access("AI", "6.1")).isEqualTo("ACC-P0Y");
        assertThat(rules.access("DE", "4.1")).isEqualTo("ACC-P0Y");
        RulesReferential local = rules.with("AI", new RulesReferential.Appraisal("APP-00005", "P5Y",
                ManagementRules.FinalAction.DESTROY));
        assertThat(local.appraisal("AI").ruleId()).isEqualTo("APP-00005");
        assertThat(rules.appraisal("AI").ruleId()).isEqualTo("APP-P1Y");
    }
}
