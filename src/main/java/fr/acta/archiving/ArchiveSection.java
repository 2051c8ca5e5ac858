package fr.acta.archiving;

import fr.acta.act.ActSection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The {@code archive} part of the act's JSON. */
@Component
class ArchiveSection implements ActSection {

    private final ArchiveTransferStore store;

    ArchiveSection(ArchiveTransferStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public Optional<Object> of(UUID actId) {
        return store.latest(actId).map(t -> new ArchiveView(switch (t.state()) {
            case ACCEPTED -> "ARCHIVED";
            case REJECTED -> "ARCHIVE_ERROR";
            default -> "ARCHIVING";
        }, t.archiveIdentifier(), t.archivedAt(), t.kind().name(), t.version().label(), t.messageIdentifier(),
                t.attempt(), t.state().name(), t.acknowledgedAt(), t.replyCode(), t.replyComment()));
    }
}
