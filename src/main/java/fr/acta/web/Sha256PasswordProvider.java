package fr.acta.web;

import fr.acta.tenant.ActaUserDetailsService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks Pastell's variant of the Basic password (the password's SHA-256) through {@code delegate},
 * then hands on the person as the rest of Acta knows them, so that the variant's hash never
 * stands for their password anywhere else.
 */
class Sha256PasswordProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final ActaUserDetailsService users;

    Sha256PasswordProvider(AuthenticationProvider delegate, ActaUserDetailsService users) {
        this.delegate = delegate;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = delegate.authenticate(authentication);
        if (result == null || !result.isAuthenticated()) {
            return result;
        }
        var person = users.loadUserByUsername(result.getName());
        return UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
