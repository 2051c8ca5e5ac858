package fr.acta.iparapheur;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON of the API: its answers, read fail-safe (unknown fields ignored), and the human part of its
 * error bodies ({@code ErrorResponse}: timestamp, status, error, message, path), shortened for
 * exception messages. A body that is not that JSON is not echoed.
 */
final class ErrorBodies {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int MAX = 300;

    private ErrorBodies() {
    }

    static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = body == null || body.length == 0 ? null : JSON.readValue(body, type);
            if (value == null) {
                throw new IOException("empty body");
            }
            return value;
        } catch (IOException e) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 200,
                    "La réponse JSON du i-Parapheur est illisible.", e);
        }
    }

    static String message(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            String message = node == null ? null : node.path("message").asText(null);
            if (message == null || message.isBlank()) {
                message = node == null ? null : node.path("error").asText(null);
            }
            if (message == null || message.isBlank()) {
                return null;
            }
            return message.length() > MAX ? message.substring(0, MAX) + "…" : message;
        } catch (IOException e) {
            return null;
        }
    }
}
