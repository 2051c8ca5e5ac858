package fr.acta.signature;

import static fr.acta.signature.SigningFixture.PKI;
import static fr.acta.signature.SigningFixture.SIGNER;
import static fr.acta.signature.SigningFixture.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The signer checks its own fresh revision without DSS's page rendering (decision 0013). On a
 * document holding two visible signatures, that check reaches the same verdict, signature by
 * signature, as the full validation anyone else runs.
 */
class OwnRevisionValidationTest {

    @ParameterizedTest
    @EnumSource(value = SignatureLevel.class, names = {"B", "LT"})
    void the_own_revision_check_agrees_with_the_full_validation(SignatureLevel level) {
        byte[] pdf = SigningFixture.pdfWithLines(new String[] {"Délibération n° 2026_DEL_007", "L'adjoint,",
                ">#signature#", "Le Maire,", ">#visa#"});
        SignedPdf first = SIGNER.sign(pdf, SigningFixture.mayor(), new SignatureRequest(level, "Marie Curie",
                "Adjointe", null, null, null, null, Placement.tag("#signature#")));
        SignedPdf second = SIGNER.sign(first.pdf(), SigningFixture.mayor(), new SignatureRequest(level, "Jean Dupont",
                "Maire", null, null, null, null, Placement.tag("#visa#")));

        ValidationOutcome own = VALIDATOR.validateOwnRevision(second.pdf(), List.of(PKI.rootCertificate()));
        ValidationOutcome full = VALIDATOR.validate(second.pdf(), List.of(PKI.rootCertificate()));

        assertThat(own.signatures()).hasSize(2);
        assertThat(own.signatures()).extracting(SignatureCheck::indication, SignatureCheck::level)
                .containsExactlyElementsOf(full.signatures().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.indication(), s.level())).toList());
        assertThat(own.signatures()).allSatisfy(s -> assertThat(s.indication()).isEqualTo("TOTAL_PASSED"));
    }
}
