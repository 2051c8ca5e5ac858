package fr.acta.simulator.prefecture;

import java.util.Map;
import org.apache.tika.Tika;

/** File types by content, as S²LOW's {@code mime_content_type}, and the extensions S²LOW gives them. */
final class FileTypes {

    private static final Tika TIKA = new Tika();
    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf",
            "application/xml", "xml",
            "text/xml", "xml",
            "image/jpeg", "jpg",
            "image/png", "png");

    private FileTypes() {
    }

    static String mime(byte[] content) {
        if (content.length == 0) {
            return "application/x-empty";
        }
        return TIKA.detect(content);
    }

    /** "pdf", "xml", "jpg", "png", or "" for any other type. */
    static String extension(String mime) {
        return EXTENSIONS.getOrDefault(mime, "");
    }
}
