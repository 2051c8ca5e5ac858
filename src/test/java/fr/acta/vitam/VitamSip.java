package fr.acta.vitam;

import fr.acta.seda.ObjectRole;
import fr.acta.seda.RulesReferential;
import fr.acta.seda.SedaTransferRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** SEDA transfers for the Vitam tests, built here. */
final class VitamSip {

    static final LocalDate DECISION = LocalDate.of(2025, 3, 12);
    static final String OBJET = "Délibération relative à l'éclairage public de la place du marché";

    private VitamSip() {
    }

    static byte[] pdf() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] history() {
        return "[{\"date\":\"2025-03-12\",\"événement\":\"SIGNED\"}]".getBytes(StandardCharsets.UTF_8);
    }

    static SedaTransferRequest request(String messageIdentifier, byte[] pdf) {
        return new SedaTransferRequest(messageIdentifier, "IC-000001", "FRAD069", "ACTA-demo",
                new SedaTransferRequest.OriginatingAgency("210690004", "Commune de Valmont-sur-Saône"),
                new SedaTransferRequest.Act(OBJET, "DE", "9.1", "Autres domaines de compétences des communes",
                        "DEL_2025_014", DECISION, null, null, null, null),
                RulesReferential.defaults().rulesFor("DE", "9.1", DECISION),
                List.of(new SedaTransferRequest.DataObject(ObjectRole.SIGNED_ACT, "Acte signé", "délibération.pdf", pdf),
                        new SedaTransferRequest.DataObject(ObjectRole.HISTORY, null, "historique.json", history())));
    }

    /** The ZIP with each entry's bytes passed through {@code change} (given the entry's name first). */
    static byte[] rewrite(byte[] zip, String entry, UnaryOperator<byte[]> change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals(entry) ? change.apply(bytes) : bytes);
                z.closeEntry();
            }
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toByteArray();
    }
}
