package fr.acta.testdata;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.springframework.util.function.ThrowingConsumer;
import org.springframework.util.function.ThrowingSupplier;

/**
 * Fictional but realistic French municipal documents, plus hostile files, for tests and demos. Output is
 * deterministic except for the encrypted samples (PDFBox draws random keys). PDF text uses the standard 14 fonts,
 * hence WinAnsi: curly quotes, the oe ligature and no-break spaces are mapped, other unknown characters become '?'.
 */
public final class SamplePdfs {

    // One entry per line: "# " title, "= " centred bold, "- " centred, "! " bold, "~ " small italic, empty line =
    // vertical gap, anything else = paragraph. Placeholders: {T} town, {U} town in capitals, {N} number, {S} subject.
    private static final String HEADER = "! RÉPUBLIQUE FRANÇAISE\n! COMMUNE DE {U}\n\n";
    private static final String SIGNATURE = "\nFait à {T}, le 12 novembre 2026\n! Le Maire,\nJean Dupont\n\n"
            + "~ Acte certifié exécutoire après transmission au représentant de l'Etat et publication.";
    private static final String DELIBERATION = HEADER + """
            = EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
            # Délibération n° {N}
            - Séance du conseil municipal du 12 novembre 2026

            Nombre de conseillers en exercice : 19 - présents : 15 - votants : 17 (dont 2 pouvoirs).
            L'an deux mille vingt-six, le douze novembre à dix-neuf heures, le conseil municipal de la commune de {T}, \
            légalement convoqué le 5 novembre 2026, s'est réuni en séance publique à la mairie, sous la présidence de \
            M. Jean Dupont, Maire. Secrétaire de séance : Mme Claire Martin.
            ! Objet : {S}

            Le conseil municipal,
            Vu le code général des collectivités territoriales, et notamment son article L. 2121-29 ;
            Vu l'avis de la commission des finances réunie le 3 novembre 2026 ;
            Considérant l'intérêt pour la commune de se prononcer sur le projet présenté ;
            Après en avoir délibéré, à l'unanimité des suffrages exprimés,
            = DÉCIDE :
            Article 1 : Approuve le projet ayant pour objet : {S}, tel qu'annexé à la présente.
            Article 2 : Autorise le Maire à signer toute pièce nécessaire à l'exécution de la présente délibération.
            Article 3 : La présente délibération peut faire l'objet d'un recours devant le tribunal administratif dans \
            un délai de deux mois à compter de sa publication et de sa transmission au représentant de l'Etat.
            """ + SIGNATURE;
    private static final String ARRETE = HEADER + """
            # Arrêté n° {N}
            = Objet : {S}

            Le Maire de {T},
            Vu le code général des collectivités territoriales, et notamment ses articles L. 2212-1 et L. 2213-1 ;
            Vu le code de la route, et notamment ses articles R. 411-8 et R. 411-25 ;
            Vu l'arrêté interministériel du 24 novembre 1967 modifié relatif à la signalisation des routes et autoroutes ;
            Considérant qu'il appartient au Maire d'assurer la sûreté et la commodité du passage sur les voies publiques ;
            = ARRÊTE
            Article 1 : {S}. Les dispositions du présent arrêté s'appliquent du 16 au 27 novembre 2026.
            Article 2 : La signalisation réglementaire sera mise en place et entretenue par les services techniques.
            Article 3 : Le directeur général des services et le commandant de la brigade de gendarmerie sont chargés, \
            chacun en ce qui le concerne, de l'exécution du présent arrêté, qui peut faire l'objet d'un recours devant \
            le tribunal administratif dans un délai de deux mois à compter de sa publication.
            """ + SIGNATURE;
    private static final String[] POSTES = {"Terrassement", "Canalisations", "Voirie et réseaux", "Maîtrise d'oeuvre",
        "Etudes géotechniques", "Signalisation", "Espaces verts", "Eclairage public", "Coordination SPS"};
    private static final GregorianCalendar DATE = GregorianCalendar.from(
            ZonedDateTime.of(2026, 11, 12, 18, 30, 0, 0, ZoneId.of("Europe/Paris")));
    private static final String TOWN = "Valmont-sur-Saône";
    private static final float MARGIN = 60;

    private SamplePdfs() {
    }

    /** A délibération du conseil municipal, padded with a scanned-like image page up to ~targetBytes (±5 %). */
    public static byte[] deliberation(String commune, String number, String subject, int targetBytes) {
        byte[] best = withNoise(commune, number, subject, 0);
        long p0 = 0;
        long s0 = best.length;
        long p1 = Math.round((targetBytes - s0) / 2.8); // noise costs about 2.8 bytes per pixel once deflated
        for (int i = 0; i < 6 && p1 > 0 && Math.abs(best.length - targetBytes) > targetBytes / 100; i++) {
            best = withNoise(commune, number, subject, p1); // secant steps on the pixel count
            double perPixel = Math.max(0.5, (double) (best.length - s0) / Math.max(1, p1 - p0));
            p0 = p1;
            s0 = best.length;
            p1 = Math.max(1, Math.round(p1 + (targetBytes - best.length) / perPixel));
        }
        return best;
    }

    private static byte[] withNoise(String commune, String number, String subject, long noisePixels) {
        return build("Délibération n° " + number, commune, l -> {
            l.render(fill(DELIBERATION, commune, number, subject));
            if (noisePixels > 0) {
                l.newPage();
                l.render(fill("! Pièce numérisée jointe à la délibération n° {N}\n", commune, number, subject));
                int w = (int) Math.max(8, Math.min(800, Math.sqrt(noisePixels)));
                l.drawImage(picture(w, (int) Math.max(1, noisePixels / w), true));
            }
        });
    }

    /** An arrêté du maire (acte réglementaire). */
    public static byte[] arrete(String commune, String number, String subject) {
        return build("Arrêté n° " + number, commune, l -> l.render(fill(ARRETE, commune, number, subject)));
    }

    /** An annex of the given number of pages, each holding a "plan de financement"-like table of amounts. */
    public static byte[] annex(String title, int pages) {
        int n = Math.max(1, pages);
        Random rnd = new Random(title.hashCode());
        return build(title, "Services municipaux", l -> {
            for (int p = 1; p <= n; p++) {
                if (p > 1) {
                    l.newPage();
                }
                l.render("# " + oneLine(title) + "\n- Annexe - page " + p + " / " + n + "\n");
                l.row(true, "Poste", "Montant HT (€)", "TVA (€)", "Montant TTC (€)");
                long total = 0;
                for (int i = 1; i <= 14; i++) {
                    long ht = 100_000L + rnd.nextInt(9_000_000);
                    total += ht;
                    String label = "Lot " + ((p - 1) * 14 + i) + " - " + POSTES[(i + p) % POSTES.length];
                    l.row(false, label, money(ht), money(ht / 5), money(ht + ht / 5));
                }
                l.row(true, "TOTAL", money(total), money(total / 5), money(total + total / 5));
                l.render("\nFinancement : subvention DETR 35 %, conseil départemental 20 %, autofinancement 45 %.");
            }
        });
    }

    public static byte[] png(int w, int h) {
        return encodeImage(w, h, "png");
    }

    public static byte[] jpeg(int w, int h) {
        return encodeImage(w, h, "jpeg");
    }

    /** Needs the user password "secret" (owner password "proprietaire"); AES 128 bits. */
    public static byte[] encryptedPdf() {
        return encrypt(arrete(TOWN, "2026_ARR_900", "Document confidentiel"), "secret");
    }

    /** Opens without a password but is encrypted (owner password "proprietaire", no modification allowed). */
    public static byte[] ownerOnlyEncryptedPdf() {
        return encrypt(arrete(TOWN, "2026_ARR_901", "Document protégé"), "");
    }

    /** The first 60 % of a valid ~20 KB PDF. */
    public static byte[] truncatedPdf() {
        byte[] pdf = deliberation(TOWN, "2026_DEL_900", "Délibération tronquée", 20_000);
        return Arrays.copyOf(pdf, pdf.length * 6 / 10);
    }

    /** An ELF64 x86-64 executable header plus filler, meant to be uploaded under a .pdf name. */
    public static byte[] executableNamedPdf() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0, 0x78, 0, 0x40};
        return Arrays.copyOf(elf, 232);
    }

    /** A valid small PDF with a real ZIP archive (one file) appended after %%EOF. */
    public static byte[] pdfZipPolyglot() {
        return ThrowingSupplier.of(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(arrete(TOWN, "2026_ARR_902", "Document polyglotte"));
            out.write('\n');
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntry entry = new ZipEntry("payload.txt");
                entry.setTime(DATE.getTimeInMillis());
                zip.putNextEntry(entry);
                zip.write("Contenu caché dans une archive ZIP\n".getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        }).get();
    }

    public static byte[] emptyFile() {
        return new byte[0];
    }

    public static byte[] textFile() {
        return "Bonjour\n".getBytes(StandardCharsets.UTF_8);
    }

    /** New document with a fixed ID and metadata, filled by body and saved by {@link #save}. */
    private static byte[] build(String title, String author, ThrowingConsumer<Layout> body) {
        return ThrowingSupplier.of(() -> {
            try (PDDocument doc = new PDDocument()) {
                doc.setDocumentId(20261112L);
                doc.getDocumentInformation().setTitle(oneLine(title));
                doc.getDocumentInformation().setAuthor(oneLine(author));
                doc.getDocumentInformation().setCreationDate(DATE);
                Layout l = new Layout(doc);
                body.accept(l);
                l.cs.close();
                return save(doc);
            }
        }).get();
    }

    /** Saves without the end-of-line PDFBox writes after %%EOF, so the bytes literally end with it. */
    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        byte[] b = out.toByteArray();
        return b[b.length - 1] == '\n' ? Arrays.copyOf(b, b.length - 1) : b;
    }

    private static byte[] encrypt(byte[] pdf, String userPassword) {
        return ThrowingSupplier.of(() -> {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                AccessPermission permissions = new AccessPermission();
                permissions.setCanModify(false);
                StandardProtectionPolicy policy = new StandardProtectionPolicy("proprietaire", userPassword, permissions);
                policy.setEncryptionKeyLength(128);
                policy.setPreferAES(true);
                doc.protect(policy);
                return save(doc);
            }
        }).get();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String fill(String markup, String commune, String number, String subject) {
        String town = oneLine(commune).replaceFirst("(?i)^commune de ", "");
        return markup.replace("{U}", town.toUpperCase(Locale.FRENCH)).replace("{T}", town)
                .replace("{N}", oneLine(number)).replace("{S}", oneLine(subject));
    }

    private static String money(long cents) {
        return String.format(Locale.FRANCE, "%,.2f", cents / 100.0);
    }

    /** A small bar chart on a gradient, or (noise) an almost incompressible scan-like texture. */
    private static BufferedImage picture(int w, int h, boolean noise) {
        Random rnd = new Random(42);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = x * 127 / w + (noise ? rnd.nextInt(128) : y * 127 / h);
                int bar = x * 9 / w;
                boolean dark = !noise && bar % 2 == 1 && y > h - h * (bar + 1) / 10;
                img.setRGB(x, y, dark ? 0x1F3B5C : g << 16 | (255 - g) << 8 | (noise ? 64 + rnd.nextInt(128) : 0xC0));
            }
        }
        return img;
    }

    private static byte[] encodeImage(int w, int h, String format) {
        return ThrowingSupplier.of(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(w, h, false), format, out);
            return out.toByteArray();
        }).get();
    }

    /** Minimal top-down layout on A4 pages: markup with word wrap and page breaks, table rows, images. */
    private static final class Layout {
        private static final float[] COLUMNS = {MARGIN, 270, 370, 450, 535};
        private final PDDocument doc;
        private final PDFont regular = new PDType1Font(FontName.HELVETICA);
        private final PDFont bold = new PDType1Font(FontName.HELVETICA_BOLD);
        private final PDFont italic = new PDType1Font(FontName.HELVETICA_OBLIQUE);
        private final float width = PDRectangle.A4.getWidth();
        private PDPageContentStream cs;
        private float y;

        Layout(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void render(String markup) throws IOException {
            for (String line : markup.split("\n", -1)) {
                String t = line.length() > 2 ? line.substring(2) : "";
                switch (line.isEmpty() ? ' ' : line.charAt(0)) {
                    case '#' -> write(t, bold, 16, true);
                    case '=' -> write(t, bold, 12, true);
                    case '-' -> write(t, regular, 12, true);
                    case '!' -> write(t, bold, 11, false);
                    case '~' -> write(t, italic, 8, false);
                    case ' ' -> y -= 10;
                    default -> write(line, regular, 11, false);
                }
            }
        }

        /** Writes text wrapped to the page width, then a small gap. */
        private void write(String text, PDFont font, float size, boolean center) throws IOException {
            String current = "";
            for (String word : (winAnsi(text, font) + " \n").split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (word.equals("\n") || font.getStringWidth(candidate) / 1000 * size > width - 2 * MARGIN) {
                    if (y - size * 1.3f < MARGIN) {
                        newPage();
                    }
                    y -= size * 1.3f;
                    float lineWidth = font.getStringWidth(current) / 1000 * size;
                    text(current, font, size, center ? (width - lineWidth) / 2 : MARGIN, y);
                    candidate = word;
                }
                current = candidate;
            }
            y -= 4;
        }

        private void text(String s, PDFont font, float size, float x, float ty) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, ty);
            cs.showText(s);
            cs.endText();
        }

        /** One bordered table row: first cell left-aligned, the others (amounts) right-aligned. */
        void row(boolean strong, String... cells) throws IOException {
            PDFont font = strong ? bold : regular;
            for (int c = 0; c < cells.length; c++) {
                String s = winAnsi(cells[c], font);
                float x = c == 0 ? COLUMNS[0] + 4 : COLUMNS[c + 1] - 4 - font.getStringWidth(s) / 1000 * 9;
                text(s, font, 9, x, y - 13);
            }
            cs.addRect(COLUMNS[0], y - 18, COLUMNS[COLUMNS.length - 1] - COLUMNS[0], 18);
            for (int c = 1; c < COLUMNS.length - 1; c++) {
                cs.moveTo(COLUMNS[c], y);
                cs.lineTo(COLUMNS[c], y - 18);
            }
            cs.setLineWidth(0.6f);
            cs.stroke();
            y -= 18;
        }

        void drawImage(BufferedImage image) throws IOException {
            var img = LosslessFactory.createFromImage(doc, image);
            float scale = Math.min((width - 2 * MARGIN) / img.getWidth(), (y - MARGIN) / img.getHeight());
            y -= img.getHeight() * scale;
            cs.drawImage(img, MARGIN, y, img.getWidth() * scale, img.getHeight() * scale);
        }

        /** Maps curly quotes, the oe ligature and no-break spaces; replaces what WinAnsi cannot encode by '?'. */
        private static String winAnsi(String s, PDFont font) throws IOException {
            StringBuilder b = new StringBuilder();
            for (char c : s.replace("\u0153", "oe").replace("\u0152", "OE").replace('\u2019', '\'')
                    .replace('\u2018', '\'').replace('\u202F', ' ').replace('\u00A0', ' ').toCharArray()) {
                try {
                    font.encode(String.valueOf(c));
                    b.append(c);
                } catch (IllegalArgumentException e) {
                    b.append('?');
                }
            }
            return b.toString();
        }
    }
}
