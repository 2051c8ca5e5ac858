package fr.acta.seda;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/** Files and requests the SEDA tests are made of, all built here. */
final class SedaSamples {

    static final LocalDate DECISION = LocalDate.of(2025, 3, 12);
    static final String ID_ACTE = "069-210690004-20250312-DEL_2025_014-DE";

    private SedaSamples() {
    }

    /** A one-page PDF whose header says {@code version}. */
    static byte[] pdf(float version) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            return header(save(doc), version);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF 1.4 whose XMP metadata claims PDF/A-{part}{conformance}, written by xmpbox as elements. */
    static byte[] pdfa(int part, String conformance) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(part);
            id.setConformance(conformance);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            return header(withXmp(doc, out.toByteArray()), 1.4f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF whose XMP packet is {@code xmp} as given (e.g. the attribute form of pdfaid). */
    static byte[] pdfWithXmp(String xmp) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            return header(withXmp(doc, xmp.getBytes(StandardCharsets.UTF_8)), 1.7f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the {@code %PDF-x.y} header in place (same length, so the offsets stay right). */
    private static byte[] header(byte[] pdf, float version) {
        byte[] v = String.format(java.util.Locale.ROOT, "%.1f", version).getBytes(StandardCharsets.ISO_8859_1);
        if (!new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalStateException("no PDF header");
        }
        System.arraycopy(v, 0, pdf, 5, 3);
        return pdf;
    }

    private static byte[] withXmp(PDDocument doc, byte[] xmp) throws IOException {
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp);
        doc.getDocumentCatalog().setMetadata(metadata);
        return save(doc);
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A real PNG with one more chunk of {@code type} right after IHDR (CRC included). */
    static byte[] pngWithChunk(String type, byte[] data) {
        byte[] png = image("png");
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16),
                (byte) (data.length >>> 8), (byte) data.length});
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    static byte[] arActe() {
        return ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<actes:ARActe "
                + "xmlns:actes=\"http://www.interieur.gouv.fr/ACTES#v1.1-20040216\" actes:IDActe=\"" + ID_ACTE
                + "\" actes:DateReception=\"2025-03-15\"/>\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static SedaTransferRequest.Act act() {
        return new SedaTransferRequest.Act("Délibération relative à l'éclairage public — tranche 2", "DE", "9.1",
                "Autres domaines de compétences des communes", "DEL_2025_014", DECISION, ID_ACTE,
                LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 15), "7b0c6f1e-2f4b-4a8e-9a51-3c1d2e4f5a6b");
    }

    /** The files of a délibération that went through the whole chain. */
    static List<SedaTransferRequest.DataObject> objects() {
        List<SedaTransferRequest.DataObject> objects = new ArrayList<>();
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.SIGNED_ACT, null, "délibération signée.pdf",
                pdfa(1, "B")));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.ANNEX, "Plan de financement",
                "annexe 1 — plan.pdf", pdf(1.4f)));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.ANNEX, null, "tableau.png", image("png")));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.SIGNATURE_BORDEREAU, null, "bordereau.pdf",
                pdf(1.7f)));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.VALIDATION_REPORT, null, "rapport-etsi.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ValidationReport/>\n".getBytes(StandardCharsets.UTF_8)));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.ACTES_PACKAGE, null,
                "ACT-EACT--210690004--20250314-1.tar.gz", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3}));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.ARACTE, null, "ARActe.xml", arActe()));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.STAMPED_COPY, null, "copie tamponnée.pdf",
                pdf(1.6f)));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.HISTORY, null, "historique.json",
                "[{\"date\":\"2025-03-12\",\"événement\":\"SIGNED\"}]".getBytes(StandardCharsets.UTF_8)));
        return objects;
    }

    static SedaTransferRequest request(List<SedaTransferRequest.DataObject> objects, ManagementRules rules) {
        return new SedaTransferRequest("ACTA-demo-2025-0001", "IC-000001", "FRAD069", "ACTA-demo",
                new SedaTransferRequest.OriginatingAgency("210690004", "Commune de Valmont-sur-Saône"), act(),
                rules, objects);
    }

    static SedaTransferRequest request() {
        return request(objects(), RulesReferential.defaults().rulesFor("DE", "9.1", DECISION));
    }
}
