package fr.acta.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/** Writes the bordereau de signature as a PDF (A4, French), with an embedded font when one is shipped. */
@Component
public class BordereauWriter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm:ss")
            .withZone(ZoneId.of("Europe/Paris"));
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    public byte[] write(Bordereau b) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = font(pdf, "/fonts/DejaVuSans.ttf", Standard14Fonts.FontName.HELVETICA);
            PDFont bold = font(pdf, "/fonts/DejaVuSans-Bold.ttf", Standard14Fonts.FontName.HELVETICA_BOLD);
            Writer w = new Writer(pdf);
            w.line(bold, 16, "Bordereau de signature");
            w.line(regular, 10, b.collectivite());
            w.gap(8);
            w.line(bold, 11, "Acte");
            w.line(regular, 10, "Objet : " + b.title());
            w.line(regular, 10, "Numéro : " + b.number() + "   Nature : " + b.nature());
            w.line(regular, 10, "Identifiant @ctes : " + b.idActe());
            w.line(regular, 10, "Document : " + b.documentName());
            w.line(regular, 9, "SHA-256 : " + (b.documentSha256() == null ? "-" : b.documentSha256()));
            w.gap(8);
            w.line(bold, 11, "Étapes du circuit");
            for (Bordereau.Line l : b.lines()) {
                w.gap(4);
                w.line(bold, 10, WHEN.format(l.at()) + " — " + l.decision() + " — bureau " + l.desk());
                w.line(regular, 10, "Par : " + l.person()
                        + (l.absentDesk() == null ? "" : " (en l'absence du bureau " + l.absentDesk() + ")"));
                if (l.annotation() != null) {
                    w.line(regular, 10, "Annotation : " + l.annotation());
                }
                if (l.certificateSubject() != null) {
                    w.line(regular, 9, "Certificat : " + l.certificateSubject());
                    w.line(regular, 9, "Émetteur : " + l.certificateIssuer() + " — n° de série " + l.certificateSerial());
                }
            }
            w.gap(12);
            w.line(regular, 8, "Produit par Acta le " + WHEN.format(b.producedAt()) + ".");
            w.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bordereau", e);
        }
    }

    private static PDFont font(PDDocument pdf, String resource, Standard14Fonts.FontName fallback) throws IOException {
        try (InputStream in = BordereauWriter.class.getResourceAsStream(resource)) {
            return in == null ? new PDType1Font(fallback) : PDType0Font.load(pdf, in);
        }
    }

    /** A minimal flowing text writer: wraps lines to the page width, adds pages as needed. */
    private static final class Writer {
        private final PDDocument pdf;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            newPage();
        }

        void line(PDFont font, float size, String text) throws IOException {
            for (String part : wrap(font, size, text == null ? "" : text.replace('\n', ' ').replace('\r', ' '))) {
                if (y < MARGIN + size) {
                    newPage();
                }
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(part);
                content.endText();
                y -= size * 1.4f;
            }
        }

        void gap(float points) {
            y -= points;
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }
}
