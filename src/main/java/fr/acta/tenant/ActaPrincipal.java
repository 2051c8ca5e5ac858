package fr.acta.tenant;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as the rest of Acta sees it. */
public record ActaPrincipal(UUID userId, String username, String displayName, UUID tenantId, Set<Role> roles,
                            String passwordHash) implements UserDetails {

    public boolean isOperator() {
        return roles.contains(Role.OPERATOR);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "ActaPrincipal[" + username + "]";
    }
}
