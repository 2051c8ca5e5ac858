package fr.acta.signature;

import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The visible block of a signature: where it goes (explicit area, next free tag occurrence, or the
 * fallback) and what it says (name, quality, "le 28/11/2026 à 14:05", "En l'absence de …"), in
 * DejaVu Sans embedded as a subset, on a white background that hides the tag underneath.
 */
final class SignatureAppearance {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("'le' dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);
    /** Built once: its constructor parses the font into a java.awt.Font (through a temporary file). */
    private static final DSSFileFont FONT = font();
    private static final float MARGIN = 10;

    private final SignatureProperties.Fallback fallback;

    SignatureAppearance(SignatureProperties.Fallback fallback) {
        this.fallback = fallback;
    }

    /** The block for {@code request} on {@code pdf}, or null for an invisible signature. */
    SignatureImageParameters imageParameters(byte[] pdf, SignatureRequest request, Instant signingTime) {
        if (request.placement() instanceof Placement.Invisible) {
            return null;
        }
        Placement.Area area = resolve(pdf, request.placement());
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(area.page());
        field.setOriginX(area.x());
        field.setOriginY(area.y());
        field.setWidth(area.width());
        field.setHeight(area.height());
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setFont(FONT);
        text.setText(text(request, signingTime));
        text.setTextWrapping(TextWrapping.FILL_BOX);
        text.setPadding(4);
        text.setTextColor(Color.BLACK);
        text.setBackgroundColor(Color.WHITE);
        text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
        text.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.MIDDLE);
        SignatureImageParameters image = new SignatureImageParameters();
        image.setFieldParameters(field);
        image.setTextParameters(text);
        image.setBackgroundColor(Color.WHITE);
        return image;
    }

    static String text(SignatureRequest request, Instant signingTime) {
        List<String> lines = new ArrayList<>();
        lines.add(request.signerName().strip());
        if (request.quality() != null && !request.quality().isBlank()) {
            lines.add(request.quality().strip());
        }
        lines.add(DATE.format(signingTime.atZone(PARIS)));
        if (request.onBehalfOf() != null) {
            lines.add("En l'absence de " + request.onBehalfOf());
        }
        return String.join("\n", lines);
    }

    /** A concrete area on an existing page: the tag's next free occurrence, or the fallback. */
    Placement.Area resolve(byte[] pdf, Placement placement) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Placement.Area area;
            if (placement instanceof Placement.Tag tag) {
                TagLocator.Occurrence o = TagLocator.firstFree(doc, tag.tag());
                area = o != null ? new Placement.Area(o.page(), o.x(), Math.max(0, o.top() - 2), fallback.width(),
                        fallback.height()) : tag.fallback() != null ? tag.fallback() : configuredFallback();
            } else {
                area = (Placement.Area) placement;
            }
            int pages = doc.getNumberOfPages();
            int page = area.page() == -1 ? pages : area.page();
            if (page > pages) {
                throw new IllegalArgumentException("Le document n'a que " + pages + " page(s) : impossible de placer "
                        + "la signature en page " + page + ".");
            }
            PDRectangle box = doc.getPage(page - 1).getMediaBox();
            float width = Math.min(area.width(), box.getWidth() - 2 * MARGIN);
            float height = Math.min(area.height(), box.getHeight() - 2 * MARGIN);
            float x = Math.max(MARGIN, Math.min(area.x(), box.getWidth() - width - MARGIN));
            float y = Math.max(MARGIN, Math.min(area.y(), box.getHeight() - height - MARGIN));
            return free(doc, new Placement.Area(page, x, y, width, height), placement instanceof Placement.Tag);
        } catch (IOException e) {
            throw new IllegalArgumentException("Le document PDF est illisible : " + e.getMessage(), e);
        }
    }

    /**
     * The area itself if no signature is there yet; for a tag's fallback, the nearest free slot above
     * it (blocks stack upwards); an explicit area that overlaps a signature is refused.
     */
    private static Placement.Area free(PDDocument doc, Placement.Area area, boolean mayMove) throws IOException {
        List<Placement.Area> taken = TagLocator.signatureAreas(doc, area.page());
        Placement.Area candidate = area;
        while (candidate.y() >= MARGIN) {
            Placement.Area c = candidate;
            if (taken.stream().noneMatch(t -> TagLocator.overlaps(t, c))) {
                return candidate;
            }
            float above = c.y() - c.height() - 8;
            if (!mayMove || above < MARGIN) {
                break;
            }
            candidate = new Placement.Area(c.page(), c.x(), above, c.width(), c.height());
        }
        throw new IllegalArgumentException(mayMove
                ? "Plus de place libre pour une signature visible en page " + area.page() + "."
                : "La zone de signature demandée chevauche une signature existante en page " + area.page() + ".");
    }

    private Placement.Area configuredFallback() {
        return new Placement.Area(fallback.page(), fallback.x(), fallback.y(), fallback.width(), fallback.height());
    }

    private static DSSFileFont font() {
        try (InputStream in = SignatureAppearance.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("The font /fonts/DejaVuSans.ttf is missing from the class path");
            }
            DSSFileFont font = new DSSFileFont(new InMemoryDocument(in.readAllBytes(), "DejaVuSans.ttf"));
            font.setEmbedFontSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
