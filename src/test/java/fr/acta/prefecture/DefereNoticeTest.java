package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** A déféré au tribunal administratif is recorded with its document and told to the submitter by e-mail, once. */
@TestPropertySource(properties = "acta.test.instance=defere")
class DefereNoticeTest extends ApiTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @Test
    void a_defere_is_recorded_and_mailed_to_the_submitter() throws Exception {
        Api secretaire = as("secretaire");
        String actId = Letters.acknowledgedAct(secretaire, as("maire"));
        long defere = Letters.issue(as("operateur"), Letters.transaction(secretaire, actId), "DEFERE_TA",
                "Incompétence de l'auteur de l'acte");

        await().atMost(Duration.ofSeconds(60)).until(() -> defereMails().size() == 1);
        MimeMessage mail = defereMails().get(0);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("secretaire@valmont.test");
        assertThat(mail.getSubject()).startsWith("[Acta] Déféré au tribunal administratif");
        assertThat((String) mail.getContent()).contains("Approbation du budget primitif 2026")
                .contains("Incompétence de l'auteur de l'acte");

        Map<String, Object> message = Letters.awaitMessage(secretaire, actId, defere);
        assertThat(message).containsEntry("type", "DEFERE_TA").containsEntry("state", "RECORDED")
                .containsEntry("replyExpected", false).containsEntry("detail", "Incompétence de l'auteur de l'acte");
        assertThat((List<?>) message.get("documents")).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> secretaire.get("/api/v1/tenants/demo/acts/" + actId)
                .<List<String>>json("$.history[*].event").contains("DEFERE_NOTIFIED"));
        assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + actId).<List<String>>json("$.history[*].event"))
                .contains("DEFERE");
        assertThat(Letters.replyTasks(secretaire, actId)).isEmpty();

        Api.Response reply = secretaire.multipart(Letters.replyPath(actId, message.get("id")), new Api.Multipart()
                .field("refusal", "false").file("letter", "reponse.pdf", SamplePdfs.annex("Réponse", 1)));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.<String>json("$.detail")).contains("déféré");

        // told once: the mailbox's later looks send nothing more
        Thread.sleep(3000);
        assertThat(defereMails()).hasSize(1);
    }

    private static List<MimeMessage> defereMails() {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains("Déféré");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
