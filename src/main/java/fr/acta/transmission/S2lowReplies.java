package fr.acta.transmission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S²LOW's text protocol: HTTP 200 with {@code OK\n<payload>} or {@code KO\n<message>}, in ISO-8859-1
 * (some scripts answer {@code OK : id généré : 12} or {@code KO : message} on one line, some in UTF-8).
 * Messages go through {@code htmlspecialchars} on the server, so entities are resolved here.
 */
final class S2lowReplies {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(-?[0-9]+)\\s*$");

    private S2lowReplies() {
    }

    /** A successful answer: the bytes after the {@code OK} line (or after {@code OK :} on the same line). */
    record Ok(byte[] payload) {
        String text() {
            return decode(payload);
        }
    }

    /** Parses an OK/KO answer; a KO becomes an {@link S2lowRefusalException} naming {@code action}. */
    static Ok expectOk(byte[] body, String action) {
        int start = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            start = 3;
        }
        while (start < body.length && Character.isWhitespace(body[start])) {
            start++;
        }
        if (startsWith(body, start, "KO")) {
            throw new S2lowRefusalException(action, message(rest(body, start + 2)));
        }
        if (!startsWith(body, start, "OK")) {
            String head = decode(Arrays.copyOfRange(body, start, Math.min(body.length, start + 200))).strip();
            throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "Réponse inattendue de S²LOW pour " + action
                    + " (ni OK ni KO) : " + (head.isEmpty() ? "(vide)" : head));
        }
        return new Ok(rest(body, start + 2));
    }

    /** Whether a body is a KO answer rather than the expected document. */
    static boolean isKo(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return startsWith(body, i, "KO") && (body.length == i + 2 || body[i + 2] == '\n' || body[i + 2] == '\r'
                || body[i + 2] == ' ' || body[i + 2] == ':');
    }

    /** The first number of an OK payload ({@code 42\n} or {@code id généré : 42}). */
    static long id(Ok ok, String action) {
        String first = firstLine(ok.text());
        Matcher m = TRAILING_NUMBER.matcher(first);
        if (!m.find()) {
            throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "S²LOW a accepté " + action
                    + " sans donner d'identifiant de transaction : « " + first + " ».");
        }
        return Long.parseLong(m.group(1));
    }

    static String firstLine(String text) {
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    /** After {@code OK}/{@code KO}: either the next lines, or {@code " : text"} on the same line. */
    private static byte[] rest(byte[] body, int from) {
        int i = from;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (i < body.length && body[i] == ':') {
            i++;
            while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
                i++;
            }
            return Arrays.copyOfRange(body, i, body.length);
        }
        if (i < body.length && body[i] == '\r') {
            i++;
        }
        if (i < body.length && body[i] == '\n') {
            i++;
        }
        return Arrays.copyOfRange(body, i, body.length);
    }

    /** A KO message: decoded, HTML line breaks and entities resolved, trimmed. */
    static String message(byte[] bytes) {
        String text = decode(bytes)
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#039;", "'").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return text.strip();
    }

    /** ISO-8859-1 as the reference says, unless the bytes are valid UTF-8 with non-ASCII characters. */
    static String decode(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, XmlText.WINDOWS_1252);
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] body, int at, String prefix) {
        if (body.length < at + prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (body[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
