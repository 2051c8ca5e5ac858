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
}
