package fr.acta.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pastell's variant of HTTP Basic (the password's lowercase hex SHA-256 sent as the password) opens
 * the archive's As@lae API, and nothing else; the password itself opens everything it did.
 */
class Sha256PasswordTest extends ApiTest {

    private static final String REST = "/api/v1/tenants/demo/sae/restservices";

    @Test
    void the_sha256_of_the_password_opens_the_archive_s_as_lae_api() {
        assertThat(as("versement", sha256("demo")).get(REST + "/ping").status()).isEqualTo(200);
        assertThat(as("archiviste", sha256("demo")).get(REST + "/versions").status()).isEqualTo(200);
        assertThat(as("versement", "demo").get(REST + "/ping").status()).isEqualTo(200);
        assertThat(as("versement", sha256("pas le bon")).get(REST + "/ping").status()).isEqualTo(401);
        assertThat(as("versement", sha256("demo").toUpperCase()).get(REST + "/ping").status()).isEqualTo(401);
    }

    @Test
    void the_sha256_of_the_password_opens_no_other_api() {
        // the plain password first, so that a remembered sign-in cannot help the variant
        assertThat(as("secretaire", "demo").get("/api/v1/tenants/demo/acts").status()).isEqualTo(200);
        assertThat(as("archiviste", "demo").get(REST + "/ping").status()).isEqualTo(200);

        assertThat(as("secretaire", sha256("demo")).get("/api/v1/tenants/demo/acts").status()).isEqualTo(401);
        assertThat(as("archiviste", sha256("demo")).get("/api/v1/tenants/demo/archives").status()).isEqualTo(401);
        assertThat(as("operateur", sha256("demo")).get("/engine-rest/engine").status()).isEqualTo(401);
        // and after the variant was accepted on the archive's API, it still opens nothing else
        assertThat(as("secretaire", sha256("demo")).get(REST + "/ping").status()).isEqualTo(403);
        assertThat(as("secretaire", sha256("demo")).get("/api/v1/tenants/demo/acts").status()).isEqualTo(401);
    }

    @Test
    void the_variant_is_kept_as_a_bcrypt_hash_set_with_the_password() {
        String stored = jdbc.queryForObject("select sha256_password_hash from app_user where username = 'versement'",
                String.class);

        assertThat(stored).startsWith("{bcrypt}").doesNotContain(sha256("demo"));
    }

    private static String sha256(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
