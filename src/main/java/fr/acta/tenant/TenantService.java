package fr.acta.tenant;

import fr.acta.common.ValidationException;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates collectivités and their people. */
@Service
public class TenantService {

    /** The PAdES levels a collectivité may choose as its default. */
    public static final List<String> SIGNATURE_LEVELS = List.of("B", "T", "LT", "LTA");

    private final TenantRepository tenants;
    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TenantAccess access;

    TenantService(TenantRepository tenants, AppUserRepository users, PasswordEncoder passwordEncoder,
                  TenantAccess access) {
        this.tenants = tenants;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.access = access;
    }

    /**
     * Changes the collectivité's default PAdES level (circuits without a level of their own). Acts
     * already in a circuit keep the level their circuit started with.
     */
    @Transactional
    public TenantRef changeSignatureLevel(TenantRef tenant, String level) {
        String normalized = level == null ? null : level.strip().toUpperCase(java.util.Locale.ROOT);
        if (normalized == null || !SIGNATURE_LEVELS.contains(normalized)) {
            throw ValidationException.of("level", "Le niveau de signature par défaut est B, T, LT ou LTA.");
        }
        Tenant entity = tenants.findById(tenant.id()).orElseThrow();
        entity.setSignatureLevel(normalized);
        access.forget(tenant.code());
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        access.forget(tenant.code());
                    }
                });
        return TenantRef.of(entity);
    }

    @Transactional
    public TenantRef create(String code, String name, String siren, String departement, String arrondissement,
                            String natureCode) {
        var errors = TenantRules.check(code, siren, departement, arrondissement, natureCode);
        if (!errors.isEmpty()) {
            throw new ValidationException("La collectivité n'est pas valide.", errors);
        }
        return TenantRef.of(tenants.save(new Tenant(code, name, siren, departement, arrondissement, natureCode)));
    }

    /**
     * Creates a person. Besides the password's hash, keeps a hash of its SHA-256 (lowercase hex),
     * which Pastell sends to an As@lae archive as the Basic password: Acta's own archive takes it
     * on its As@lae API, and nowhere else (decision 0020).
     */
    @Transactional
    public AppUser createUser(String username, String rawPassword, String displayName, String email,
                              TenantRef tenant, Set<Role> roles) {
        return users.save(new AppUser(username, passwordEncoder.encode(rawPassword),
                passwordEncoder.encode(Sha256Passwords.hex(rawPassword)), displayName, email,
                tenant == null ? null : tenant.id(), roles));
    }

    public boolean exists(String code) {
        return tenants.findByCode(code).isPresent();
    }

    public List<TenantRef> all() {
        return tenants.findAll().stream().map(TenantRef::of).toList();
    }

    public java.util.Optional<AppUser> user(String username) {
        return users.findByUsername(username);
    }

    /** The e-mail addresses of the collectivité's people who hold the role. */
    @Transactional(readOnly = true)
    public java.util.List<String> emailsOf(java.util.UUID tenantId, Role role) {
        return users.findByTenantId(tenantId).stream().filter(u -> u.getRoles().contains(role))
                .map(AppUser::getEmail).filter(e -> e != null && !e.isBlank()).sorted().toList();
    }

    /** The people with these ids, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public java.util.Map<java.util.UUID, AppUser> users(java.util.Collection<java.util.UUID> ids) {
        return users.findAllById(ids).stream().collect(java.util.stream.Collectors.toMap(AppUser::getId, u -> u));
    }
}
