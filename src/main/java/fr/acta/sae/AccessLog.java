package fr.acta.sae;

import fr.acta.tenant.TenantAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every communication (search, record view, manifest, DIP) is an entry of the archive's
 * hash-chained event log: who ({@code user}), what (the type, the archive, the query), when (the
 * entry's time). The entry commits in a transaction of its own before the answer is sent.
 */
@Component
class AccessLog {

    static final String SEARCH = "ACCESS_SEARCH";
    static final String VIEW = "ACCESS_VIEW";
    static final String MANIFEST = "ACCESS_MANIFEST";
    static final String DIP = "ACCESS_DIP";

    private final EventLog events;
    private final TransactionTemplate tx;

    AccessLog(EventLog events, TransactionTemplate tx) {
        this.events = events;
        this.tx = tx;
    }

    void record(UUID tenantId, String type, String archive, Map<String, ?> more) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("user", TenantAccess.currentUser().username());
        if (archive != null) {
            detail.put("archive", archive);
        }
        detail.putAll(more);
        tx.executeWithoutResult(status -> events.append(tenantId, type, detail));
    }
}
