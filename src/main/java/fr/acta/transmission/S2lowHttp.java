package fr.acta.transmission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One {@link RestClient} per S²LOW account, over a JDK HTTP client holding the account's client
 * certificate (mutual TLS), HTTP/1.1, no automatic redirects, bounded waits. Bodies are buffered so
 * uploads carry a Content-Length (PHP does not read chunked uploads).
 */
final class S2lowHttp {

    private static final int MAX_CLIENTS = 256;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    /** What came back, whatever the status. */
    record Response(int status, URI location, byte[] body) {
    }

    /** Sends a request built by {@code spec} and returns the raw response; network and TLS failures become exceptions. */
    Response call(S2lowSettings settings, String action,
                  Function<RestClient, RestClient.RequestHeadersSpec<?>> spec) {
        RestClient client = client(settings);
        try {
            RestClient.RequestHeadersSpec<?> request = spec.apply(client);
            if (settings.login() != null) {
                String basic = Base64.getEncoder().encodeToString((settings.login() + ":" + settings.password())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                request = request.header(HttpHeaders.AUTHORIZATION, "Basic " + basic);
            }
            return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                    res.getHeaders().getLocation(), res.getBody().readAllBytes()), true);
        } catch (ResourceAccessException e) {
            if (hasCause(e, SSLException.class)) {
                throw new S2lowException(S2lowException.Kind.AUTHENTICATION, 0, "La connexion TLS mutuelle à S²LOW ("
                        + settings.baseUrl() + ") a échoué pendant " + action + " : certificat client refusé ou "
                        + "certificat du serveur non reconnu (" + rootMessage(e) + ").", e);
            }
            // Under TLS 1.3 a server refusing the client certificate only resets the connection after the
            // handshake: the client cannot tell it from a network failure, so the message says both.
            boolean neverConnected = hasCause(e, java.net.ConnectException.class)
                    || hasCause(e, java.net.UnknownHostException.class)
                    || hasCause(e, java.net.http.HttpTimeoutException.class);
            String hint = neverConnected ? ""
                    : " (connexion coupée par le serveur : si cela se répète, S²LOW refuse peut-être le certificat client)";
            throw new S2lowException(S2lowException.Kind.UNAVAILABLE, 0, "S²LOW (" + settings.baseUrl()
                    + ") est injoignable pendant " + action + " : " + rootMessage(e) + hint, e);
        }
    }

    /** Turns an HTTP status other than 2xx into the matching exception. */
    static void check(Response response, String action) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return;
        }
        String head = S2lowReplies.firstLine(S2lowReplies.decode(java.util.Arrays.copyOf(response.body(),
                Math.min(200, response.body().length))));
        String suffix = head.isEmpty() ? "." : " : " + head;
        if (status == 401 || status == 403) {
            throw new S2lowException(S2lowException.Kind.AUTHENTICATION, status, "S²LOW refuse l'accès pendant "
                    + action + " (HTTP " + status + ")" + suffix);
        }
        if (status == 404) {
            throw new S2lowException(S2lowException.Kind.NOT_FOUND, status, "Introuvable sur S²LOW pendant " + action
                    + " (HTTP 404)" + suffix);
        }
        if (status >= 500 || status == 429) {
            throw new S2lowException(S2lowException.Kind.UNAVAILABLE, status, "S²LOW est en erreur pendant " + action
                    + " (HTTP " + status + ")" + suffix);
        }
        if (status >= 300 && status < 400) {
            throw new S2lowException(S2lowException.Kind.REFUSED, status, "S²LOW a renvoyé vers une autre page pendant "
                    + action + " (HTTP " + status + ", " + response.location() + ") : la demande n'a pas abouti.");
        }
        throw new S2lowException(S2lowException.Kind.PROTOCOL, status, "S²LOW a répondu HTTP " + status + " pendant "
                + action + suffix);
    }

    private RestClient client(S2lowSettings settings) {
        String key = settings.fingerprint();
        RestClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        if (clients.size() >= MAX_CLIENTS) {
            clients.clear();
        }
        RestClient created = RestClient.builder()
                .requestFactory(requestFactory(settings.sandbox() ? null : sslContext(settings))).build();
        RestClient raced = clients.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    private static BufferingClientHttpRequestFactory requestFactory(SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        HttpClient http = builder.build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofMinutes(3));
        return new BufferingClientHttpRequestFactory(factory);
    }

    /** The account's key and certificate from its PKCS#12; the given trust anchors, or the JVM's. */
    static SSLContext sslContext(S2lowSettings settings) {
        char[] password = settings.certificatePassword().toCharArray();
        KeyStore keys;
        try {
            keys = KeyStore.getInstance("PKCS12");
            keys.load(new ByteArrayInputStream(settings.clientCertificate()), password);
        } catch (IOException | GeneralSecurityException e) {
            throw new S2lowException(S2lowException.Kind.CONFIGURATION, 0, "Le certificat client S²LOW (PKCS#12) est "
                    + "illisible ou son mot de passe est faux.", e);
        }
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(keys.aliases())) {
                hasKey |= keys.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new S2lowException(S2lowException.Kind.CONFIGURATION, 0,
                        "Le fichier PKCS#12 S²LOW ne contient pas de clé privée : l'authentification TLS mutuelle est impossible.");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (settings.trustedCertificates().isEmpty()) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < settings.trustedCertificates().size(); i++) {
                    trust.setCertificateEntry("trusted-" + i, settings.trustedCertificates().get(i));
                }
                tmf.init(trust);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new S2lowException(S2lowException.Kind.CONFIGURATION, 0, "Le contexte TLS S²LOW ne peut pas être "
                    + "préparé : " + e.getMessage(), e);
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
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
