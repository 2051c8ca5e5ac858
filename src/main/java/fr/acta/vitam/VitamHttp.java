package fr.acta.vitam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One {@link RestClient} per Vitam address and client certificate, over a JDK HTTP client (HTTP/1.1,
 * no redirects, bounded waits), with mutual TLS when the settings hold a PKCS#12. Every call carries
 * the tenant and the application id; failures become {@link VitamException}s with French messages.
 */
final class VitamHttp {

    private static final int MAX_CLIENTS = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();
    private final Duration readTimeout;

    VitamHttp(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** What came back, whatever the status. */
    record Response(int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    Response call(VitamSettings s, String action, Function<RestClient, RestClient.RequestHeadersSpec<?>> spec) {
        RestClient.RequestHeadersSpec<?> request = spec.apply(client(s))
                .header("X-Tenant-Id", String.valueOf(s.tenant()));
        if (s.applicationId() != null && !s.applicationId().isBlank()) {
            request = request.header("X-Application-Id", s.applicationId().strip());
        }
        try {
            return request.exchange((req, res) -> new Response(res.getStatusCode().value(), res.getHeaders(),
                    res.getBody().readAllBytes()), true);
        } catch (ResourceAccessException e) {
            String why = hasCause(e, SSLException.class)
                    ? "la connexion TLS mutuelle a échoué (certificat client refusé ou certificat du serveur non reconnu)"
                    : "injoignable";
            throw new VitamException(-1, "Vitam (" + s.baseUrl() + ") : " + why + " pendant " + action + " ("
                    + rootMessage(e) + ").", e);
        }
    }

    /** Turns a status other than 2xx into a {@link VitamException} naming the action and Vitam's own words. */
    static Response check(Response r, String action) {
        if (r.status() >= 200 && r.status() < 300) {
            return r;
        }
        String said = vitamMessage(r.body());
        String suffix = said == null ? "." : " : " + said;
        String what = switch (r.status()) {
            case 401, 403 -> "Vitam refuse l'accès pendant " + action + " (contexte, contrat ou certificat non autorisé)";
            case 404 -> "Introuvable dans Vitam pendant " + action;
            case 412 -> "Vitam refuse la demande pendant " + action + " (en-têtes ou requête invalides)";
            case 429 -> "Vitam est surchargé pendant " + action;
            default -> r.status() >= 500 ? "Vitam est en erreur pendant " + action
                    : "Vitam a répondu de façon inattendue pendant " + action;
        };
        throw new VitamException(r.status(), what + " (HTTP " + r.status() + ")" + suffix);
    }

    /** The {@code description} or {@code message} of a {@code VitamError}, if the body is one. */
    private static String vitamMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(body);
            for (String field : new String[] {"description", "message"}) {
                if (error.hasNonNull(field) && !error.get(field).asText().isBlank()) {
                    return error.get(field).asText();
                }
            }
        } catch (IOException e) {
            // not JSON: a few characters of the body say more than nothing
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return text.isEmpty() || text.startsWith("<") ? null : text;
    }

    private RestClient client(VitamSettings s) {
        String key = s.fingerprint();
        RestClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        if (clients.size() >= MAX_CLIENTS) {
            clients.clear();
        }
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NEVER);
        if (s.clientPkcs12() != null) {
            builder.sslContext(sslContext(s));
        }
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(builder.build());
        factory.setReadTimeout(readTimeout);
        RestClient created = RestClient.builder().baseUrl(s.baseUrl()).requestFactory(factory).build();
        RestClient raced = clients.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    /** The application's key and certificate from its PKCS#12; the JVM's trust anchors. */
    static SSLContext sslContext(VitamSettings s) {
        char[] password = s.pkcs12Password() == null ? new char[0] : s.pkcs12Password();
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(new ByteArrayInputStream(s.clientPkcs12()), password);
            boolean hasKey = false;
            for (String alias : Collections.list(keys.aliases())) {
                hasKey |= keys.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new VitamException(0, "Le certificat client Vitam (PKCS#12) ne contient pas de clé privée : "
                        + "l'authentification TLS mutuelle est impossible.");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new VitamException(0, "Le certificat client Vitam (PKCS#12) est illisible ou son mot de passe "
                    + "est faux.", e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
