package fr.acta.sae;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The text of an archive's objects for its full-text index, read with Tika from a stored copy:
 * only documents that carry text (PDF, office and OpenDocument texts, plain text, XML, JSON,
 * HTML), at most {@link #MAX_CHARS} characters in all, embedded documents not followed. A file
 * Tika cannot read adds nothing: the object itself was checked at ingest.
 */
@Component
class ArchiveText {

    /** The most text kept per archive (the index is not a copy of the archive). */
    static final int MAX_CHARS = 300_000;
    private static final long MAX_FILE = 200L << 20;
    private static final Logger log = LoggerFactory.getLogger(ArchiveText.class);
    private static final Set<String> TEXTUAL = Set.of("application/pdf", "application/xml", "application/json",
            "application/rtf", "application/msword", "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AutoDetectParser parser = new AutoDetectParser();

    /** One object to read: its stored copy and its declared MIME type. */
    record Source(Path file, String mimeType) {
    }

    String extract(List<Source> sources) {
        StringBuilder all = new StringBuilder();
        for (Source s : sources) {
            int room = MAX_CHARS - all.length();
            if (room <= 0) {
                break;
            }
            if (!textual(s.mimeType())) {
                continue;
            }
            String text = read(s, room);
            if (!text.isEmpty()) {
                all.append(text).append('\n');
            }
        }
        return all.length() > MAX_CHARS ? all.substring(0, MAX_CHARS) : all.toString();
    }

    static boolean textual(String mimeType) {
        if (mimeType == null) {
            return false;
        }
        String m = mimeType.toLowerCase(Locale.ROOT);
        int semi = m.indexOf(';');
        m = (semi < 0 ? m : m.substring(0, semi)).strip();
        return TEXTUAL.contains(m) || m.startsWith("text/") || m.endsWith("+xml");
    }

    private String read(Source s, int limit) {
        BodyContentHandler handler = new BodyContentHandler(limit);
        try {
            if (Files.size(s.file()) > MAX_FILE) {
                return "";
            }
            Metadata metadata = new Metadata();
            try (InputStream in = Files.newInputStream(s.file())) {
                parser.parse(in, handler, metadata, new ParseContext());
            }
        } catch (Exception e) {
            // past the limit Tika stops with an exception: what was read so far is kept
            if (!(e instanceof org.xml.sax.SAXException) || !e.getClass().getSimpleName().contains("WriteLimit")) {
                log.debug("Text of {} not read: {}", s.file().getFileName(), e.toString());
            }
        }
        return handler.toString().replace('\u0000', ' ').strip();
    }
}
