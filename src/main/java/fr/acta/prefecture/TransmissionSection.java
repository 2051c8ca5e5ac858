package fr.acta.prefecture;

import fr.acta.act.ActSection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The {@code transmission} part of the act's JSON. */
@Component
class TransmissionSection implements ActSection {

    private final TransmissionStore store;
    private final RgsConfirmations confirmations;

    TransmissionSection(TransmissionStore store, RgsConfirmations confirmations) {
        this.store = store;
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
                store.events(actId), confirmations.of(t).orElse(null)));
    }
}
