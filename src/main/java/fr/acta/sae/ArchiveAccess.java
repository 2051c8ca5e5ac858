package fr.acta.sae;

import fr.acta.common.NotFoundException;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may consult the archive, with the {@code AccessRule} in mind: archivists and administrators
 * (and the operator's staff) see every archive of their collectivité; the collectivité's other
 * members (secrétaires, élus, agents) only the archives already communicable, whose access
 * rule's delay has run out and which were not eliminated; the archive's service accounts
 * (DEPOSITOR) nothing.
 */
@Component
class ArchiveAccess {

    /** The caller and how far they may see. */
    record Reader(TenantRef tenant, boolean full, String username) {
    }

    private final TenantAccess access;
    private final RecordView records;

    ArchiveAccess(TenantAccess access, RecordView records) {
        this.access = access;
        this.records = records;
    }

    Reader reader(String tenant) {
        TenantRef t = access.require(tenant);
        ActaPrincipal me = TenantAccess.currentUser();
        boolean full = me.isOperator() || me.has(Role.ARCHIVIST) || me.has(Role.ADMIN);
        if (!full && (me.roles().isEmpty() || Set.of(Role.DEPOSITOR).containsAll(me.roles()))) {
            throw new AccessDeniedException("La consultation des archives est réservée aux membres de la collectivité.");
        }
        return new Reader(t, full, me.username());
    }

    /** The archive's row, if this reader may see it: 404 when it does not exist, 403 when not yet communicable. */
    Map<String, Object> archive(Reader r, String identifier) {
        Map<String, Object> row = records.row(r.tenant().id(), identifier).orElseThrow(() -> new NotFoundException(
                "Aucune archive « " + identifier + " » dans ce service d'archives."));
        if (!r.full()) {
            LocalDate end = RecordView.date(row.get("access_end"));
            if (row.get("eliminated_at") != null || end == null || end.isAfter(LocalDate.now(RecordView.PARIS))) {
                throw new AccessDeniedException("L'archive « " + identifier + " » n'est pas communicable"
                        + (end == null ? "" : " avant le " + end) + " : adressez-vous à l'archiviste de la collectivité.");
            }
        }
        return row;
    }
}
