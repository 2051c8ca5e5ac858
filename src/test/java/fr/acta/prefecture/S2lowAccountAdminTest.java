package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.signature.Pkcs12Samples;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.tenant.TenantAccess;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The collectivité's S²LOW account through its administration API: passwords and key never shown
 * nor stored in clear, French field errors for a bad certificate, a wrong password or an http
 * address, and only the collectivité's administrators (or the operator) may see or change it.
 */
class S2lowAccountAdminTest extends ApiTest {

    private static final String PATH = "/api/v1/tenants/voisine/admin/connectors/s2low";
    private static final String PASSWORD = "Mot-de-passe-S2low-7f3a";
    private static final String URL = "https://s2low.example-tdt.fr";
    private static final byte[] P12 = Pkcs12Samples.otherCa();

    @Autowired
    TenantAccess tenants;

    /** Back to what the demo gives Saint-Aubin: the sandbox préfecture's account. */
    @AfterEach
    void restore() {
        Api.Response r = as("operateur").putMultipart(PATH, new Api.Multipart().field("sandbox", "true")
                .field("login", "voisine").field("password", "demo"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static Api.Multipart real() {
        return real(P12, Map.of());
    }

    /** A real S²LOW account with this certificate, some fields replaced. */
    private static Api.Multipart real(byte[] certificate, Map<String, String> replaced) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("baseUrl", URL, "login", "acta-voisine",
                "password", PASSWORD, "certificatePassword", Pkcs12Samples.PASSWORD, "confirmationRequired", "true"));
        fields.putAll(replaced);
        Api.Multipart form = new Api.Multipart().file("certificate", "s2low.p12", certificate);
        fields.forEach(form::field);
        return form;
    }

    @Test
    void passwords_and_key_are_never_shown_nor_stored_in_clear() {
        Api operator = as("operateur");
        Api.Response saved = operator.putMultipart(PATH, real());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.<Boolean>json("$.sandbox")).isFalse();
        assertThat(saved.<String>json("$.baseUrl")).isEqualTo(URL);
        assertThat(saved.<String>json("$.login")).isEqualTo("acta-voisine");
        assertThat(saved.<Boolean>json("$.passwordSet")).isTrue();
        assertThat(saved.<Boolean>json("$.confirmationRequired")).isTrue();
        assertThat(saved.<String>json("$.certificateSubject")).contains("CN=");
        assertThat(saved.<String>json("$.certificateNotAfter")).isNotBlank();
        Api.Response read = operator.get(PATH);
        assertThat(read.status()).isEqualTo(200);
        for (Api.Response r : List.of(saved, read)) {
            assertThat(r.text()).doesNotContain(PASSWORD).doesNotContain(Pkcs12Samples.PASSWORD)
                    .doesNotContain(Base64.getEncoder().encodeToString(P12).substring(0, 40))
                    .doesNotContain("\"password\"").doesNotContain("pkcs12");
        }

        UUID voisine = tenants.find("voisine").orElseThrow().id();
        List<Map<String, Object>> rows = jdbc.queryForList("select * from tenant_secret where tenant_id = ? "
                + "and name = 'connector/s2low'", voisine);
        assertThat(rows).singleElement().satisfies(row -> {
            byte[] blob = (byte[]) row.get("ciphertext");
            String raw = new String(blob, StandardCharsets.ISO_8859_1) + row;
            assertThat(raw).doesNotContain(PASSWORD).doesNotContain(Pkcs12Samples.PASSWORD).doesNotContain(URL)
                    .doesNotContain("acta-voisine").doesNotContain(Base64.getEncoder().encodeToString(P12)
                            .substring(0, 40));
            assertThat(contains(blob, Arrays.copyOfRange(P12, 0, 32))).isFalse();
        });

        // an update without passwords nor certificate keeps them
        Api.Response updated = operator.putMultipart(PATH, new Api.Multipart().field("baseUrl", URL + "/")
                .field("login", "acta-voisine"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.<Boolean>json("$.passwordSet")).isTrue();
        assertThat(updated.<String>json("$.certificateSubject")).isEqualTo(saved.json("$.certificateSubject"));
        assertThat(updated.<Boolean>json("$.confirmationRequired")).isFalse();
    }

    @Test
    void a_faulty_account_is_refused_field_by_field_in_french_and_nothing_is_stored() {
        Api operator = as("operateur");
        refused(operator.putMultipart(PATH, real("Bonjour".getBytes(), Map.of())),
                "certificate", "Le fichier n'est pas un PKCS#12 (.p12 ou .pfx) lisible.");
        refused(operator.putMultipart(PATH, real(P12, Map.of("certificatePassword", "mauvais"))), "certificatePassword",
                "Le mot de passe ne permet pas d'ouvrir le fichier PKCS#12.");
        refused(operator.putMultipart(PATH, real(P12, Map.of("baseUrl", "http://s2low.example-tdt.fr"))), "baseUrl",
                "Une adresse http n'est pas acceptée pour un S²LOW réel : S²LOW exige https et l'authentification "
                        + "TLS mutuelle.");
        refused(operator.putMultipart(PATH, real(P12, Map.of("baseUrl", "s2low.example-tdt.fr"))), "baseUrl", null);
        refused(operator.putMultipart(PATH, real(Pkcs12Samples.expired(), Map.of())),
                "certificate", null);
        refused(operator.putMultipart(PATH, new Api.Multipart().field("baseUrl", URL).field("login", "a")
                .field("password", "b")), "certificate", null);
        refused(operator.putMultipart(PATH, new Api.Multipart().field("sandbox", "true").field("login", "voisine")
                .field("password", "demo").field("confirmationRequired", "peut-être")), "confirmationRequired", null);
        refused(operator.putMultipart(PATH, new Api.Multipart().field("baseUrl", URL).file("certificate", "s.p12", P12)
                .field("certificatePassword", Pkcs12Samples.PASSWORD).field("confirmationRequired", "true")),
                "login", null);

        Api.Response kept = operator.get(PATH);
        assertThat(kept.<Boolean>json("$.sandbox")).as("the sandbox account is still there").isTrue();
        assertThat(kept.<String>json("$.login")).isEqualTo("voisine");
    }

    @Test
    void only_the_collectivites_administrators_see_or_change_it() {
        Api.Multipart body = new Api.Multipart().field("sandbox", "true").field("login", "demo").field("password", "x");
        assertThat(as("secretaire").get("/api/v1/tenants/demo/admin/connectors/s2low").status()).isEqualTo(403);
        assertThat(as("maire").putMultipart("/api/v1/tenants/demo/admin/connectors/s2low", body).status())
                .isEqualTo(403);
        assertThat(as("secretaire.voisine").delete(PATH).status()).isEqualTo(403);
        assertThat(as("admin").get(PATH).status()).as("another collectivité's").isEqualTo(404);
        assertThat(as("admin").putMultipart(PATH, body).status()).isEqualTo(404);
        assertThat(as("admin").delete(PATH).status()).isEqualTo(404);
        assertThat(anonymous().get(PATH).status()).isEqualTo(401);

        Api.Response own = as("admin").get("/api/v1/tenants/demo/admin/connectors/s2low");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.<Boolean>json("$.sandbox")).isTrue();
        assertThat(own.<String>json("$.baseUrl")).endsWith("/s2low-sandbox");

        assertThat(as("operateur").delete(PATH).status()).isEqualTo(204);
        Api.Response gone = as("operateur").get(PATH);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.text()).contains("Aucun compte S²LOW");
        assertThat(as("operateur").delete(PATH).status()).isEqualTo(404);
    }

    private static void refused(Api.Response r, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.errorFields()).as(r.toString()).containsExactly(field);
        assertThat(r.<String>json("$.detail")).isEqualTo("Les paramètres S²LOW ne sont pas valides.");
        if (message != null) {
            assertThat(r.<String>json("$.errors[0].message")).isEqualTo(message);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
