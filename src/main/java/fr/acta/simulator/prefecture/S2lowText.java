package fr.acta.simulator.prefecture;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * S²LOW's text protocol: HTTP 200 whatever happened, a first line {@code OK} or {@code KO}, then the
 * payload, in ISO-8859-1. A KO message goes through PHP's {@code htmlspecialchars} with
 * {@code ENT_QUOTES} as on the real server ({@code n'a} arrives as {@code n&#039;a}).
 */
final class S2lowText {

    static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    static final MediaType TEXT = new MediaType("text", "plain", LATIN1);

    private S2lowText() {
    }

    /** {@code OK\n} then each line followed by a newline. */
    static ResponseEntity<byte[]> ok(String... lines) {
        StringBuilder b = new StringBuilder("OK\n");
        for (String line : lines) {
            b.append(line).append('\n');
        }
        return text(b.toString());
    }

    /** {@code KO\n} then the escaped message and a newline (S²LOW's {@code returnAndExit}). */
    static ResponseEntity<byte[]> ko(String message) {
        return text("KO\n" + htmlspecialchars(message) + "\n");
    }

    /** {@code KO\n} then the message as it is, with no final newline (scripts that {@code echo} it). */
    static ResponseEntity<byte[]> koRaw(String message) {
        return text("KO\n" + message);
    }

    static ResponseEntity<byte[]> text(String body) {
        return bytes(body.getBytes(LATIN1));
    }

    static ResponseEntity<byte[]> bytes(byte[] body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TEXT.toString()).body(body);
    }

    static String htmlspecialchars(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#039;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A refusal of S²LOW, answered as a {@code KO} line by the controllers' advice. */
    static final class Ko extends RuntimeException {

        final boolean escaped;

        Ko(String message) {
            this(message, true);
        }

        Ko(String message, boolean escaped) {
            super(message, null, false, false);
            this.escaped = escaped;
        }

        ResponseEntity<byte[]> response() {
            return escaped ? ko(getMessage()) : koRaw(getMessage());
        }
    }

    /**
     * A refusal of {@code actes_transac_reponse_create.php}'s own exit: {@code KO : message} when
     * {@code api} came in the query string, S²LOW's usual {@code KO} line otherwise.
     */
    static final class ReplyKo extends RuntimeException {

        ReplyKo(String message) {
            super(message, null, false, false);
        }

        ResponseEntity<byte[]> response(boolean apiInQuery) {
            return apiInQuery ? text("KO : " + getMessage()) : ko(getMessage());
        }
    }
}
