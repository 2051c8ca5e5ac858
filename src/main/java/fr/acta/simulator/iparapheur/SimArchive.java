package fr.acta.simulator.iparapheur;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * The folder's ZIP as the i-Parapheur v5 lays it out, and the bordereau inside it. The simulator does
 * not sign: "signed" documents are the uploaded ones, unchanged, and the bordereau says so.
 */
final class SimArchive {

    static final String PREMIS = "i_Parapheur_internal_premis.xml";
    private static final Pattern PDF_HEADER = Pattern.compile("%PDF-(\\d\\.\\d)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private SimArchive() {
    }

    /** {@code i_Parapheur_internal_premis.xml}, {@code Documents principaux/}, {@code Annexes/}, {@code <name>_bordereau.pdf}. */
    static byte[] zip(SimFolder f, byte[] premis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, PREMIS, premis);
            for (SimFolder.Document d : f.documents) {
                put(zip, (d.main() ? "Documents principaux/" : "Annexes/") + d.name(), d.content());
            }
            put(zip, entryName(f.name) + "_bordereau.pdf", bordereau(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A folder name as a ZIP entry at the root: no path separators. */
    static String entryName(String name) {
        return name.replace('/', '_').replace('\\', '_');
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** The PDF version from the header ({@code %PDF-1.7} → 1.7), or null for another format. */
    static String pdfVersion(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = PDF_HEADER.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** One A4 page (or more) listing the folder, its circuit and its documents. */
    static byte[] bordereau(SimFolder f) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"B", "Bordereau de signature"});
        lines.add(new String[] {"I", "Produit par le simulateur i-Parapheur d'Acta. Le simulateur ne signe pas : "});
        lines.add(new String[] {"I", "aucune signature électronique n'a été apposée sur les documents de ce dossier."});
        lines.add(new String[] {"", ""});
        lines.add(new String[] {"", "Dossier : " + f.name});
        lines.add(new String[] {"", "Identifiant : " + f.id});
        lines.add(new String[] {"", "Type / sous-type : " + f.type.name() + " / " + f.subtype.name()});
        if (f.dueDate != null) {
            lines.add(new String[] {"", "Date limite : " + f.dueDate});
        }
        lines.add(new String[] {"", "État : " + switch (f.status) {
            case DRAFT -> "brouillon";
            case PENDING -> "en cours";
            case FINISHED -> "terminé";
            case REJECTED -> "rejeté";
        }});
        lines.add(new String[] {"", ""});
        lines.add(new String[] {"B", "Circuit"});
        String origin = SimFixtures.desk(f.originDeskId).map(SimFixtures.Desk::name).orElse(f.originDeskId);
        lines.add(new String[] {"", line(f.startedAt, "Démarrage", origin, null)});
        for (SimFolder.Task t : f.tasks) {
            SimFixtures.Desk desk = SimFixtures.desk(t.deskId).orElseThrow();
            String action = t.rejected ? "Rejet" : switch (t.action) {
                case "VISA" -> "Visa";
                case "SIGNATURE" -> "Signature (simulée, non cryptographique)";
                default -> t.action;
            };
            lines.add(new String[] {"", line(t.doneAt, action, desk.name(), desk.holderName())});
            if (t.annotation != null) {
                lines.add(new String[] {"I", "    Motif : " + t.annotation});
            }
        }
        lines.add(new String[] {"", ""});
        lines.add(new String[] {"B", "Documents"});
        for (SimFolder.Document d : f.documents) {
            lines.add(new String[] {"", (d.main() ? "Principal : " : "Annexe : ") + d.name()});
            lines.add(new String[] {"S", "    SHA-256 " + d.sha256()});
        }
        return render(lines);
    }

    private static String line(Instant at, String action, String desk, String person) {
        return (at == null ? "en attente      " : DATE.format(at)) + "  " + action + " - " + desk
                + (person == null || at == null ? "" : " (" + person + ")");
    }

    private static byte[] render(List<String[]> lines) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font regular = new PDType1Font(FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
            PDType1Font italic = new PDType1Font(FontName.HELVETICA_OBLIQUE);
            PDPageContentStream cs = null;
            float y = 0;
            for (String[] l : lines) {
                if (cs == null || y < 60) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = PDRectangle.A4.getHeight() - 60;
                }
                PDType1Font font = switch (l[0]) {
                    case "B" -> bold;
                    case "I" -> italic;
                    default -> regular;
                };
                float size = "B".equals(l[0]) ? 13 : "S".equals(l[0]) ? 8 : 10;
                if (!l[1].isEmpty()) {
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.newLineAtOffset(50, y);
                    cs.showText(winAnsi(font, l[1]));
                    cs.endText();
                }
                y -= size + 6;
            }
            if (cs != null) {
                cs.close();
            }
            doc.getDocumentInformation().setTitle("Bordereau de signature (simulateur, non signé)");
            doc.getDocumentInformation().setProducer("Acta - simulateur i-Parapheur");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters the standard font cannot draw become '?'. */
    private static String winAnsi(PDType1Font font, String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
