package fr.acta.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * E-mail notifications through a real SMTP server ({@code spring.mail.*}); when none is configured,
 * the message is written to the log instead, so nothing is silently dropped.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    Notifier(ObjectProvider<JavaMailSender> mailSender, @Value("${acta.mail.from:acta@localhost}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    /** Sends one message to each address; returns whether it went out by SMTP. */
    public boolean send(List<String> to, String subject, String body) {
        List<String> recipients = to.stream().filter(a -> a != null && a.contains("@")).distinct().toList();
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || recipients.isEmpty()) {
            log.info("Notification (no SMTP server configured) to {}: {}\n{}", recipients, subject, body);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipients.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            // a reminder that cannot be sent must not lose the act's progress: log it, the step stays late
            log.warn("Notification to {} failed: {}", recipients, e.getMessage());
            return false;
        }
    }
}
