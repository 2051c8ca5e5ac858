package fr.acta.asalae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** The reason an archive gives with an error: a problem+json {@code detail}, a JSON {@code message}, or text. */
final class AsalaeErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 300;

    private AsalaeErrors() {
    }

    /** " : reason." or "." when there is none worth showing. */
    static String detail(byte[] body) {
        if (body == null || body.length == 0) {
            return ".";
        }
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(body);
                for (String field : new String[] {"detail", "message", "error", "title"}) {
                    if (node.hasNonNull(field) && !node.get(field).asText().isBlank()) {
                        return " : " + shorten(node.get(field).asText()) + ".";
                    }
                }
            } catch (java.io.IOException ignored) {
                // not JSON after all: the text below
            }
        }
        if (text.startsWith("<")) {
            return ".";
        }
        String line = text.lines().findFirst().orElse("");
        return line.isBlank() ? "." : " : " + shorten(line) + ".";
    }

    private static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        one = one.endsWith(".") ? one.substring(0, one.length() - 1) : one;
        return one.length() > MAX ? one.substring(0, MAX) + "…" : one;
    }
}
