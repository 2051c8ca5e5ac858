package fr.acta.prefecture;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.tenant.AppUser;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import fr.acta.tenant.TenantService;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A déféré au tribunal administratif is told to the act's submitter by e-mail, once: the message is
 * written here, sent by the process's step, and the sending recorded on the letter and in the
 * act's history.
 */
@Service
public class DefereNotices {

    /** An e-mail to send. */
    public record Notice(List<String> to, String subject, String body) {
    }

    private final LetterStore letters;
    private final ActService acts;
    private final TenantService people;
    private final TenantAccess tenants;

    DefereNotices(LetterStore letters, ActService acts, TenantService people, TenantAccess tenants) {
        this.letters = letters;
        this.acts = acts;
        this.people = people;
        this.tenants = tenants;
    }

    /** The e-mail about the déféré, unless it was sent already. */
    @Transactional(readOnly = true)
    public Optional<Notice> pending(UUID messageId) {
        Letter letter = letters.get(messageId).orElseThrow();
        if (letter.notifiedAt() != null) {
            return Optional.empty();
        }
        ActFacts act = acts.facts(letter.actId());
        TenantRef tenant = tenants.findById(letter.tenantId()).orElseThrow();
        List<String> to = people.user(act.submittedBy()).map(AppUser::getEmail).stream()
                .filter(e -> e != null && !e.isBlank()).toList();
        String when = letter.letterDate() == null ? "" : " le " + LetterReception.FRENCH.format(letter.letterDate());
        String body = "Bonjour,\n\nLa préfecture a déféré au tribunal administratif" + when + " l'acte « "
                + act.subject() + " » (" + act.number() + (act.idActe() == null ? "" : ", " + act.idActe()) + ")."
                + (letter.detail() == null ? "" : "\n\nMotif indiqué : " + letter.detail())
                + "\n\nLe déféré et ses pièces sont dans Acta, avec l'acte.\n\n" + tenant.name() + "\n";
        return Optional.of(new Notice(to, "[Acta] Déféré au tribunal administratif : " + act.number(), body));
    }

    /** Records that the e-mail went (or could not go) out. */
    @Transactional
    public void sent(UUID messageId, Notice notice, boolean bySmtp) {
        Letter letter = letters.getForUpdate(messageId).orElseThrow();
        if (letter.notifiedAt() != null) {
            return;
        }
        letters.notified(messageId);
        acts.record(letter.actId(), null, TransmissionService.SYSTEM, "DEFERE_NOTIFIED", bySmtp
                ? "Déféré signalé par courriel à " + String.join(", ", notice.to())
                : "Déféré : aucun courriel n'a pu être envoyé (adresse ou serveur de messagerie absents), "
                        + "le message est dans le journal");
    }
}
