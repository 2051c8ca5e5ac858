package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.acta.support.Acts;
import fr.acta.support.ApiTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** A step past its due date is marked late and its desk reminded by e-mail, through a real SMTP server. */
@TestPropertySource(properties = {"acta.test.instance=reminders", "acta.circuit.step-due=PT3S"})
class StepReminderTest extends ApiTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @Test
    void a_late_step_is_marked_late_and_its_desk_holders_receive_a_reminder() throws Exception {
        String actId = Acts.submit(as("secretaire"), "demo", "arrete");
        String task = Acts.awaitTask(as("maire"), "demo", actId);

        await().atMost(Duration.ofSeconds(60)).until(() -> SMTP.getReceivedMessages().length > 0);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("maire@valmont.test");
        assertThat(mail.getSubject()).startsWith("[Acta] Relance");
        assertThat((String) mail.getContent()).contains("Approbation du budget primitif 2026");

        Map<String, Object> view = as("maire").get("/api/v1/tenants/demo/tasks").<List<Map<String, Object>>>json("$")
                .stream().filter(t -> t.get("id").equals(task)).findFirst().orElseThrow();
        assertThat(view).containsEntry("late", true);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("secretaire").get("/api/v1/tenants/demo/acts/" + actId).text().contains("REMINDER"));
        // the reminder does not interrupt the step: the maire can still act
        assertThat(Acts.sign(as("maire"), "demo", task).status()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
    }

    @Test
    void a_rejection_is_told_to_the_submitter_and_to_earlier_actors() throws Exception {
        String actId = Acts.submit(as("secretaire"), "demo", "deliberation");
        String visa = Acts.awaitTask(as("adjoint"), "demo", actId);
        assertThat(Acts.decide(as("adjoint"), "demo", visa, "VISA", null).status()).isEqualTo(204);
        String task = Acts.awaitTask(as("maire"), "demo", actId);
        int before = SMTP.getReceivedMessages().length;
        assertThat(Acts.decide(as("maire"), "demo", task, "REJECT", "Annexe manquante").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(SMTP.getReceivedMessages())
                .skip(before).anyMatch(m -> subject(m).contains("rejeté")));
        List<String> to = java.util.Arrays.stream(SMTP.getReceivedMessages()).skip(before)
                .filter(m -> subject(m).contains("rejeté")).flatMap(m -> recipients(m).stream()).toList();
        assertThat(to).contains("secretaire@valmont.test", "adjoint@valmont.test").doesNotContain("maire@valmont.test");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
