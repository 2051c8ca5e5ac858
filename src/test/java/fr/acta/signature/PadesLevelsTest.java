package fr.acta.signature;

import static fr.acta.signature.SigningFixture.PKI;
import static fr.acta.signature.SigningFixture.SIGNER;
import static fr.acta.signature.SigningFixture.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.testdata.SamplePdfs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each PAdES level, signed with a key issued by the local PKI and timestamped by the local TSA,
 * entirely offline: DSS validates TOTAL_PASSED with the local root as the only trust anchor and
 * finds exactly the requested level; poppler's pdfsig agrees independently.
 */
class PadesLevelsTest {

    private static final byte[] DELIBERATION = SamplePdfs.deliberation("Valmont-sur-Saône", "2026_DEL_042",
            "Tarifs de la cantine scolaire", 30_000);

    @ParameterizedTest
    @EnumSource(SignatureLevel.class)
    void signs_a_deliberation_invisibly_at_each_level(SignatureLevel level) {
        SignatureRequest request = new SignatureRequest(level, "Jean Dupont", "Maire", "Approbation de la délibération",
                "Valmont-sur-Saône", null, null, Placement.invisible());

        SignedPdf signed = SIGNER.sign(DELIBERATION, SigningFixture.mayor(), request);

        assertThat(signed.level()).isEqualTo(level);
        ValidationOutcome outcome = VALIDATOR.validate(signed.pdf(), List.of(PKI.rootCertificate()));
        assertThat(outcome.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo("TOTAL_PASSED");
            assertThat(s.level()).isEqualTo(level);
            assertThat(s.format()).isEqualTo(level.label());
            assertThat(s.signerSubject()).contains("CN=Jean Dupont").contains("T=Maire")
                    .contains("O=Commune de Valmont-sur-Saône");
        });
        assertThat(outcome.etsiReportXml()).contains("ValidationReport").contains("urn:etsi:019102:mainindication:total-passed");
        assertThat(outcome.simpleReportXml()).contains("TOTAL_PASSED");
        String pdfsig = Pdfsig.run(signed.pdf());
        System.out.println("pdfsig, level " + level + ":\n" + pdfsig);
        assertThat(Pdfsig.validCount(pdfsig)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SignatureLevel.class)
    void signs_visibly_at_the_tag_at_each_level(SignatureLevel level) {
        byte[] pdf = SigningFixture.pdfWithLines(new String[] {"Arrêté n° 2026_ARR_017", "Le Maire,", ">#signature#"});
        SignatureRequest request = new SignatureRequest(level, "Jean Dupont", "Maire", null, null, null, null,
                Placement.tag("#signature#"));

        SignedPdf signed = SIGNER.sign(pdf, SigningFixture.mayor(), request);

        assertThat(signed.check().passed()).isTrue();
        assertThat(VALIDATOR.validate(signed.pdf()).signatures()).singleElement()
                .satisfies(s -> assertThat(s.level()).isEqualTo(level));
        assertThat(Pdfsig.validCount(Pdfsig.run(signed.pdf()))).isEqualTo(1);
    }

    @Test
    void a_document_signed_by_another_root_is_not_trusted() {
        SignedPdf signed = SIGNER.sign(DELIBERATION, SigningFixture.mayor(), SignatureRequest.of(SignatureLevel.B, "Jean Dupont"));

        ValidationOutcome outcome = VALIDATOR.validate(signed.pdf(), List.of(PKI.tsaCertificate()));

        assertThat(outcome.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo("INDETERMINATE");
            assertThat(s.subIndication()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        });
    }
}
