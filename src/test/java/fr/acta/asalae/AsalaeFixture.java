package fr.acta.asalae;

import fr.acta.seda.ObjectRole;
import fr.acta.seda.RulesReferential;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaTransferBuilder;
import fr.acta.seda.SedaTransferRequest;
import fr.acta.seda.SedaVersion;
import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Transfers built by {@code fr.acta.seda}, as the lifecycle's archiving stage will build them. */
final class AsalaeFixture {

    static final String AGENCY = "ACTA-demo";
    private static final LocalDate DECISION = LocalDate.of(2025, 6, 2);
    private static final SedaTransferBuilder BUILDER = new SedaTransferBuilder();

    private AsalaeFixture() {
    }

    /** An arrêté's transfer: its signed PDF and an annex, unique to {@code messageId}. */
    static SedaTransfer transfer(String messageId, SedaVersion version) {
        List<SedaTransferRequest.DataObject> objects = List.of(
                new SedaTransferRequest.DataObject(ObjectRole.SIGNED_ACT, null, "arrêté signé.pdf",
                        SamplePdfs.arrete("Valmont-sur-Saône", messageId, "Stationnement " + messageId)),
                new SedaTransferRequest.DataObject(ObjectRole.ANNEX, "Plan", "plan.pdf",
                        SamplePdfs.annex("Plan " + messageId, 1)),
                new SedaTransferRequest.DataObject(ObjectRole.HISTORY, null, "historique.json",
                        ("[{\"acte\":\"" + messageId + "\"}]").getBytes(StandardCharsets.UTF_8)));
        SedaTransferRequest request = new SedaTransferRequest(messageId, "IC-000001", "FRAD069", AGENCY,
                new SedaTransferRequest.OriginatingAgency("210690004", "Commune de Valmont-sur-Saône"),
                new SedaTransferRequest.Act("Arrêté " + messageId + " réglementant le stationnement", "AR", "6.1",
                        "Police municipale", "AR_" + messageId.replaceAll("\\W", "_")
                        .substring(0, Math.min(10, messageId.length())), DECISION, null, null, null, null),
                RulesReferential.defaults().rulesFor("AR", "6.1", DECISION), objects);
        return BUILDER.build(request, version);
    }

    /** The package's ZIP with one byte of the entry {@code path} flipped. */
    static byte[] damaged(byte[] zip, String path) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    if (e.getName().equals(path)) {
                        content[content.length / 2] ^= 0x01;
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
