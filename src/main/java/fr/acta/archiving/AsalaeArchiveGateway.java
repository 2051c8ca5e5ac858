package fr.acta.archiving;

import fr.acta.asalae.AsalaeClient;
import fr.acta.asalae.AsalaeException;
import fr.acta.asalae.AsalaeSettings;
import fr.acta.asalae.AsalaeTransferReply;
import fr.acta.tenant.TenantRef;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An As@lae: deposit with {@code sedaMessages} (chunked above the account's chunk size), then its
 * {@code Acknowledgement} and {@code ArchiveTransferReply}. A message As@lae acknowledged was received.
 */
@Component
class AsalaeArchiveGateway implements ArchiveGateway {

    private final AsalaeClient client;

    AsalaeArchiveGateway(AsalaeClient client) {
        this.client = client;
    }

    @Override
    public ArchiveKind kind() {
        return ArchiveKind.ASALAE;
    }

    @Override
    public String send(TenantRef tenant, ArchiveSettings settings, Outgoing transfer) {
        try {
            client.send(account(settings), transfer.manifest(), transfer.transferringAgency(),
                    transfer.messageIdentifier(), transfer.zip());
            return null;
        } catch (AsalaeException e) {
            if (e.retryable()) {
                throw e;
            }
            throw new ArchiveRefusedException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> find(TenantRef tenant, ArchiveSettings settings, Outgoing transfer) {
        return client.acknowledgement(account(settings), transfer.transferringAgency(), transfer.messageIdentifier())
                .map(a -> transfer.messageIdentifier());
    }

    @Override
    public ArchiveOutcome follow(TenantRef tenant, ArchiveSettings settings, Outgoing transfer, String reference) {
        AsalaeSettings account = account(settings);
        Optional<AsalaeTransferReply> reply = client.reply(account, transfer.transferringAgency(),
                transfer.messageIdentifier());
        if (reply.isPresent()) {
            AsalaeTransferReply r = reply.get();
            return r.accepted() ? ArchiveOutcome.accepted(r.replyCode(), r.archiveIdentifier())
                    : ArchiveOutcome.rejected(r.replyCode(), r.comment());
        }
        return ArchiveOutcome.pending(client.acknowledgement(account, transfer.transferringAgency(),
                transfer.messageIdentifier()).isPresent());
    }

    private static AsalaeSettings account(ArchiveSettings settings) {
        ArchiveSettings.Asalae a = settings.asalae();
        return new AsalaeSettings(a.baseUrl(), a.login(), a.password(), a.sha256Password(), a.chunkSize());
    }
}
