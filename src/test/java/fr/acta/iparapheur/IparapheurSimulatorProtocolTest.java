package fr.acta.iparapheur;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import fr.acta.simulator.iparapheur.SimFixtures;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The simulator on the wire, without the connector: Keycloak's error JSON, the resource server's
 * 401, the API's ErrorResponse and Spring pages, and what a folder creation must contain.
 */
class IparapheurSimulatorProtocolTest extends ApiTest {

    private record Answer(int status, HttpHeaders headers, String body) {
        <T> T json(String path) {
            return JsonPath.read(body, path);
        }
    }

    private final RestClient http = RestClient.builder().build();

    private String base() {
        return "http://localhost:" + port + "/iparapheur-sim";
    }

    private String api() {
        return base() + "/api/standard/v1/tenant/" + SimFixtures.TENANT_ID + "/desk/" + SimFixtures.EMITTER_DESK_ID;
    }

    private Answer token(Map<String, String> fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return http.post().uri(base() + "/auth/realms/api/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange((req, res) -> new Answer(
                        res.getStatusCode().value(), res.getHeaders(), new String(res.getBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
    }

    private String bearer() {
        return token(Map.of("grant_type", "password", "client_id", "ipcore-web", "username", "acta",
                "password", "acta-simulateur")).json("$.access_token");
    }

    private Answer get(String url, String token) {
        return http.get().uri(url).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Answer post(String url, String token, MediaType type, Object body) {
        return http.post().uri(url).headers(h -> h.setBearerAuth(token)).contentType(type).body(body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void the_token_endpoint_answers_like_keycloak() {
        Answer ok = token(Map.of("grant_type", "password", "client_id", "ipcore-web", "username", "acta",
                "password", "acta-simulateur"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.<String>json("$.token_type")).isEqualTo("Bearer");
        assertThat(ok.<Integer>json("$.expires_in")).isEqualTo(900);
        assertThat(ok.<Integer>json("$.refresh_expires_in")).isEqualTo(1800);
        assertThat(ok.<String>json("$.scope")).isEqualTo("roles");

        Answer badPassword = token(Map.of("grant_type", "password", "client_id", "ipcore-web", "username", "acta",
                "password", "faux"));
        assertThat(badPassword.status()).isEqualTo(401);
        assertThat(badPassword.<String>json("$.error")).isEqualTo("invalid_grant");
        assertThat(badPassword.<String>json("$.error_description")).isEqualTo("Invalid user credentials");

        Answer grant = token(Map.of("grant_type", "client_credentials", "client_id", "ipcore-web"));
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.<String>json("$.error")).isEqualTo("unsupported_grant_type");

        Answer refresh = token(Map.of("grant_type", "refresh_token", "client_id", "ipcore-web",
                "refresh_token", ok.json("$.refresh_token")));
        assertThat(refresh.status()).isEqualTo(200);
        Answer reused = token(Map.of("grant_type", "refresh_token", "client_id", "ipcore-web",
                "refresh_token", ok.json("$.refresh_token")));
        assertThat(reused.status()).as("a refresh token is used once").isEqualTo(400);
    }

    @Test
    void the_api_wants_a_valid_bearer_token_before_anything_else() {
        Answer none = get(api() + "/FINISHED", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.body()).isEmpty();

        Answer invalid = get(api() + "/FINISHED", "pas-un-jeton");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.headers().getFirst("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");

        Answer basic = http.get().uri(api() + "/FINISHED").headers(h -> h.setBasicAuth("admin", "demo"))
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(), ""));
        assertThat(basic.status()).as("Acta's own accounts do not open the simulator").isEqualTo(401);
    }

    @Test
    void lists_are_spring_pages_and_errors_are_error_responses() {
        String token = bearer();
        Answer page = get(api() + "/FINISHED?page=0&size=5", token);
        assertThat(page.status()).isEqualTo(200);
        Map<String, Object> json = page.json("$");
        assertThat(json).containsKeys("content", "pageable", "totalPages", "totalElements", "last", "size", "number",
                "sort", "numberOfElements", "first", "empty");
        assertThat(page.<Integer>json("$.pageable.pageSize")).isEqualTo(5);

        Answer unknownState = get(api() + "/ARCHIVED", token);
        assertThat(unknownState.status()).isEqualTo(400);
        assertThat((Map<String, Object>) unknownState.json("$")).containsKeys("timestamp", "status", "error",
                "message", "path");
        assertThat(unknownState.<String>json("$.path")).endsWith("/ARCHIVED");

        Answer tenants = get(base() + "/api/standard/v1/tenant", token);
        assertThat(tenants.<List<String>>json("$.content[*].id")).containsExactly(SimFixtures.TENANT_ID);
    }

    @Test
    void a_folder_needs_its_premis_part_described_documents_and_a_rejection_needs_an_annotation() {
        String token = bearer();
        LinkedMultiValueMap<String, HttpEntity<?>> onlyDocuments = new LinkedMultiValueMap<>();
        onlyDocuments.add("documents", file("a.pdf", SamplePdfs.annex("A", 1)));
        Answer noPremis = post(api() + "/folder", token, MediaType.MULTIPART_FORM_DATA, onlyDocuments);
        assertThat(noPremis.status()).isEqualTo(400);
        assertThat(noPremis.<Integer>json("$.status")).isEqualTo(400);

        byte[] premis = Premis.draft("Dossier", "ACTES", "Arrêté", null, Map.of(), List.of("décrit.pdf"), List.of());
        LinkedMultiValueMap<String, HttpEntity<?>> mismatch = new LinkedMultiValueMap<>();
        mismatch.add("folder", file("premis.xml", premis));
        mismatch.add("documents", file("autre.pdf", SamplePdfs.annex("A", 1)));
        Answer notDescribed = post(api() + "/folder", token, MediaType.MULTIPART_FORM_DATA, mismatch);
        assertThat(notDescribed.status()).isEqualTo(400);
        assertThat(notDescribed.<String>json("$.message")).contains("« décrit.pdf »");

        LinkedMultiValueMap<String, HttpEntity<?>> draft = new LinkedMultiValueMap<>();
        draft.add("folder", file("premis.xml", premis));
        draft.add("documents", file("décrit.pdf", SamplePdfs.annex("A", 1)));
        Answer created = post(api() + "/folder?autoStart=true", token, MediaType.MULTIPART_FORM_DATA, draft);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("\"dueDate\":null");
        String id = created.json("$.id");
        Answer tooShort = post(base() + "/admin/folders/" + id + "/reject", token, MediaType.APPLICATION_JSON,
                Map.of("publicAnnotation", "non"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.<String>json("$.message")).contains("dépasser 3 caractères");
    }

    private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(name.endsWith(".xml") ? MediaType.APPLICATION_XML : MediaType.APPLICATION_PDF);
        return new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }
}
