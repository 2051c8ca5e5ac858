package fr.acta.transmission;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK HTTPS server standing for S²LOW: it requires a client certificate (mutual TLS) and answers
 * each script with the bytes a test gives it, recording what it received.
 */
final class FakeS2low implements AutoCloseable {

    record Request(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                   byte[] body, String clientSubject) {

        String param(String name) {
            List<String> values = query.get(name);
            return values == null ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply ok(byte[] body) {
            return new Reply(200, Map.of(), body);
        }

        static Reply latin1(String text) {
            return new Reply(200, Map.of("Content-Type", "text/plain; charset=ISO-8859-1"),
                    text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private final HttpsServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    final List<Request> received = new CopyOnWriteArrayList<>();

    FakeS2low(SSLContext context) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (exchange) {
                HttpsExchange https = (HttpsExchange) exchange;
                String subject = ((X509Certificate) https.getSSLSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName();
                URI uri = exchange.getRequestURI();
                Request request = new Request(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()),
                        new LinkedHashMap<>(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes(), subject);
                received.add(request);
                Function<Request, Reply> route = routes.get(uri.getPath());
                Reply reply = route == null ? new Reply(404, Map.of(), "Not Found".getBytes(StandardCharsets.US_ASCII))
                        : route.apply(request);
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                if (reply.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply.body());
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("https://localhost:" + server.getAddress().getPort());
    }

    void on(String path, Function<Request, Reply> route) {
        routes.put(path, route);
    }

    Request last() {
        return received.get(received.size() - 1);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
