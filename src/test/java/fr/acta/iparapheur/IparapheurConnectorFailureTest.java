package fr.acta.iparapheur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** Failure paths that a working server never shows: the connector gives up instead of looping. */
class IparapheurConnectorFailureTest {

    private static final String BASE = "https://parapheur.example.fr";
    private static final String TOKEN_URL = BASE + "/auth/realms/api/protocol/openid-connect/token";
    private static final String PREMIS_URL = BASE + "/api/standard/v1/tenant/t/desk/d/folder/f-1/premis";

    private final RestClient.Builder builder = RestClient.builder();
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final IparapheurConnector connector = new IparapheurConnector(builder, Clock.systemUTC());
    private final IparapheurSettings settings = IparapheurSettings.standard(URI.create(BASE + "/"), "acta", "s3cret",
            "t", "d", "ACTES", "Délibération");

    private static String token(String access, String refresh) {
        return """
                {"access_token":"%s","expires_in":900,"refresh_expires_in":1800,"refresh_token":"%s",
                 "token_type":"Bearer","not-before-policy":0,"scope":"roles"}""".formatted(access, refresh);
    }

    @Test
    void a_second_401_after_renewing_the_token_is_an_authentication_error_not_a_loop() {
        server.expect(requestTo(TOKEN_URL)).andExpect(content().formDataContains(java.util.Map.of(
                        "grant_type", "password", "client_id", "ipcore-web", "username", "acta", "password", "s3cret")))
                .andRespond(withSuccess(token("A", "R1"), MediaType.APPLICATION_JSON));
        server.expect(requestTo(PREMIS_URL)).andRespond(withStatus(HttpStatus.UNAUTHORIZED));
        server.expect(requestTo(TOKEN_URL)).andExpect(content().formDataContains(java.util.Map.of(
                        "grant_type", "refresh_token", "refresh_token", "R1")))
                .andRespond(withSuccess(token("B", "R2"), MediaType.APPLICATION_JSON));
        server.expect(requestTo(PREMIS_URL)).andRespond(withStatus(HttpStatus.UNAUTHORIZED));

        assertThatThrownBy(() -> connector.status(settings, "f-1"))
                .isInstanceOfSatisfying(IparapheurException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IparapheurException.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("même renouvelé").doesNotContain("s3cret");
                });
        server.verify();
    }

    @Test
    void a_server_error_is_reported_once_as_retryable() {
        server.expect(requestTo(TOKEN_URL)).andRespond(withSuccess(token("A", "R1"), MediaType.APPLICATION_JSON));
        server.expect(ExpectedCount.once(), requestTo(PREMIS_URL)).andExpect(method(HttpMethod.GET))
                .andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"maintenance\"}"));

        assertThatThrownBy(() -> connector.status(settings, "f-1"))
                .isInstanceOfSatisfying(IparapheurException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("maintenance");
                });
        server.verify();
    }

    @Test
    void a_refused_refresh_token_falls_back_to_the_password_grant() {
        server.expect(requestTo(TOKEN_URL)).andRespond(withSuccess(token("A", "R1"), MediaType.APPLICATION_JSON));
        server.expect(requestTo(PREMIS_URL)).andRespond(withStatus(HttpStatus.UNAUTHORIZED));
        server.expect(requestTo(TOKEN_URL)).andExpect(content().formDataContains(java.util.Map.of(
                        "grant_type", "refresh_token")))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}"));
        server.expect(requestTo(TOKEN_URL)).andExpect(content().formDataContains(java.util.Map.of(
                        "grant_type", "password")))
                .andRespond(withSuccess(token("C", "R3"), MediaType.APPLICATION_JSON));
        server.expect(requestTo(PREMIS_URL)).andRespond(withSuccess(
                "<premis xmlns=\"http://www.loc.gov/premis/v3\"/>", MediaType.APPLICATION_XML));

        assertThat(connector.status(settings, "f-1").state()).isEqualTo(FolderState.PENDING);
        server.verify();
    }
}
