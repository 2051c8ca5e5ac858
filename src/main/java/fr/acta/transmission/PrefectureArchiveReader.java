package fr.acta.transmission;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opens a préfecture return archive (a flat {@code .tar.gz}, or a plain tar) in memory, within
 * bounds, and reads every @ctes message in it with {@link PrefectureMessageParser}. XML files that are
 * not @ctes messages (or not readable XML) are kept as plain files; a message refused for safety
 * refuses the whole archive.
 */
public final class PrefectureArchiveReader {

    static final int MAX_ENTRIES = 500;
    static final long MAX_TOTAL = 300L * 1024 * 1024;

    private PrefectureArchiveReader() {
    }

    public static PrefectureArchive read(byte[] archive) {
        Map<String, byte[]> raw = entries(archive);
        PrefectureMessage envelope = null;
        List<PrefectureMessage> messages = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            PrefectureMessage message = null;
            if (e.getKey().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                try {
                    message = PrefectureMessageParser.parse(e.getValue());
                } catch (PrefectureMessageException failure) {
                    if (failure.unsafe()) {
                        throw new PrefectureMessageException("Archive de la préfecture refusée, fichier « "
                                + e.getKey() + " » : " + failure.getMessage(), true, failure);
                    }
                }
            }
            if (message == null || message.kind() == PrefectureMessage.Kind.UNKNOWN) {
                files.put(e.getKey(), e.getValue());
            } else if (message.kind() == PrefectureMessage.Kind.ENVELOPPE && envelope == null) {
                envelope = message;
            } else {
                messages.add(message);
            }
        }
        return new PrefectureArchive(envelope, messages, files);
    }

    private static Map<String, byte[]> entries(byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (InputStream in = open(archive); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String name = entry.getName();
                name = name.substring(name.lastIndexOf('/') + 1);
                if (name.isEmpty() || name.equals("..") || name.equals(".")) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw refused("plus de " + MAX_ENTRIES + " fichiers");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = tar.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_TOTAL) {
                        throw refused("plus de " + MAX_TOTAL / (1024 * 1024) + " Mo une fois décompressée");
                    }
                    content.write(buffer, 0, n);
                }
                entries.put(name, content.toByteArray());
            }
        } catch (IOException e) {
            throw new PrefectureMessageException("L'archive de la préfecture est illisible : " + e.getMessage(),
                    false, e);
        }
        return entries;
    }

    private static InputStream open(byte[] archive) throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(archive));
        boolean gzip = archive.length > 2 && (archive[0] & 0xff) == 0x1f && (archive[1] & 0xff) == 0x8b;
        return gzip ? new GzipCompressorInputStream(in, true) : in;
    }

    private static PrefectureMessageException refused(String why) {
        return new PrefectureMessageException("Archive de la préfecture refusée : " + why + ".", true, null);
    }
}
