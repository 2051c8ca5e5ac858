package fr.acta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A plain java.net.http client for one person (HTTP Basic), with a hand-built multipart body. */
final class BenchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Status, body and the time from sending the request to having read the whole answer. */
    record Result(int status, String body, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client;
    private final String baseUrl;
    private final String authorization;

    BenchHttp(HttpClient client, String baseUrl, String user, String password) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    Result get(String path) {
        return send(request(path).GET().build());
    }

    Result postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** POSTs a prepared multipart body. */
    Result postMultipart(String path, Multipart body) {
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body.chunks)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private Result send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Result(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString(), System.nanoTime() - start);
        }
    }

    /** A multipart/form-data body as a list of byte chunks: the files themselves are not copied. */
    static final class Multipart {
        final String boundary = "acta-bench-" + UUID.randomUUID();
        final List<byte[]> chunks = new ArrayList<>();

        Multipart part(String name, String filename, String contentType, byte[] content) {
            String head = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n\r\n";
            chunks.add(head.getBytes(StandardCharsets.UTF_8));
            chunks.add(content);
            chunks.add("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Multipart end() {
            chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        /** The intake request of an act: metadata, main document, then the two annexes in order. */
        static Multipart of(BenchPayloads.ActPayload act) {
            return new Multipart()
                    .part("metadata", "metadata.json", "application/json", act.metadata().getBytes(StandardCharsets.UTF_8))
                    .part("main", BenchPayloads.MAIN_NAME, "application/pdf", act.main())
                    .part("annexes", BenchPayloads.ANNEX_NAME, "application/pdf", act.annex())
                    .part("annexes", BenchPayloads.PNG_NAME, "image/png", act.png())
                    .end();
        }
    }
}
