package fr.acta.prefecture;

import fr.acta.act.ActSection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The {@code transmission} part of the act's JSON. */
@Component
class TransmissionSection implements ActSection {

    private final TransmissionStore store;
    private final CancellationStore cancellations;
    private final RgsConfirmations confirmations;

    TransmissionSection(TransmissionStore store, CancellationStore cancellations, RgsConfirmations confirmations) {
        this.store = store;
        this.cancellations = cancellations;
        this.confirmations = confirmations;
    }

    @Override
    public String name() {
        return "transmission";
    }

    @Override
    public Optional<Object> of(UUID actId) {
        return store.latest(actId).map(t -> new TransmissionView(t.state().name(), t.attempt(), t.transactionId(),
                t.statusCode(), t.statusLabel(), t.idActe(), t.receivedAt(), t.errorMessage(), t.packageName(),
                store.events(actId), cancellation(actId), confirmations.of(t).orElse(null)));
    }

    private TransmissionView.Cancellation cancellation(UUID actId) {
        return cancellations.latest(actId).filter(c -> c.requestedAt() != null)
                .map(c -> new TransmissionView.Cancellation(c.requestedBy(), c.requestedAt(),
                        c.cancellationTransactionId(), c.cancelledAt(), c.receivedAt(), c.error())).orElse(null);
    }
}
