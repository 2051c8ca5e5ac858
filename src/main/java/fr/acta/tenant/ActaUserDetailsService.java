package fr.acta.tenant;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the people who sign in with HTTP Basic from Acta's own users. */
@Service
public class ActaUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    ActaUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("Utilisateur inconnu"));
        return new ActaPrincipal(user.getId(), user.getUsername(), user.getDisplayName(), user.getTenantId(),
                user.getRoles(), user.getPasswordHash());
    }

    /**
     * The same person, whose password to check is the hash of the password's SHA-256 (Pastell's
     * variant of HTTP Basic); only the archive's As@lae API may use it. A person created before that
     * hash existed has none, hence no such password.
     */
    @Transactional(readOnly = true)
    public UserDetails loadUserBySha256Password(String username) {
        AppUser user = users.findByUsername(username).filter(u -> u.getSha256PasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("Utilisateur inconnu"));
        return new ActaPrincipal(user.getId(), user.getUsername(), user.getDisplayName(), user.getTenantId(),
                user.getRoles(), user.getSha256PasswordHash());
    }
}
