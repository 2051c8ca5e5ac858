package fr.acta.seda;

import fr.acta.common.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * Builds one act's SEDA {@code ArchiveTransfer}: a ZIP holding {@code manifest.xml} at its root and
 * the act's files under {@code Content/}, each described in the manifest with its SHA-512 digest,
 * size and format (MIME type and PRONOM identifier). One archive unit describes the act (objet,
 * nature, matière, numéro, IDActe, dates, collectivité) and carries its management rules; one
 * child unit per file references it.
 *
 * <p>A request that breaks a rule is a {@link ValidationException} naming the fields; a manifest
 * that fails the official schema of its version is a {@link SedaManifestException}. Either way
 * nothing is returned.
 */
@Service
public class SedaTransferBuilder {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String MANIFEST = "manifest.xml";
    static final String CONTENT = "Content/";
    private static final int MAX_NAME = 80;

    private final Clock clock;
    private final SedaSchemas schemas;

    public SedaTransferBuilder() {
        this(Clock.system(PARIS), SedaSchemas.shared());
    }

    SedaTransferBuilder(Clock clock, SedaSchemas schemas) {
        this.clock = clock;
        this.schemas = schemas;
    }

    /** The transfer of {@code request} in SEDA {@code version}, its manifest valid against that version's schema. */
    public SedaTransfer build(SedaTransferRequest request, SedaVersion version) {
        RequestRules.check(request, version);
        List<PreparedObject> objects = prepare(request.objects());
        OffsetDateTime date = OffsetDateTime.now(clock.withZone(PARIS)).truncatedTo(ChronoUnit.SECONDS);
        byte[] manifest = ManifestWriter.write(version, request, objects, date);
        schemas.validate(version, manifest);
        byte[] zip = zip(manifest, objects, date);
        List<SedaTransfer.Entry> entries = objects.stream().map(o -> new SedaTransfer.Entry(o.objectId(), o.path(),
                o.source().role(), o.source().fileName(), o.sha512(), o.size(), o.format().mimeType(),
                o.format().formatId())).toList();
        return new SedaTransfer(version, request.messageIdentifier().strip(), zip, manifest, entries);
    }

    private static List<PreparedObject> prepare(List<SedaTransferRequest.DataObject> objects) {
        List<PreparedObject> prepared = new ArrayList<>(objects.size());
        int width = Math.max(2, String.valueOf(objects.size()).length());
        for (int i = 0; i < objects.size(); i++) {
            SedaTransferRequest.DataObject o = objects.get(i);
            String path = CONTENT + String.format("%0" + width + "d", i + 1) + "_" + safeName(o.fileName());
            prepared.add(new PreparedObject(i + 1, o, path, sha512(o.content()),
                    FormatIdentifier.identify(o.content())));
        }
        return prepared;
    }

    /**
     * The file's name in the ZIP: ASCII letters, digits, {@code .}, {@code _} and {@code -} only (accents
     * dropped, anything else an underscore), at most 80 characters with the extension kept. The original
     * name stays in the manifest's {@code Filename}.
     */
    static String safeName(String fileName) {
        String ascii = Normalizer.normalize(fileName.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String name = ascii.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_").replaceAll("^[._]+", "");
        if (name.isEmpty()) {
            name = "fichier";
        }
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return name;
    }

    static String sha512(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    /** {@code manifest.xml} first, then {@code Content/} and its files, all dated with the message (Paris time). */
    private static byte[] zip(byte[] manifest, List<PreparedObject> objects, OffsetDateTime date) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDateTime time = date.toLocalDateTime();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, manifest, time);
            ZipEntry folder = new ZipEntry(CONTENT);
            folder.setTimeLocal(time);
            zip.putNextEntry(folder);
            zip.closeEntry();
            for (PreparedObject o : objects) {
                put(zip, o.path(), o.source().content(), time);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing a ZIP in memory failed", e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
