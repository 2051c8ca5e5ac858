package fr.acta.sae;

import static org.awaitility.Awaitility.await;

import fr.acta.seda.ObjectRole;
import fr.acta.seda.RulesReferential;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaTransferBuilder;
import fr.acta.seda.SedaTransferRequest;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.springframework.http.MediaType;

/** Transfers built by {@code fr.acta.seda}, deposited and followed through the archive's As@lae API. */
final class SaeFixture {

    static final String AGENCY = "ACTA-demo";
    static final String BASE = "/api/v1/tenants/demo/sae/restservices";
    static final LocalDate DECISION = LocalDate.of(2025, 3, 12);
    private static final SedaTransferBuilder BUILDER = new SedaTransferBuilder();

    private SaeFixture() {
    }

    /** A délibération's transfer: its signed PDF, a PDF annex and an XML file, all unique to {@code messageId}. */
    static SedaTransfer transfer(String messageId, SedaVersion version) {
        List<SedaTransferRequest.DataObject> objects = List.of(
                new SedaTransferRequest.DataObject(ObjectRole.SIGNED_ACT, null, "délibération signée.pdf",
                        SamplePdfs.arrete("Valmont-sur-Saône", messageId, "Éclairage public " + messageId)),
                new SedaTransferRequest.DataObject(ObjectRole.ANNEX, "Plan de financement", "annexe 1.pdf",
                        SamplePdfs.annex("Plan de financement " + messageId, 1)),
                new SedaTransferRequest.DataObject(ObjectRole.HISTORY, null, "historique.json",
                        ("[{\"acte\":\"" + messageId + "\"}]").getBytes(StandardCharsets.UTF_8)));
        SedaTransferRequest request = new SedaTransferRequest(messageId, "IC-000001", "FRAD069", AGENCY,
                new SedaTransferRequest.OriginatingAgency("210690004", "Commune de Valmont-sur-Saône"),
                new SedaTransferRequest.Act("Délibération " + messageId + " relative à l'éclairage public", "DE", "9.1",
                        "Autres domaines de compétences des communes", "DEL_" + messageId.replaceAll("\\W", "_")
                        .substring(0, Math.min(10, messageId.length())), DECISION, null, null, null, null),
                RulesReferential.defaults().rulesFor("DE", "9.1", DECISION), objects);
        return BUILDER.build(request, version);
    }

    static Api.Response deposit(Api api, byte[] manifest, byte[] attachments, String attachmentsName) {
        Api.Multipart parts = new Api.Multipart().part("seda_message", "bordereau.xml", manifest,
                MediaType.APPLICATION_XML);
        if (attachments != null) {
            parts.file("attachments", attachmentsName, attachments);
        }
        return api.multipart(BASE + "/sedaMessages", parts);
    }

    static Api.Response deposit(Api api, SedaTransfer transfer) {
        return deposit(api, transfer.manifest(), transfer.zip(), transfer.messageIdentifier() + ".zip");
    }

    static String path(String message, String messageId) {
        return BASE + "/sedaMessages/sequence:ArchiveTransfer/message:" + message
                + "/originOrganizationIdentification:" + AGENCY + "/originMessageIdentifier:" + messageId;
    }

    /** The {@code ArchiveTransferReply}, once the archive has written it. */
    static String awaitReply(Api api, String messageId) {
        String[] reply = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response r = api.get(path("ArchiveTransferReply", messageId));
            reply[0] = r.status() == 200 ? r.text() : null;
            return reply[0] != null;
        });
        return reply[0];
    }

    /** The text of the first element named {@code localName} (any namespace), or null. */
    static String element(String xml, String localName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:\\w+:)?" + localName + "(?:\\s[^>]*)?>([^<]*)</")
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The ZIP with each entry passed through {@code change} (null drops it). */
    static byte[] rezip(byte[] zip, Map<String, UnaryOperator<byte[]>> changes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    UnaryOperator<byte[]> change = changes.get(e.getName());
                    content = change == null ? content : change.apply(content);
                    if (content != null) {
                        out.putNextEntry(new ZipEntry(e.getName()));
                        out.write(content);
                        out.closeEntry();
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same files as the ZIP, in a tar.gz under a top folder (as some clients wrap them). */
    static byte[] targz(byte[] zip, String folder) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    if (e.isDirectory()) {
                        continue;
                    }
                    byte[] content = in.readAllBytes();
                    TarArchiveEntry entry = new TarArchiveEntry(folder + "/" + e.getName());
                    entry.setSize(content.length);
                    tar.putArchiveEntry(entry);
                    tar.write(content);
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of the transfer's ZIP (not its manifest). */
    static List<byte[]> contents(SedaTransfer transfer) {
        List<byte[]> files = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(transfer.zip()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().startsWith("Content/")) {
                    files.add(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] flipOneByte(byte[] content) {
        byte[] copy = content.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }
}
