package fr.acta.simulator.prefecture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;

/**
 * The PDFs the sandbox makes: the bordereau d'acquittement, the préfecture's letters, and the stamp
 * ("tampon") S²LOW puts on the first page of an acknowledged act.
 */
final class SandboxPdfs {

    private SandboxPdfs() {
    }

    /** A one-page document: a title then lines of text (long lines are wrapped). */
    static byte[] text(String title, List<String> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(bold, 15);
                cs.newLineAtOffset(56, 780);
                cs.showText(latin(title));
                cs.setFont(regular, 10);
                cs.setLeading(15);
                cs.newLine();
                cs.newLine();
                for (String line : wrap(lines, 95)) {
                    cs.showText(latin(line));
                    cs.newLine();
                }
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The act with S²LOW's stamp on its first page: sent and received dates, publication date when
     * given, and the IDActe. A PDF that cannot be opened (encrypted, damaged) comes back unchanged.
     */
    static byte[] stamp(byte[] pdf, List<String> lines) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (doc.isEncrypted() || doc.getNumberOfPages() == 0) {
                return pdf;
            }
            PDPage page = doc.getPage(0);
            PDRectangle box = page.getCropBox();
            float width = 210;
            float height = 14 + 11 * lines.size();
            float x = box.getUpperRightX() - width - 12;
            float y = box.getUpperRightY() - height - 12;
            PDType1Font font = new PDType1Font(FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs.setNonStrokingColor(new PDColor(new float[] {1f, 1f, 1f}, PDDeviceRGB.INSTANCE));
                cs.setStrokingColor(new PDColor(new float[] {0.1f, 0.2f, 0.6f}, PDDeviceRGB.INSTANCE));
                cs.addRect(x, y, width, height);
                cs.fillAndStroke();
                cs.setNonStrokingColor(new PDColor(new float[] {0.1f, 0.2f, 0.6f}, PDDeviceRGB.INSTANCE));
                cs.beginText();
                cs.setFont(font, 8);
                cs.setLeading(11);
                cs.newLineAtOffset(x + 6, y + height - 12);
                for (String line : lines) {
                    cs.showText(latin(line));
                    cs.newLine();
                }
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return pdf;
        }
    }

    private static List<String> wrap(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rest = line == null ? "" : line;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            out.add(rest);
        }
        return out;
    }

    /** Keeps what the standard fonts can show (WinAnsi); anything else becomes '?'. */
    private static String latin(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : (c < 0x20 || c > 0xFF) && c != '€' && c != '’'
                    && c != '«' && c != '»' ? '?' : c);
        }
        return b.toString();
    }
}
