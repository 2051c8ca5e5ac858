package fr.acta.archiving;

import fr.acta.tenant.TenantRef;
import fr.acta.vitam.VitamClient;
import fr.acta.vitam.VitamException;
import fr.acta.vitam.VitamOperation;
import fr.acta.vitam.VitamSettings;
import fr.acta.vitam.VitamTransferReply;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A Vitam: the SIP to ingest-external, its operation followed on admin-external until COMPLETED,
 * then its ArchiveTransferReply; an earlier ingest of the same message is found in the logbook.
 * The archive's identifier of an accepted act is the SystemId of its root archive unit.
 */
@Component
class VitamArchiveGateway implements ArchiveGateway {

    private final VitamClient client;

    VitamArchiveGateway(VitamClient client) {
        this.client = client;
    }

    @Override
    public ArchiveKind kind() {
        return ArchiveKind.VITAM;
    }

    @Override
    public String send(TenantRef tenant, ArchiveSettings settings, Outgoing transfer) {
        try {
            return client.ingest(access(settings), transfer.zip(), transfer.manifestSha512());
        } catch (VitamException e) {
            if (e.retryable()) {
                throw e;
            }
            throw new ArchiveRefusedException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> find(TenantRef tenant, ArchiveSettings settings, Outgoing transfer) {
        return client.findIngest(access(settings), transfer.messageIdentifier());
    }

    @Override
    public ArchiveOutcome follow(TenantRef tenant, ArchiveSettings settings, Outgoing transfer, String operationId) {
        VitamSettings access = access(settings);
        VitamOperation operation = client.operation(access, operationId);
        if (!operation.completed()) {
            // the 202 of the ingest is Vitam's receipt
            return ArchiveOutcome.pending(true);
        }
        Optional<VitamTransferReply> reply = client.archiveTransferReply(access, operationId);
        if (reply.isEmpty()) {
            return ArchiveOutcome.pending(true);
        }
        VitamTransferReply r = reply.get();
        if (!r.accepted()) {
            return ArchiveOutcome.rejected(r.replyCode(), r.comment());
        }
        return ArchiveOutcome.accepted(r.replyCode(), r.unitIds().isEmpty() ? operationId : r.unitIds().get(0));
    }

    private static VitamSettings access(ArchiveSettings settings) {
        ArchiveSettings.Vitam v = settings.vitam();
        return new VitamSettings(v.baseUrl(), v.tenant(), v.accessContract(), v.ingestContext(), v.applicationId(),
                v.clientPkcs12() == null ? null : Base64.getDecoder().decode(v.clientPkcs12()),
                v.pkcs12Password() == null ? null : v.pkcs12Password().toCharArray());
    }
}
