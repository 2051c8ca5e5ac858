package fr.acta.prefecture;

import fr.acta.tenant.TenantRef;
import fr.acta.tenant.TenantService;
import fr.acta.transmission.S2low;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowException;
import fr.acta.transmission.S2lowSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One look at the préfecture's unread documents of every collectivité with an S²LOW account, called
 * by the timer of {@code bpmn/prefecture-mailbox.bpmn}. Each letter about an act Acta sent is
 * recorded once (unique per collectivité and S²LOW transaction), in the caller's transaction; it is
 * marked read on S²LOW only after that transaction committed, so a crash in between makes the next
 * look read it again, find it recorded and mark it read, never lose it nor record it twice.
 * Documents about transactions Acta did not send are left unread for the people who handle them.
 */
@Service
public class PrefectureMailbox {

    private static final Logger log = LoggerFactory.getLogger(PrefectureMailbox.class);
    /** Only one look at a time, whatever the node: the others find the lock taken and do nothing. */
    private static final long LOCK = 0x4163746146L;
    static final int MAX_PER_LOOK = 20;

    private final JdbcTemplate jdbc;
    private final TenantService tenants;
    private final S2lowConnections connections;
    private final S2lowClient s2low;
    private final LetterReception reception;

    PrefectureMailbox(JdbcTemplate jdbc, TenantService tenants, S2lowConnections connections, S2lowClient s2low,
                      LetterReception reception) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.connections = connections;
        this.s2low = s2low;
        this.reception = reception;
    }

    /** Reads every collectivité's unread documents; returns how many letters were recorded now. */
    @Transactional
    public int collect() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Map<S2lowSettings, List<Long>> toMark = new LinkedHashMap<>();
        int recorded = 0;
        for (TenantRef tenant : tenants.all()) {
            if (!connections.configured(tenant.id())) {
                continue;
            }
            try {
                S2lowSettings settings = connections.settings(tenant.id());
                List<Long> handled = new ArrayList<>();
                recorded += collect(tenant, settings, handled);
                toMark.put(settings, handled);
            } catch (S2lowException e) {
                log.warn("Mailbox of {}: S²LOW cannot be read now ({}), next look later", tenant.code(), e.getMessage());
            }
        }
        markReadAfterCommit(toMark);
        return recorded;
    }

    private int collect(TenantRef tenant, S2lowSettings settings, List<Long> handled) {
        int recorded = 0;
        for (S2low.PrefectureDocument document : s2low.prefectureDocuments(settings)) {
            if (handled.size() >= MAX_PER_LOOK) {
                break;
            }
            try {
                switch (reception.receive(tenant, settings, document)) {
                    case RECORDED -> {
                        recorded++;
                        handled.add(document.transactionId());
                    }
                    case ALREADY_THERE -> handled.add(document.transactionId());
                    case NOT_OURS -> log.debug("Préfecture document {} of {} is not about an act sent by Acta",
                            document.transactionId(), tenant.code());
                }
            } catch (S2lowException e) {
                log.warn("Préfecture document {} of {} cannot be fetched now: {}", document.transactionId(),
                        tenant.code(), e.getMessage());
            }
        }
        return recorded;
    }

    private void markReadAfterCommit(Map<S2lowSettings, List<Long>> toMark) {
        if (toMark.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                toMark.forEach((settings, ids) -> ids.forEach(id -> {
                    try {
                        s2low.markRead(settings, id);
                    } catch (RuntimeException e) {
                        log.warn("Préfecture document {} recorded but not marked read ({}): read again next time", id,
                                e.getMessage());
                    }
                }));
            }
        });
    }
}
