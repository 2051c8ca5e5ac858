package fr.acta.signature;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds where a text tag such as {@code #signature#} is printed, and which of its occurrences are
 * already covered by a signature field, so that each new signature takes the next free one.
 * Positions are from the page's top-left corner, in points.
 */
final class TagLocator {

    /** One printed occurrence of a tag: page from 1, top-left corner, size. */
    record Occurrence(int page, float x, float top, float width, float height) {
    }

    private TagLocator() {
    }

    /** The first occurrence of {@code tag} not covered by an existing signature field, or null. */
    static Occurrence firstFree(PDDocument doc, String tag) throws IOException {
        List<Occurrence> all = occurrences(doc, tag);
        for (Occurrence o : all) {
            if (!covered(doc, o)) {
                return o;
            }
        }
        return null;
    }

    static List<Occurrence> occurrences(PDDocument doc, String tag) throws IOException {
        List<Occurrence> found = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                StringBuilder chars = new StringBuilder();
                List<TextPosition> owner = new ArrayList<>();
                for (TextPosition p : positions) {
                    for (char c : p.getUnicode().toCharArray()) {
                        chars.append(c);
                        owner.add(p);
                    }
                }
                for (int i = chars.indexOf(tag); i >= 0; i = chars.indexOf(tag, i + tag.length())) {
                    TextPosition first = owner.get(i);
                    TextPosition last = owner.get(i + tag.length() - 1);
                    float height = Math.max(first.getHeightDir(), first.getFontSizeInPt() * 0.8f);
                    found.add(new Occurrence(getCurrentPageNo(), first.getXDirAdj(), first.getYDirAdj() - height,
                            last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj(), height));
                }
            }
        };
        stripper.setSortByPosition(true);
        stripper.getText(doc);
        return found;
    }

    /** The signature fields already on a page (page from 1), as areas measured from the top-left. */
    static List<Placement.Area> signatureAreas(PDDocument doc, int page) throws IOException {
        PDPage p = doc.getPage(page - 1);
        float height = p.getMediaBox().getHeight();
        List<Placement.Area> areas = new ArrayList<>();
        for (PDAnnotation a : p.getAnnotations()) {
            PDRectangle r = a.getRectangle();
            if (isSignatureWidget(a.getCOSObject()) && r != null && r.getWidth() > 0 && r.getHeight() > 0) {
                areas.add(new Placement.Area(page, r.getLowerLeftX(), Math.max(0, height - r.getUpperRightY()),
                        r.getWidth(), r.getHeight()));
            }
        }
        return areas;
    }

    static boolean overlaps(Placement.Area a, Placement.Area b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    /** Whether a signature widget on the occurrence's page contains the occurrence's centre. */
    private static boolean covered(PDDocument doc, Occurrence o) throws IOException {
        PDPage page = doc.getPage(o.page() - 1);
        float height = page.getMediaBox().getHeight();
        Point2D.Float centre = new Point2D.Float(o.x() + o.width() / 2, height - (o.top() + o.height() / 2));
        for (PDAnnotation a : page.getAnnotations()) {
            if (isSignatureWidget(a.getCOSObject())) {
                PDRectangle r = a.getRectangle();
                if (r != null && r.contains(centre.x, centre.y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSignatureWidget(COSDictionary annotation) {
        if (!COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE))) {
            return false;
        }
        COSName type = annotation.getCOSName(COSName.FT);
        if (type == null && annotation.getCOSDictionary(COSName.PARENT) != null) {
            type = annotation.getCOSDictionary(COSName.PARENT).getCOSName(COSName.FT);
        }
        return COSName.SIG.equals(type);
    }
}
