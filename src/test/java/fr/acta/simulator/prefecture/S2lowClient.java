package fr.acta.simulator.prefecture;

import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** A test client of the sandbox speaking S²LOW's protocol, as Acta's own client will. */
final class S2lowClient {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    /** An answer: status, content type and raw bytes (decoded as ISO-8859-1 for text). */
    record Reply(int status, String contentType, byte[] body, HttpHeaders headers) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        String[] lines() {
            return text().split("\n", -1);
        }
    }

    private final RestClient http;
    private final String base;

    S2lowClient(int port, String login, String password) {
        this.base = "http://localhost:" + port + "/s2low-sandbox";
        RestClient.Builder b = RestClient.builder().baseUrl(base)
                .requestFactory(new JdkClientHttpRequestFactory());
        if (login != null) {
            b.defaultHeaders(h -> h.setBasicAuth(login, password, StandardCharsets.UTF_8));
        }
        this.http = b.build();
    }

    static String number() {
        return "SBX" + SERIAL.incrementAndGet();
    }

    /** The fields of a valid posting of a délibération (3.2), without files. */
    static Map<String, String> fields(String number) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api", "1");
        f.put("nature_code", "1");
        f.put("classif1", "3");
        f.put("classif2", "2");
        f.put("number", number);
        f.put("subject", "Acquisition de la parcelle AB 12 – délibération");
        f.put("decision_date", LocalDate.now().minusDays(2).toString());
        f.put("type_acte", "99_DE");
        f.put("document_papier", "0");
        return f;
    }

    static byte[] pdf(String number) {
        return SamplePdfs.deliberation("Valmont-sur-Saône", number, "Acquisition de la parcelle AB 12", 0);
    }

    Reply create(Map<String, String> fields, Part acte, List<Part> annexes) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        fields.forEach(body::add);
        if (acte != null) {
            body.add("acte_pdf_file", acte.entity("acte_pdf_file"));
        }
        for (Part annex : annexes) {
            body.add("acte_attachments[]", annex.entity("acte_attachments[]"));
            if (annex.typePj() != null) {
                body.add("type_pj[]", annex.typePj());
            }
        }
        return post("/modules/actes/actes_transac_create.php", body);
    }

    /** Posts a valid act; its transaction id. */
    long createValid(String number) {
        Reply r = create(fields(number), new Part("deliberation.pdf", pdf(number), null), List.of(
                new Part("annexe.pdf", SamplePdfs.annex("Plan", 1), "99_DE")));
        if (!r.text().startsWith("OK\n")) {
            throw new AssertionError("Posting refused: " + r.text());
        }
        return Long.parseLong(r.lines()[1]);
    }

    Reply post(String path, LinkedMultiValueMap<String, Object> body) {
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .exchange((req, res) -> new Reply(res.getStatusCode().value(),
                        String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes(),
                        res.getHeaders()));
    }

    Reply get(String pathAndQuery) {
        return http.get().uri(pathAndQuery).exchange((req, res) -> new Reply(res.getStatusCode().value(),
                String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes(), res.getHeaders()));
    }

    /** A GET of an already encoded path and query, sent as it is. */
    Reply getEncoded(String pathAndQuery) {
        return http.get().uri(java.net.URI.create(base + pathAndQuery)).exchange((req, res) -> new Reply(
                res.getStatusCode().value(), String.valueOf(res.getHeaders().getContentType()),
                res.getBody().readAllBytes(), res.getHeaders()));
    }

    Reply status(long id) {
        return get("/modules/actes/actes_transac_get_status.php?transaction=" + id);
    }

    /** A file part, with its typology when it is an annex. */
    record Part(String name, byte[] content, String typePj) {
        HttpEntity<ByteArrayResource> entity(String field) {
            HttpHeaders h = new HttpHeaders();
            h.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            h.setContentDisposition(ContentDisposition.formData().name(field).filename(name, StandardCharsets.UTF_8)
                    .build());
            return new HttpEntity<>(new ByteArrayResource(content), h);
        }
    }
}
