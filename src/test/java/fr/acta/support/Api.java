package fr.acta.support;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** A small HTTP client for tests: one person, Basic authentication, raw answers. */
public final class Api {

    private final RestClient client;
    private final String baseUrl;

    public Api(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl)
                .requestFactory(new JdkClientHttpRequestFactory());
        if (user != null) {
            builder.defaultHeaders(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8));
        }
        this.client = builder.build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) {
        return client.get().uri(path).exchange((req, res) -> Response.of(res.getStatusCode(), res.getHeaders(),
                res.getBody().readAllBytes()));
    }

    public Response postJson(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((req, res) -> Response.of(res.getStatusCode(), res.getHeaders(), res.getBody().readAllBytes()));
    }

    public Response putJson(String path, String json) {
        return put(path, MediaType.APPLICATION_JSON, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Response delete(String path) {
        return client.delete().uri(path).exchange((req, res) -> Response.of(res.getStatusCode(), res.getHeaders(),
                res.getBody().readAllBytes()));
    }

    public Response put(String path, MediaType type, byte[] body) {
        return client.put().uri(path).contentType(type).body(body)
                .exchange((req, res) -> Response.of(res.getStatusCode(), res.getHeaders(), res.getBody().readAllBytes()));
    }

    public Response post(String path, MediaType type, byte[] body) {
        return client.post().uri(path).contentType(type).body(body)
                .exchange((req, res) -> Response.of(res.getStatusCode(), res.getHeaders(), res.getBody().readAllBytes()));
    }

    public Response multipart(String path, Multipart parts) {
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((req, res) -> Response.of(res.getStatusCode(), res.getHeaders(), res.getBody().readAllBytes()));
    }

    public Response putMultipart(String path, Multipart parts) {
        return client.put().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((req, res) -> Response.of(res.getStatusCode(), res.getHeaders(), res.getBody().readAllBytes()));
    }

    /** Builder of multipart bodies: metadata JSON, main and annex files. */
    public static final class Multipart {
        private final LinkedMultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();

        public Multipart metadata(String json) {
            return part("metadata", "metadata.json", json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
        }

        public Multipart main(String name, byte[] content) {
            return file("main", name, content);
        }

        public Multipart annex(String name, byte[] content) {
            return file("annexes", name, content);
        }

        public Multipart file(String part, String name, byte[] content) {
            return part(part, name, content, MediaType.APPLICATION_OCTET_STREAM);
        }

        /** A plain form field (no file name), as a browser sends an input of a form. */
        public Multipart field(String name, String value) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
            headers.setContentDisposition(ContentDisposition.formData().name(name).build());
            parts.add(name, new HttpEntity<>(value, headers));
            return this;
        }

        public Multipart part(String part, String name, byte[] content, MediaType type) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(type);
            headers.setContentDisposition(ContentDisposition.formData().name(part).filename(name, StandardCharsets.UTF_8)
                    .build());
            parts.add(part, new HttpEntity<>(new ByteArrayResource(content), headers));
            return this;
        }

        LinkedMultiValueMap<String, HttpEntity<?>> build() {
            return parts;
        }
    }

    /** Status, headers and body of an answer, with JSON path access. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        static Response of(HttpStatusCode status, HttpHeaders headers, byte[] body) {
            return new Response(status.value(), headers, body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public DocumentContext json() {
            return JsonPath.parse(text());
        }

        public <T> T json(String path) {
            return JsonPath.read(text(), path);
        }

        public String contentType() {
            return headers.getContentType() == null ? null : headers.getContentType().toString();
        }

        /** The {@code errors[].field} values of a problem. */
        public List<String> errorFields() {
            List<Map<String, Object>> errors = json("$.errors");
            List<String> fields = new ArrayList<>();
            errors.forEach(e -> fields.add((String) e.get("field")));
            return fields;
        }

        @Override
        public String toString() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", status);
            m.put("body", text().length() > 2000 ? text().substring(0, 2000) : text());
            return m.toString();
        }
    }
}
