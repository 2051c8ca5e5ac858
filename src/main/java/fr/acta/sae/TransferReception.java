package fr.acta.sae;

import fr.acta.common.FieldViolation;
import fr.acta.common.UnavailableException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.TenantRef;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a transfer in: identifies it from its manifest, writes the message and its attachments
 * to the incoming folder (fsynced), then commits its row, its {@code Acknowledgement} and a
 * {@code TRANSFER_RECEIVED} entry of the log together. Only then is the client answered; the
 * checks and the storage come later ({@link TransferWorker}). A message identifier the same
 * transferring agency already used gets the first transfer back, never a second one.
 */
@Service
class TransferReception {

    private static final Logger log = LoggerFactory.getLogger(TransferReception.class);

    /** What the client is told: the transfer (the first one, for a duplicate). */
    record Receipt(Transfers.Transfer transfer, boolean duplicate) {
    }

    private final Transfers transfers;
    private final IncomingFiles incoming;
    private final EventLog events;
    private final TransactionTemplate tx;
    private final SaeProperties properties;

    TransferReception(Transfers transfers, IncomingFiles incoming, EventLog events, TransactionTemplate tx,
                      SaeProperties properties) {
        this.transfers = transfers;
        this.incoming = incoming;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
    }

    Receipt receive(TenantRef tenant, String username, byte[] message,
                    List<? extends IncomingFiles.Upload> attachments) {
        if (message == null || message.length == 0) {
            throw ValidationException.of(ManifestHeader.FIELD, "Le bordereau (seda_message) est obligatoire.");
        }
        if (message.length > properties.maxMessageSize().toBytes()) {
            throw new ValidationException(413, "Le bordereau dépasse la taille maximale acceptée.", List.of(
                    new FieldViolation(ManifestHeader.FIELD, "Au plus " + properties.maxMessageSize().toMegabytes()
                            + " Mo.")));
        }
        ManifestHeader header = ManifestHeader.read(message);
        var existing = transfers.find(tenant.id(), header.transferringAgency(), header.messageIdentifier());
        if (existing.isPresent()) {
            return duplicate(tenant, username, existing.get());
        }
        UUID id = UUID.randomUUID();
        long size;
        try {
            size = incoming.write(id, message, attachments);
        } catch (IOException e) {
            log.error("Transfer {} could not be written to the incoming folder", id, e);
            throw new UnavailableException("Le service d'archives ne peut pas enregistrer le transfert "
                    + "pour le moment ; réessayez plus tard.", e);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String archival = header.archivalAgency() != null ? header.archivalAgency() : properties.identifier();
        String ack = SedaReplies.acknowledgement(new SedaReplies.Request(header.version(), header.messageIdentifier(),
                header.transferringAgency(), archival, null), "ACK-" + id, now);
        Boolean inserted;
        try {
            inserted = tx.execute(status -> {
                if (!transfers.insert(id, tenant.id(), header, archival, username, now, message.length, size, ack)) {
                    return false;
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("transfer", id.toString());
                detail.put("messageIdentifier", header.messageIdentifier());
                detail.put("transferringAgency", header.transferringAgency());
                detail.put("sedaVersion", header.version().label());
                detail.put("receivedBy", username);
                detail.put("attachments", attachments.size());
                detail.put("bytes", message.length + size);
                events.append(tenant.id(), "TRANSFER_RECEIVED", detail);
                return true;
            });
        } catch (RuntimeException e) {
            incoming.delete(id);
            throw e;
        }
        if (!Boolean.TRUE.equals(inserted)) {
            incoming.delete(id);
            return duplicate(tenant, username, transfers.find(tenant.id(), header.transferringAgency(),
                    header.messageIdentifier()).orElseThrow());
        }
        return new Receipt(transfers.find(id).orElseThrow(), false);
    }

    private Receipt duplicate(TenantRef tenant, String username, Transfers.Transfer first) {
        tx.executeWithoutResult(status -> events.append(tenant.id(), "DUPLICATE_RECEIVED", Map.of(
                "transfer", first.id().toString(), "messageIdentifier", first.messageIdentifier(),
                "transferringAgency", first.transferringAgency(), "receivedBy", username)));
        return new Receipt(first, true);
    }
}
