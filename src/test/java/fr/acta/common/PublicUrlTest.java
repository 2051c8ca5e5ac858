package fr.acta.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The public address of the installation: configured, or localhost and the port actually listened on. */
class PublicUrlTest {

    @Test
    void the_configured_url_wins_without_its_trailing_slash() {
        MockEnvironment env = new MockEnvironment().withProperty("acta.public-url", " https://acta.example.fr/ ")
                .withProperty("local.server.port", "41234");
        assertThat(PublicUrl.of(env)).isEqualTo("https://acta.example.fr");
    }

    @Test
    void unset_it_is_localhost_on_the_port_listened_on() {
        assertThat(PublicUrl.of(new MockEnvironment().withProperty("acta.public-url", "")
                .withProperty("server.port", "0").withProperty("local.server.port", "41234")))
                .isEqualTo("http://localhost:41234");
        assertThat(PublicUrl.of(new MockEnvironment().withProperty("server.port", "9090"))).isEqualTo("http://localhost:9090");
        assertThat(PublicUrl.of(new MockEnvironment())).isEqualTo("http://localhost:8080");
    }
}
