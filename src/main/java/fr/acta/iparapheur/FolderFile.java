package fr.acta.iparapheur;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent to the i-Parapheur. Its name is the PREMIS {@code originalName} and the multipart file
 * name, so it must be unique within a folder.
 */
public record FolderFile(String name, String contentType, byte[] content) {

    public static final String PDF = "application/pdf";

    public FolderFile {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("Nom de fichier invalide : « " + name + " ».");
        }
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("Le type du fichier « " + name + " » est obligatoire.");
        }
        Objects.requireNonNull(content, "content");
    }

    public static FolderFile pdf(String name, byte[] content) {
        return new FolderFile(name, PDF, content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FolderFile f && name.equals(f.name) && contentType.equals(f.contentType)
                && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "FolderFile[" + name + ", " + contentType + ", " + content.length + " octets]";
    }
}
