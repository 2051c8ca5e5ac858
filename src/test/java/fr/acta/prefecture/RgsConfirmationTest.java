package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An account whose sendings wait for an agent's RGS confirmation (S²LOW status 17): the act is posted
 * with {@code en_attente=1}, its JSON says it waits and gives S²LOW's confirmation link; once an
 * agent confirmed it there, the act goes on to its acknowledgement.
 */
class RgsConfirmationTest extends SandboxedTransmissionTest {

    private static final String ACCOUNT = "/api/v1/tenants/voisine/admin/connectors/s2low";

    @BeforeEach
    void reset() {
        resetSandbox();
    }

    @AfterEach
    void restore() {
        assertThat(account(false).status()).isEqualTo(200);
    }

    private Api.Response account(boolean confirmationRequired) {
        return operator().putMultipart(ACCOUNT, new Api.Multipart().field("sandbox", "true").field("login", "voisine")
                .field("password", "demo").field("confirmationRequired", Boolean.toString(confirmationRequired)));
    }

    @Test
    void a_sending_waits_for_the_agents_confirmation_then_goes_on_to_the_acknowledgement() throws Exception {
        Api.Response set = account(true);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.<Boolean>json("$.confirmationRequired")).isTrue();

        String actId = signedAct("voisine", "secretaire.voisine", "maire.voisine");
        Api.Response waiting = awaitTransmission("voisine", actId, 1, "AWAITING_CONFIRMATION");
        assertThat(waiting.<String>json("$.state")).isEqualTo("TRANSMITTED");
        assertThat(waiting.<Integer>json("$.transmission.s2lowStatus")).isEqualTo(17);
        assertThat(waiting.<List<String>>json("$.history[*].event")).contains("AWAITING_RGS_CONFIRMATION");
        String number = waiting.json("$.number");
        Map<String, Object> posted = sandboxTransaction(number);
        assertThat(posted.get("status")).as("posted with en_attente=1").isEqualTo(17);

        Api.Response seen = as("secretaire.voisine").get("/api/v1/tenants/voisine/acts/" + actId);
        assertThat(seen.<String>json("$.transmission.confirmation.message")).contains("certificat RGS");
        String link = seen.json("$.transmission.confirmation.link");
        assertThat(link).startsWith("http://localhost:" + port + "/s2low-sandbox/modules/actes/"
                + "actes_transac_post_confirm_api.php?id=" + posted.get("id") + "&")
                .contains("login=voisine").contains("nounce=").contains("hash=").contains("url_return=")
                .as("no password in the link").doesNotContain("demo");

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> confirmed = browser.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith("http://localhost:" + port + "/api/v1/tenants/voisine/acts/" + actId
                        + "?confirmation=0&message="));

        Api.Response acknowledged = awaitTransmission("voisine", actId, 1, "ACKNOWLEDGED");
        Acts.awaitState(as("secretaire.voisine"), "voisine", actId, "ACKNOWLEDGED");
        assertThat(acknowledged.<Map<String, Object>>json("$.transmission")).doesNotContainKey("confirmation");
        assertThat(sandboxTransaction(number).get("status")).isEqualTo(4);

        // the link was good for one confirmation only
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("confirmation=1"));
        assertThat(sandboxTransactions(number)).hasSize(1);
    }
}
