package fr.acta.prefecture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The "Reçu en préfecture" stamp on a copy of a transmitted document. The stamp is a rubber-stamp
 * annotation added to the first page in an incremental update: the bytes of the original, and so
 * every signature it carries, stay exactly as they were, and the stamp can be told apart from the
 * signed content by anyone who checks the revisions.
 */
final class PrefectureStamp {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float WIDTH = 270;
    private static final float HEIGHT = 46;
    private static final float MARGIN = 18;

    private PrefectureStamp() {
    }

    static List<String> lines(String prefectureName, LocalDate receivedAt, String idActe) {
        return List.of("Reçu en préfecture" + (prefectureName == null ? "" : " " + prefectureName)
                + " le " + DATE.format(receivedAt), "ID : " + idActe);
    }

    /** A copy of {@code pdf} with the stamp; {@code pdf} itself is not changed. */
    static byte[] stamp(byte[] pdf, List<String> lines) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(0);
            PDRectangle box = page.getCropBox();
            PDRectangle where = new PDRectangle(box.getUpperRightX() - WIDTH - MARGIN,
                    box.getUpperRightY() - HEIGHT - MARGIN, WIDTH, HEIGHT);
            PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
            stamp.setRectangle(where);
            stamp.setContents(String.join(" — ", lines));
            stamp.setPrinted(true);
            stamp.setLocked(true);
            stamp.setReadOnly(true);
            stamp.setAnnotationName("acta-recu-en-prefecture");
            stamp.setAppearance(appearance(doc, lines));

            COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
            if (annotations == null) {
                annotations = new COSArray();
                page.getCOSObject().setItem(COSName.ANNOTS, annotations);
            }
            annotations.add(stamp.getCOSObject());
            annotations.setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            stamp.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            byte[] stamped = out.toByteArray();
            if (stamped.length <= pdf.length) {
                throw new IllegalStateException("The stamp was not written");
            }
            return stamped;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stamp the document", e);
        }
    }

    private static PDAppearanceDictionary appearance(PDDocument doc, List<String> lines) throws IOException {
        PDAppearanceStream normal = new PDAppearanceStream(doc);
        normal.setBBox(new PDRectangle(WIDTH, HEIGHT));
        normal.setResources(new PDResources());
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDColor blue = new PDColor(new float[] {0.05f, 0.2f, 0.55f}, PDDeviceRGB.INSTANCE);
        try (PDPageContentStream cs = new PDPageContentStream(doc, normal)) {
            cs.setStrokingColor(blue);
            cs.setNonStrokingColor(blue);
            cs.setLineWidth(1.2f);
            cs.addRect(1, 1, WIDTH - 2, HEIGHT - 2);
            cs.stroke();
            float y = HEIGHT - 18;
            for (int i = 0; i < lines.size(); i++) {
                cs.beginText();
                cs.setFont(i == 0 ? bold : regular, i == 0 ? 10 : 9);
                cs.newLineAtOffset(8, y);
                cs.showText(lines.get(i));
                cs.endText();
                y -= 15;
            }
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(normal);
        return dictionary;
    }

    /** Whether a document carries Acta's stamp (for tests and for not stamping twice). */
    static boolean isStamped(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDAnnotation a : doc.getPage(0).getAnnotations()) {
                if ("acta-recu-en-prefecture".equals(a.getAnnotationName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
