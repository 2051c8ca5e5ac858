package fr.acta.seda;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Tells the format of a file from its bytes (never from its name), with the PRONOM identifier for
 * the formats acts are made of: PDF 1.x (by header version), PDF/A-1, 2 and 3 (by the XMP
 * {@code pdfaid} part and conformance, see {@link PdfIdentification}), XML 1.0, JFIF JPEG and PNG.
 * Other files get a MIME type and no identifier; the archive completes what it can.
 */
final class FormatIdentifier {

    private static final Map<String, String> JFIF = Map.of("1.00", "fmt/42", "1.01", "fmt/43", "1.02", "fmt/44");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private FormatIdentifier() {
    }

    static FileFormat identify(byte[] bytes) {
        if (PdfIdentification.isPdf(bytes)) {
            return PdfIdentification.identify(bytes);
        }
        if (startsWith(bytes, 0, PNG)) {
            return png(bytes);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return jpeg(bytes);
        }
        if (startsWith(bytes, 0, new byte[] {0x1F, (byte) 0x8B})) {
            return new FileFormat("application/gzip", null, null);
        }
        if (startsWith(bytes, 0, new byte[] {'P', 'K', 3, 4})) {
            return new FileFormat("application/zip", null, null);
        }
        String text = utf8(bytes);
        if (text == null) {
            return new FileFormat("application/octet-stream", null, null);
        }
        return textual(text, bytes);
    }

    /** XML 1.0 with its declaration (fmt/101, as PRONOM's signature asks), other XML, JSON or text. */
    private static FileFormat textual(String text, byte[] bytes) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (s.startsWith("<?xml version=\"1.0\"") || s.startsWith("<?xml version='1.0'")) {
            return new FileFormat("application/xml", "fmt/101", "Extensible Markup Language 1.0");
        }
        String trimmed = s.stripLeading();
        if (trimmed.startsWith("<")) {
            return new FileFormat("application/xml", null, null);
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return new FileFormat("application/json", null, null);
        }
        return new FileFormat("text/plain", null, null);
    }

    /** Latin-1 XML (the ARActe) is not UTF-8 but still XML: its declaration is ASCII. */
    private static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.indexOf('\0') >= 0 ? null : s;
        } catch (CharacterCodingException e) {
            String ascii = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1);
            return ascii.startsWith("<?xml ") ? ascii : null;
        }
    }

    /** JFIF 1.00, 1.01, 1.02: the APP0 segment right after SOI carries the version. */
    private static FileFormat jpeg(byte[] b) {
        if (b.length >= 13 && (b[3] & 0xFF) == 0xE0 && startsWith(b, 6, new byte[] {'J', 'F', 'I', 'F', 0})) {
            String version = String.format("%d.%02d", b[11] & 0xFF, b[12] & 0xFF);
            String puid = JFIF.get(version);
            if (puid != null) {
                return new FileFormat("image/jpeg", puid, "JPEG File Interchange Format " + version);
            }
        }
        return new FileFormat("image/jpeg", null, null);
    }

    /**
     * PNG 1.2 if an {@code iTXt} chunk is present, 1.1 if an {@code iCCP}, {@code sPLT} or
     * {@code sRGB} chunk is, else 1.0: the chunks each version introduced, as PRONOM's signatures
     * for fmt/13, fmt/12 and fmt/11 look for them.
     */
    private static FileFormat png(byte[] b) {
        boolean v11 = false;
        int pos = PNG.length;
        while (pos + 8 <= b.length) {
            long length = ((b[pos] & 0xFFL) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                    | (b[pos + 3] & 0xFF);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("iTXt")) {
                return new FileFormat("image/png", "fmt/13", "Portable Network Graphics 1.2");
            }
            v11 |= type.equals("iCCP") || type.equals("sPLT") || type.equals("sRGB");
            if (type.equals("IEND") || length > b.length) {
                break;
            }
            pos += 12 + (int) length;
        }
        return v11 ? new FileFormat("image/png", "fmt/12", "Portable Network Graphics 1.1")
                : new FileFormat("image/png", "fmt/11", "Portable Network Graphics 1.0");
    }

    static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
