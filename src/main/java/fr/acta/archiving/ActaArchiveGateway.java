package fr.acta.archiving;

import fr.acta.sae.SaeInbox;
import fr.acta.tenant.TenantRef;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Acta's own archive, in the same JVM: deposit and follow-up through its inbox. */
@Component
class ActaArchiveGateway implements ArchiveGateway {

    private final SaeInbox inbox;
    private final TransactionTemplate own;

    ActaArchiveGateway(SaeInbox inbox, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        // the archive is a system of its own: what it received stays received, whatever becomes of the sender
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public ArchiveKind kind() {
        return ArchiveKind.ACTA;
    }

    @Override
    public String send(TenantRef tenant, ArchiveSettings settings, Outgoing transfer) {
        try {
            own.executeWithoutResult(status -> inbox.deposit(tenant, ArchivingService.SYSTEM, transfer.manifest(),
                    transfer.zip()));
        } catch (fr.acta.common.ValidationException e) {
            throw new ArchiveRefusedException("Le service d'archives d'Acta a refusé le versement : " + e.getMessage(), e);
        }
        return null;
    }

    @Override
    public Optional<String> find(TenantRef tenant, ArchiveSettings settings, Outgoing transfer) {
        return inbox.standing(tenant.id(), transfer.transferringAgency(), transfer.messageIdentifier())
                .map(s -> transfer.messageIdentifier());
    }

    @Override
    public ArchiveOutcome follow(TenantRef tenant, ArchiveSettings settings, Outgoing transfer, String reference) {
        Optional<SaeInbox.Standing> standing = inbox.standing(tenant.id(), transfer.transferringAgency(),
                transfer.messageIdentifier());
        if (standing.isEmpty()) {
            throw new IllegalStateException("The archive does not know transfer " + transfer.messageIdentifier());
        }
        SaeInbox.Standing s = standing.get();
        return switch (s.status()) {
            case "ACCEPTED" -> ArchiveOutcome.accepted(s.replyCode(), s.archiveIdentifier());
            case "REJECTED" -> ArchiveOutcome.rejected(s.replyCode(), s.comment());
            default -> ArchiveOutcome.pending(s.acknowledgement() != null);
        };
    }
}
