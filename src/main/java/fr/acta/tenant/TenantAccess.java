package fr.acta.tenant;

import fr.acta.common.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The single gate to a collectivité's data. A person who is not a member of the collectivité (and
 * is not the operator's staff) gets the same 404 as for a collectivité that does not exist.
 */
@Service
public class TenantAccess {

    /** How long a collectivité read here is kept before being read again (settings changed on another node). */
    private static final Duration CACHE_TTL = Duration.ofMinutes(1);

    private final TenantRepository tenants;
    private final ConcurrentMap<String, Cached> byCode = new ConcurrentHashMap<>();

    private record Cached(TenantRef tenant, Instant readAt) {
    }

    TenantAccess(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** The collectivité named in a URL, if the caller may see it; otherwise 404. */
    public TenantRef require(String code) {
        ActaPrincipal me = currentUser();
        TenantRef tenant = find(code).orElseThrow(TenantAccess::notFound);
        if (!me.isOperator() && !tenant.id().equals(me.tenantId())) {
            throw notFound();
        }
        return tenant;
    }

    /** As {@link #require(String)}, and the caller must hold one of the roles (operator always does). */
    public TenantRef requireRole(String code, Role... roles) {
        TenantRef tenant = require(code);
        ActaPrincipal me = currentUser();
        if (me.isOperator()) {
            return tenant;
        }
        for (Role role : roles) {
            if (me.has(role)) {
                return tenant;
            }
        }
        throw new org.springframework.security.access.AccessDeniedException(
                "Cette opération est réservée aux administrateurs de la collectivité.");
    }

    public Optional<TenantRef> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Cached cached = byCode.get(code);
        Instant now = Instant.now();
        if (cached != null && now.isBefore(cached.readAt().plus(CACHE_TTL))) {
            return Optional.of(cached.tenant());
        }
        Optional<TenantRef> found = tenants.findByCode(code).map(TenantRef::of);
        found.ifPresent(t -> byCode.put(code, new Cached(t, now)));
        return found;
    }

    /** Forgets what was read of a collectivité, after a change of its settings. */
    void forget(String code) {
        byCode.remove(code);
    }

    public Optional<TenantRef> findById(UUID id) {
        return tenants.findById(id).map(TenantRef::of);
    }

    public static ActaPrincipal currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ActaPrincipal p) {
            return p;
        }
        throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                "Authentification requise.");
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Collectivité introuvable.");
    }
}
