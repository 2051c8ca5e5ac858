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

    private final TenantRepository tenants;
    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    TenantService(TenantRepository tenants, AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.tenants = tenants;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
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

    @Transactional
    public AppUser createUser(String username, String rawPassword, String displayName, String email,
                              TenantRef tenant, Set<Role> roles) {
        return users.save(new AppUser(username, passwordEncoder.encode(rawPassword), displayName, email,
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

    /** The people with these ids, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public java.util.Map<java.util.UUID, AppUser> users(java.util.Collection<java.util.UUID> ids) {
        return users.findAllById(ids).stream().collect(java.util.stream.Collectors.toMap(AppUser::getId, u -> u));
    }
}
