package fr.acta.sae;

import fr.acta.tenant.TenantRef;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The archive's deposit desk for a producer in the same JVM (Acta's archiving stage): the same
 * reception as the As@lae-compatible {@code sedaMessages}, without the HTTP round trip, and the
 * same two answers. A message identifier already received from that agency gets the first
 * transfer back, never a second archive.
 */
@Service
public class SaeInbox {

    /**
     * Where a transfer stands at the archive.
     *
     * @param status            {@code RECEIVED} (being checked), {@code ACCEPTED} or {@code REJECTED}
     * @param replyCode         the {@code ReplyCode} once processed
     * @param comment           the archive's comment on a refusal
     * @param archiveIdentifier the identifier of the archive it became, once accepted
     * @param acknowledgement   the {@code Acknowledgement} (SEDA XML)
     * @param reply             the {@code ArchiveTransferReply} (SEDA XML), once processed
     */
    public record Standing(String status, String replyCode, String comment, String archiveIdentifier,
                           String acknowledgement, String reply) {
    }

    private final TransferReception reception;
    private final Transfers transfers;
    private final JdbcTemplate jdbc;

    SaeInbox(TransferReception reception, Transfers transfers, JdbcTemplate jdbc) {
        this.reception = reception;
        this.transfers = transfers;
        this.jdbc = jdbc;
    }

    /** Receives a transfer (manifest and its package as attachments); returns the transfer's identifier. */
    public UUID deposit(TenantRef tenant, String depositor, byte[] manifest, byte[] attachments) {
        IncomingFiles.Upload upload = new IncomingFiles.Upload() {
            @Override
            public String name() {
                return "attachments.zip";
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(attachments);
            }
        };
        return reception.receive(tenant, depositor, manifest, List.of(upload)).transfer().id();
    }

    /** The transfer that agency sent under that message identifier, if received. */
    public Optional<Standing> standing(UUID tenantId, String transferringAgency, String messageIdentifier) {
        return transfers.find(tenantId, transferringAgency, messageIdentifier).map(t -> new Standing(
                t.status().name(), t.replyCode(), t.replyComment(), t.archiveId() == null ? null
                : jdbc.queryForObject("select identifier from sae_archive where id = ?", String.class, t.archiveId()),
                t.acknowledgement(), t.reply()));
    }
}
