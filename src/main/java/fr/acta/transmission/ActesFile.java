package fr.acta.transmission;

import java.util.Locale;

/**
 * One document of an act as it goes to the préfecture.
 *
 * @param codeTypePj the typology code chosen in the préfecture's classification, e.g. {@code 99_DE}
 * @param fileName   the document's own name; only its extension matters (pdf, jpg, png, or xml)
 * @param content    the bytes, as signed
 */
public record ActesFile(String codeTypePj, String fileName, byte[] content) {

    /** The extension the package gives the file ({@code jpeg} is written {@code jpg}), or null if none. */
    public String extension() {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return null;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.equals("jpeg") ? "jpg" : ext;
    }

    @Override
    public String toString() {
        return "ActesFile[" + codeTypePj + ", " + fileName + ", " + (content == null ? 0 : content.length) + " bytes]";
    }
}
