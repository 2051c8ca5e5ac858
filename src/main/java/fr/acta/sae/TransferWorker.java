package fr.acta.sae;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the received transfers, one per transaction, on every node: a transfer is claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so no two workers process it, and its whole outcome (objects
 * recorded, reply, log entry, state) commits at once; a crash leaves it {@code RECEIVED} for the
 * next poll. A failure that is not the transfer's fault (a disk, the database) is retried with a
 * growing delay; after {@code acta.sae.max-attempts} the transfer is refused with code 300, so the
 * transferring service always gets a reply. The incoming files are removed once the outcome is
 * committed.
 */
@Component
class TransferWorker {

    private static final Logger log = LoggerFactory.getLogger(TransferWorker.class);

    private final Transfers transfers;
    private final TransferProcessing processing;
    private final IncomingFiles incoming;
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final java.time.Duration retryDelay;

    TransferWorker(Transfers transfers, TransferProcessing processing, IncomingFiles incoming, TransactionTemplate tx,
                   SaeProperties properties) {
        this.transfers = transfers;
        this.processing = processing;
        this.incoming = incoming;
        this.tx = tx;
        this.maxAttempts = properties.maxAttempts();
        this.retryDelay = properties.retryDelay();
    }

    @Scheduled(fixedDelayString = "${acta.sae.poll:PT0.5S}")
    void drain() {
        while (processOne()) {
            // next transfer
        }
    }

    /** Processes the next waiting transfer, if any; returns whether to look for another one. */
    boolean processOne() {
        UUID[] claimed = new UUID[1];
        try {
            Boolean found = tx.execute(status -> {
                var next = transfers.claimNext();
                if (next.isEmpty()) {
                    return false;
                }
                claimed[0] = next.get().id();
                try {
                    processing.process(next.get());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
            if (Boolean.TRUE.equals(found)) {
                incoming.delete(claimed[0]);
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                log.warn("The archive could not look for received transfers: {}", e.toString());
                return false;
            }
            return failed(claimed[0], e);
        }
    }

    private boolean failed(UUID id, RuntimeException error) {
        log.error("Transfer {} could not be processed", id, error);
        try {
            Boolean refused = tx.execute(status -> {
                var t = transfers.lockWaiting(id);
                if (t.isEmpty()) {
                    return false;
                }
                if (t.get().attempts() + 1 < maxAttempts) {
                    transfers.failedAttempt(id, reason(error),
                            retryDelay.toMillis() * (1L << Math.min(t.get().attempts(), 10)));
                    return false;
                }
                processing.refuse(t.get(), null, List.of(), ReplyCode.INTERNAL_ERROR, "Le transfert n'a pas pu "
                        + "être traité après " + maxAttempts + " tentatives (" + reason(error) + "). Il peut être "
                        + "renvoyé sous un nouvel identifiant de message.", "STORE_OBJECTS");
                return true;
            });
            if (Boolean.TRUE.equals(refused)) {
                incoming.delete(id);
            }
            return true;
        } catch (RuntimeException e) {
            log.error("The failure of transfer {} could not be recorded", id, e);
            return false;
        }
    }

    /**
     * At start-up: removes the incoming folders of transfers already processed (the process
     * stopped between the commit and the removal) and those of receptions that never committed.
     */
    @EventListener(ApplicationReadyEvent.class)
    void sweepIncoming() {
        try {
            Instant limit = Instant.now().minus(Duration.ofHours(1));
            for (UUID id : incoming.present()) {
                var t = transfers.find(id);
                boolean stale = t.isEmpty() && Files.getLastModifiedTime(incoming.folder(id)).toInstant().isBefore(limit);
                if (stale || t.filter(x -> x.status() != Transfers.Status.RECEIVED).isPresent()) {
                    incoming.delete(id);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The archive's incoming folder could not be swept: {}", e.toString());
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
