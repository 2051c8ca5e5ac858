package fr.acta.common;

import org.springframework.core.env.Environment;

/**
 * The address under which outsiders reach this installation ({@code acta.public-url}, e.g.
 * {@code https://acta.example.fr}), for URLs written into documents and certificates. Unset, it is
 * {@code http://localhost:} and the port actually listened on (known once the server has started).
 */
public final class PublicUrl {

    private PublicUrl() {
    }

    public static String of(Environment environment) {
        String configured = environment.getProperty("acta.public-url");
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        String port = environment.getProperty("local.server.port");
        if (port == null || port.isBlank() || port.equals("0")) {
            port = environment.getProperty("server.port", "8080");
        }
        return "http://localhost:" + (port.equals("0") ? "8080" : port);
    }
}
