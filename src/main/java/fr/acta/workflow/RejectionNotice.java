package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActSummary;
import fr.acta.act.ActView;
import fr.acta.notification.Notifier;
import fr.acta.tenant.AppUser;
import fr.acta.tenant.TenantRef;
import fr.acta.tenant.TenantService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A rejection is told to the act's submitter and to everyone who already acted in its circuit. */
@Component
class RejectionNotice {

    private static final Set<String> ACTED = Set.of("VISA_APPROVED", "SIGNED");

    private final ActService acts;
    private final TenantService people;
    private final Notifier notifier;

    RejectionNotice(ActService acts, TenantService people, Notifier notifier) {
        this.acts = acts;
        this.people = people;
        this.notifier = notifier;
    }

    void tell(TenantRef tenant, UUID actId, String rejectedBy, String annotation) {
        ActSummary act = acts.summary(tenant, actId).orElseThrow();
        Set<String> usernames = new LinkedHashSet<>();
        usernames.add(act.submittedBy());
        acts.history(actId).stream().filter(e -> ACTED.contains(e.event())).map(ActView.HistoryEntry::actor)
                .forEach(usernames::add);
        usernames.remove(rejectedBy);
        List<String> emails = usernames.stream().map(people::user).flatMap(java.util.Optional::stream)
                .map(AppUser::getEmail).toList();
        String subject = "[Acta] Acte rejeté : " + act.number();
        String body = "Bonjour,\n\nL'acte « " + act.subject() + " » (" + act.number() + ") a été rejeté par "
                + rejectedBy + " :\n\n" + annotation + "\n\nIl revient à son rédacteur pour correction.\n\n"
                + tenant.name() + "\n";
        // told once the rejection is committed, never for a rejection that did not happen
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                notifier.send(emails, subject, body);
            }
        });
    }
}
