package fr.acta.transmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Mutual TLS: the account's certificate opens S²LOW, any other certificate or setting does not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S2lowTlsTest {

    private TestPki pki;
    private FakeS2low s2low;
    private final S2lowClient client = new S2lowClient();

    @BeforeAll
    void start() throws Exception {
        pki = new TestPki("S2LOW accounts CA");
        s2low = new FakeS2low(TestPki.serverContext(pki.issue("localhost", true), pki.ca));
        s2low.on("/api/test-connexion.php", r -> FakeS2low.Reply.latin1("OK\n"));
    }

    @AfterAll
    void stop() {
        s2low.close();
    }

    @Test
    void the_account_certificate_is_presented_and_accepted() throws Exception {
        S2lowSettings settings = new S2lowSettings(s2low.baseUrl(), pki.issue("Mairie de Valmont", false).pkcs12("pw"),
                "pw", null, null, List.of(pki.ca));

        client.testConnection(settings);

        assertThat(s2low.last().clientSubject()).isEqualTo("CN=Mairie de Valmont");
        assertThat(s2low.last().header("Authorization")).isNull();
    }

    @Test
    void a_certificate_from_another_authority_is_refused_by_the_server() throws Exception {
        TestPki other = new TestPki("Unknown CA");
        S2lowSettings settings = new S2lowSettings(s2low.baseUrl(), other.issue("Intrus", false).pkcs12("pw"), "pw",
                null, null, List.of(pki.ca));
        int before = s2low.received.size();

        assertThatThrownBy(() -> client.testConnection(settings)).isInstanceOfSatisfying(S2lowException.class, e -> {
            // TLS 1.2 reports the refusal in the handshake; TLS 1.3 only as a reset right after it
            if (e.kind() == S2lowException.Kind.AUTHENTICATION) {
                assertThat(e.getMessage()).contains("TLS mutuelle");
            } else {
                assertThat(e.kind()).isEqualTo(S2lowException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).contains("certificat client");
            }
            assertThat(e.getMessage()).contains(s2low.baseUrl().toString());
        });
        assertThat(s2low.received).hasSize(before);
    }

    @Test
    void a_server_outside_the_trusted_certificates_is_refused_by_the_client() throws Exception {
        TestPki other = new TestPki("Another server CA");
        S2lowSettings settings = new S2lowSettings(s2low.baseUrl(), pki.issue("Mairie", false).pkcs12("pw"), "pw",
                null, null, List.of(other.ca));
        int before = s2low.received.size();

        assertThatThrownBy(() -> client.testConnection(settings)).isInstanceOfSatisfying(S2lowException.class, e -> {
            assertThat(e.kind()).isEqualTo(S2lowException.Kind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("TLS mutuelle");
        });
        assertThat(s2low.received).hasSize(before);
    }

    @Test
    void a_wrong_pkcs12_password_or_a_plain_http_address_is_a_configuration_error() throws Exception {
        S2lowSettings wrong = new S2lowSettings(s2low.baseUrl(), pki.issue("Mairie", false).pkcs12("right"), "wrong",
                null, null, List.of(pki.ca));
        assertThatThrownBy(() -> client.testConnection(wrong)).isInstanceOfSatisfying(S2lowException.class, e -> {
            assertThat(e.kind()).isEqualTo(S2lowException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("PKCS#12").doesNotContain("wrong").doesNotContain("right");
        });
        byte[] p12 = pki.issue("Mairie", false).pkcs12("pw");
        assertThatThrownBy(() -> S2lowSettings.of(URI.create("http://s2low.example.fr"), p12, "pw"))
                .isInstanceOfSatisfying(S2lowException.class,
                        e -> assertThat(e.kind()).isEqualTo(S2lowException.Kind.CONFIGURATION));
        assertThatThrownBy(() -> S2lowSettings.of(URI.create("https://s2low.example.fr"), new byte[0], "pw"))
                .hasMessageContaining("TLS mutuelle");
        assertThat(new S2lowSettings(URI.create("https://s2low.example.fr/"), p12, "pw", "agent", "s3cret", null)
                .toString()).doesNotContain("s3cret").doesNotContain("pw,").contains("https://s2low.example.fr,");
    }
}
