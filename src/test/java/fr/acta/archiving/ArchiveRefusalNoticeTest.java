package fr.acta.archiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.acta.support.Acts;
import fr.acta.support.ApiTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The collectivité's archivists are told by e-mail when the archive refuses an act's transfer. */
@TestPropertySource(properties = "acta.test.instance=archive-notice")
class ArchiveRefusalNoticeTest extends ApiTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @Test
    void the_archivists_are_mailed_when_the_archive_refuses_a_transfer() throws Exception {
        assertThat(as("admin").putJson("/api/v1/tenants/demo/admin/connectors/archive", """
                {"kind":"ASALAE","asalae":{"baseUrl":"http://localhost:%d/api/v1/tenants/demo/sae/restservices",
                 "login":"versement","password":"pas-le-bon"}}""".formatted(port)).status()).isEqualTo(200);
        String actId = Acts.submit(as("secretaire"), "demo", "arrete");
        Acts.sign(as("maire"), "demo", Acts.awaitTask(as("maire"), "demo", actId));
        Acts.awaitState(as("secretaire"), "demo", actId, "ARCHIVE_ERROR");
        String number = as("secretaire").get("/api/v1/tenants/demo/acts/" + actId).json("$.number");

        await().atMost(Duration.ofSeconds(30)).until(() -> refusalMails().size() == 1);
        MimeMessage mail = refusalMails().get(0);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("archives@valmont.test");
        assertThat(mail.getSubject()).isEqualTo("[Acta] Versement refusé : acte " + number);
        assertThat((String) mail.getContent()).contains("Approbation du budget primitif 2026")
                .contains("nouveau versement");
    }

    private static List<MimeMessage> refusalMails() {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("[Acta] Versement refusé");
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }
}
