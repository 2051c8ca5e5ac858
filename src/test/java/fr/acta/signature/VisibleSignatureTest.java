package fr.acta.signature;

import static fr.acta.signature.SigningFixture.SIGNER;
import static fr.acta.signature.SigningFixture.VALIDATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

/**
 * Visible blocks: each signature takes the next free occurrence of its tag (so a circuit with a
 * visa-signature and a final signature fills "#signature#" boxes in order), then the fallback;
 * explicit areas are measured from the page's top-left corner.
 */
class VisibleSignatureTest {

    private static final byte[] TWO_TAGS = SigningFixture.pdfWithLines(
            new String[] {"Convention de partenariat", "Pour la commune,", ">#signature#"},
            new String[] {"Pour l'association,", ">#signature#", "Visa du contrôle de légalité", ">#cachet#"});

    @Test
    void two_signatures_each_at_its_own_tag_then_the_fallback() throws IOException {
        List<TagLocator.Occurrence> tags;
        try (PDDocument doc = Loader.loadPDF(TWO_TAGS)) {
            tags = TagLocator.occurrences(doc, "#signature#");
        }
        assertThat(tags).extracting(TagLocator.Occurrence::page).containsExactly(1, 2);

        SignedPdf first = SIGNER.sign(TWO_TAGS, SigningFixture.mayor(), request("Jean Dupont", "Maire", null));
        SignedPdf second = SIGNER.sign(first.pdf(), SigningFixture.mayor(),
                request("Claire Martin", "Première adjointe", "Jean Dupont, Maire"));

        List<Widget> widgets = widgets(second.pdf());
        assertThat(widgets).hasSize(2);
        assertThat(widgets.get(0).covers(tags.get(0))).as("first signature on the first tag").isTrue();
        assertThat(widgets.get(1).covers(tags.get(1))).as("second signature on the second tag").isTrue();
        ValidationOutcome outcome = VALIDATOR.validate(second.pdf());
        assertThat(outcome.signatures()).hasSize(2).allSatisfy(s -> {
            assertThat(s.indication()).isEqualTo("TOTAL_PASSED");
            assertThat(s.level()).isEqualTo(SignatureLevel.LT);
        });
        String pdfsig = Pdfsig.run(second.pdf());
        System.out.println("pdfsig, two visible signatures:\n" + pdfsig);
        assertThat(Pdfsig.validCount(pdfsig)).isEqualTo(2);

        SignedPdf third = SIGNER.sign(second.pdf(), SigningFixture.mayor(), request("Paul Durand", "DGS", null));
        Widget fallback = widgets(third.pdf()).get(2);
        SignatureProperties.Fallback expected = SigningFixture.PROPERTIES.fallbackPlacement();
        assertThat(fallback.page()).as("the configured fallback: last page").isEqualTo(2);
        assertThat(fallback.left()).isCloseTo(expected.x(), org.assertj.core.data.Offset.offset(0.5f));
        assertThat(fallback.top()).isCloseTo(expected.y(), org.assertj.core.data.Offset.offset(0.5f));

        SignedPdf fourth = SIGNER.sign(third.pdf(), SigningFixture.mayor(), request("Anne Petit", "Adjointe", null));
        Widget stacked = widgets(fourth.pdf()).get(3);
        assertThat(stacked.page()).isEqualTo(2);
        assertThat(stacked.top() + stacked.height()).as("stacked above the first fallback block")
                .isLessThanOrEqualTo(fallback.top());
        assertThat(VALIDATOR.validate(fourth.pdf()).allPassed()).isTrue();
        assertThatThrownBy(() -> SIGNER.sign(fourth.pdf(), SigningFixture.mayor(),
                request("Paul Durand", "DGS", null).withPlacement(Placement.at(2, 340, 710, 100, 40))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("La zone de signature demandée chevauche une signature existante en page 2.");
    }

    @Test
    void the_seal_goes_to_its_own_tag_and_an_explicit_area_is_measured_from_the_top_left() throws IOException {
        SignatureRequest seal = new SignatureRequest(SignatureLevel.T, "Commune de Valmont-sur-Saône", "Cachet", null,
                null, null, null, Placement.tag("#cachet#"));
        SignedPdf sealed = SIGNER.sign(TWO_TAGS, SigningFixture.mayor(), seal);
        try (PDDocument doc = Loader.loadPDF(TWO_TAGS)) {
            assertThat(widgets(sealed.pdf()).get(0).covers(TagLocator.occurrences(doc, "#cachet#").get(0))).isTrue();
        }

        SignatureRequest explicit = seal.withPlacement(Placement.at(1, 50, 100, 200, 60));
        Widget w = widgets(SIGNER.sign(TWO_TAGS, SigningFixture.mayor(), explicit).pdf()).get(0);
        assertThat(w.page()).isEqualTo(1);
        assertThat(w.left()).isCloseTo(50f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(w.top()).isCloseTo(100f, org.assertj.core.data.Offset.offset(0.5f));
    }

    @Test
    void the_block_reads_name_quality_french_date_and_on_behalf_of() {
        SignatureRequest r = request("Claire Martin", "Première adjointe", "Jean Dupont, Maire")
                .withSigningTime(Instant.parse("2026-11-28T13:05:00Z"));

        assertThat(SignatureAppearance.text(r, r.signingTime())).isEqualTo(
                "Claire Martin\nPremière adjointe\nle 28/11/2026 à 14:05\nEn l'absence de Jean Dupont, Maire");
    }

    @Test
    void a_page_that_does_not_exist_is_refused_in_french() {
        SignatureRequest r = request("Jean Dupont", "Maire", null).withPlacement(Placement.at(9, 50, 50, 100, 50));

        assertThatThrownBy(() -> SIGNER.sign(TWO_TAGS, SigningFixture.mayor(), r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le document n'a que 2 page(s) : impossible de placer la signature en page 9.");
    }

    private static SignatureRequest request(String name, String quality, String onBehalfOf) {
        return new SignatureRequest(SignatureLevel.LT, name, quality, "Signature de la convention", "Valmont-sur-Saône",
                onBehalfOf, null, Placement.tag("#signature#"));
    }

    /** A signature widget: page from 1, rectangle from the page's top-left corner. */
    record Widget(int page, float left, float top, float width, float height) {
        boolean covers(TagLocator.Occurrence o) {
            float cx = o.x() + o.width() / 2;
            float cy = o.top() + o.height() / 2;
            return page == o.page() && cx >= left && cx <= left + width && cy >= top && cy <= top + height;
        }
    }

    private static List<Widget> widgets(byte[] pdf) throws IOException {
        List<Widget> result = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDSignatureField field : doc.getSignatureFields()) {
                var widget = field.getWidgets().get(0);
                int page = doc.getPages().indexOf(widget.getPage()) + 1;
                PDRectangle r = widget.getRectangle();
                float pageHeight = doc.getPage(page - 1).getMediaBox().getHeight();
                result.add(new Widget(page, r.getLowerLeftX(), pageHeight - r.getUpperRightY(), r.getWidth(), r.getHeight()));
            }
        }
        return result;
    }
}
