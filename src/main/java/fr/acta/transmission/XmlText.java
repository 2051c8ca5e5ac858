package fr.acta.transmission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes XML text the way préfectures and TdTs actually write it: a byte-order mark wins; then the
 * declared encoding, where ISO-8859-1 is read as its superset windows-1252; a document that is not
 * valid in the declared (or default UTF-8) encoding is read as windows-1252.
 */
final class XmlText {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern DECLARED =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");

    private XmlText() {
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (offset == 3) {
            return strictOr(StandardCharsets.UTF_8, bytes, offset);
        }
        String head = new String(bytes, 0, Math.min(256, bytes.length), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        Charset charset = StandardCharsets.UTF_8;
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8; // unknown name: guess
            }
        }
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
            charset = WINDOWS_1252;
        }
        return strictOr(charset, bytes, 0);
    }

    /** The text without its XML declaration, for a parser that reads characters, not bytes. */
    static String withoutDeclaration(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return DECLARATION.matcher(t).replaceFirst("");
    }

    private static String strictOr(Charset charset, byte[] bytes, int offset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
        }
    }
}
